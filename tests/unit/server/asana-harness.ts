/* eslint-disable @typescript-eslint/no-explicit-any -- a test harness: hub responses are parsed JSON, checked by the tests */
import { createServer } from 'node:net';
import { afterEach } from 'vitest';
import type { AsanaRuleTrigger } from '../../../server/asana/triggers';
import type { FiredRules } from '../../../server/reactors/fire-rules';
import { startLocalAsana, type LocalAsana } from '../../support/local-asana';
import { teamsClosedAfterEach } from './hub-harness';

/** A port free now, so the hub can be told its own public address before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function until<T>(check: () => T | Promise<T>, what: string, ms = 5000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A hub (its team Jane, admin, and Tom) with client Northwind linked to a project of a local Asana
 * (sections Brief, Ready for creative, Done; a task in Brief), connected with the bot's token, and a
 * recorder in place of the rules engine. `webhooks`: the hub has a public address the local Asana
 * posts to; else it only polls (`publicUrl`: it has an address, http, which Asana would refuse for webhooks). Ticks are run by the test (the timer is an hour).
 */
export function asanaTeams() {
  const { team } = teamsClosedAfterEach();
  const asanas: LocalAsana[] = [];
  afterEach(async () => {
    await Promise.all(asanas.splice(0).map((a) => a.close()));
  });
  return async (kind: 'pglite' | 'postgres', url: string | undefined, opts: { webhooks: boolean; pollSeconds?: number; publicUrl?: boolean; log?: (entry: Record<string, unknown>) => void }) => {
    const asana = await startLocalAsana({ allowPrivateTargets: true, deliveryRetryMs: [50, 100] });
    asanas.push(asana);
    const { control } = asana;
    const project = control.createProject('Northwind — Spring launch');
    const brief = control.createSection(project.gid, 'Brief');
    const ready = control.createSection(project.gid, 'Ready for creative');
    const done = control.createSection(project.gid, 'Done');
    const task = control.createTask({ project: project.gid, section: brief.gid, name: 'Spring launch video', notes: 'Three cuts.', dueOn: '2026-12-20' });
    const fired: AsanaRuleTrigger[] = [];
    const fireRules = async (_ctx: unknown, _workspaceId: string, trigger: AsanaRuleTrigger): Promise<FiredRules> => {
      fired.push(trigger);
      return { started: [], skipped: [] };
    };
    const port = await freePort();
    const t = await team(kind, url, {
      port,
      publicUrl: opts.webhooks || opts.publicUrl ? `http://127.0.0.1:${port}` : undefined,
      reactorTickMs: 3_600_000,
      log: opts.log,
      asana: { baseUrl: asana.url, pollSeconds: opts.pollSeconds ?? 60, fireRules, allowPrivateWebhookTargets: opts.webhooks, secretKey: 'test-secret-key' },
    });
    const linked = await t.jane.push(
      t.jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      t.jane.event('client.identifier_linked', 'northwind', { identifier: { kind: 'asana-project', value: project.gid } }),
    );
    if (linked.some((r: any) => r.status !== 'accepted')) throw new Error(JSON.stringify(linked));
    const connected = await t.jane.call('/v1/integrations/asana', { method: 'PUT', body: JSON.stringify({ token: asana.token }) });
    if (connected.status !== 200) throw new Error(JSON.stringify(connected));
    return { ...t, asana, control, project, sections: { brief, ready, done }, task, fired };
  };
}
