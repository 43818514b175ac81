// A team hub wired to the outside services of issue 15, all local: the local Asana (webhooks on the
// hub's own address, a short poll), a local Slack incoming-webhook receiver, and reactors ticking often.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { startLocalAsana } from '../../support/local-asana';
import { startSlackReceiver } from '../../support/slack-receiver';
import { mustRequest } from './baton.ts';
import type { Person } from './team.ts';
import { expect } from './test.ts';

export const SLACK_HOOK = '/services/T0001/B0001/brightlaneWorkspace1234';
export const POLL_SECONDS = 3;

type LocalAsana = Awaited<ReturnType<typeof startLocalAsana>>;
type SlackReceiver = Awaited<ReturnType<typeof startSlackReceiver>>;

export interface WorkflowHub {
  hub: Hub;
  asana: LocalAsana;
  slack: SlackReceiver;
  invites: string[];
  close(): Promise<void>;
}

/** A port nobody listens on now: the hub's public address must be known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The local Asana and Slack, and a hub on PGlite whose public address is its own, with an invite per person. */
export async function startWorkflowHub(agency: string, people: Person[]): Promise<WorkflowHub> {
  process.env.BATON_SLACK_WEBHOOK_HOSTS = '127.0.0.1';
  const asana = await startLocalAsana({ allowPrivateTargets: true, deliveryRetryMs: [200, 400] });
  const slack = await startSlackReceiver([SLACK_HOOK]);
  const port = await freePort();
  const hub = await startHub(await openPglite(), {
    port,
    hostname: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${port}`,
    reactorTickMs: 500,
    asana: { baseUrl: asana.url, pollSeconds: POLL_SECONDS, allowPrivateWebhookTargets: true },
  });
  const workspaceId = await hub.store.createWorkspace(agency);
  const invites: string[] = [];
  for (const person of people) invites.push(await hub.store.createInvite(workspaceId, person));
  return {
    hub,
    asana,
    slack,
    invites,
    async close() {
      await hub.close();
      await Promise.all([asana.close(), slack.close()]);
    },
  };
}

/** Waits until `page`'s browser knows every one of `names` as a member of its workspace. */
export async function expectMembers(page: Page, names: string[]): Promise<{ id: string; name: string }[]> {
  let members: { id: string; name: string }[] = [];
  await expect
    .poll(
      async () => {
        members = await mustRequest<{ id: string; name: string }[]>(page, { type: 'members/list' });
        return names.every((n) => members.some((m) => m.name === n));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return members;
}
