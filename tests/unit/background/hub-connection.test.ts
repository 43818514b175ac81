import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../lib/background/start';
import { loadHubConnection } from '../../../lib/storage/hub-connection-store';
import type { Handoff } from '../../../lib/model/handoff';
import type { HubStatus } from '../../../lib/messaging/protocol';
import type { Hub } from '../../../server/server';
import { hubPerTest } from '../helpers/hub-per-test';
import { join } from '../server/hub-harness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

const page = OPTIONS_PAGE;

let hub: Hub;
let n = 0;
hubPerTest((started) => (hub = started));

describe('joining a team hub from the extension', { timeout: 30_000 }, () => {
  it('connects with an invite, brings the local clients along, and delivers a handoff addressed to me with a notification', async () => {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const tomCode = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });

    const dbName = `baton-hubconn-${n++}-${Date.now()}`;
    const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName });
    const { router } = background;
    await router.handle({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: 'email-domain:harborandpine.com' } }, page);
    expect(await router.handle({ type: 'hub/status' }, page)).toMatchObject({ ok: true, data: { connected: false } });

    const wrong = await router.handle({ type: 'hub/connect', url: hub.url, code: 'bi_not-a-real-code' }, page);
    expect(wrong).toMatchObject({ ok: false, problem: { message: expect.stringContaining('unknown or was already used') } });
    const connected = await router.handle({ type: 'hub/connect', url: hub.url, code: tomCode }, page);
    expect(connected).toMatchObject({ ok: true, data: { connected: true, url: hub.url, me: { name: 'Tom Reyes', email: 'tom@brightlane.agency' } } });
    // Kept where content scripts cannot read it (the token is a secret): not in storage.local.
    expect(await loadHubConnection(dbName)).toMatchObject({ url: hub.url, memberId: (connected as { data: HubStatus }).data.me.id });
    expect(await browser.storage.local.get('baton:hub')).toEqual({});

    // The local client reaches the hub.
    await expect.poll(async () => (await jane.call('/v1/events?after=0')).body.events.map((e: { event: { type: string } }) => e.event.type), { timeout: 10_000 }).toContain('client.created');

    // Jane hands Tom a brief; Tom's extension hears of it and tells him.
    const tomId = (connected as { data: HubStatus }).data.me.id;
    await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tomId, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );
    background.sync.request(0);
    await expect.poll(async () => {
      const reply = await router.handle({ type: 'handoffs/awaiting-me' }, page);
      return reply.ok ? (reply.data as Handoff[]).map((h) => h.id) : [];
    }, { timeout: 10_000 }).toEqual(['h1']);
    await expect.poll(async () => Object.keys(await browser.notifications.getAll()), { timeout: 5000 }).toHaveLength(1);
    expect(await browser.action.getBadgeText({})).toBe('1');

    // Disconnecting brings the local workspace back, as it was; the hub keeps what was shared.
    const disconnected = await router.handle({ type: 'hub/disconnect' }, page);
    expect(disconnected).toMatchObject({ ok: true, data: { connected: false } });
    expect(await browser.storage.local.get('baton:hub')).toEqual({});
    expect(await loadHubConnection(dbName)).toBeUndefined();
    const local = await router.handle({ type: 'clients/list' }, page);
    expect(local.ok && (local.data as { name: string }[]).map((c) => c.name)).toEqual(['Harbor & Pine']);
  });
});

describe('the hub address', () => {
  it('must be https unless the hub runs on this machine', async () => {
    fakeBrowser.reset();
    const { router } = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-hubaddr-${Date.now()}` });
    const reply = await router.handle({ type: 'hub/connect', url: 'http://hub.brightlane.agency', code: 'bi_0123456789abcdef' }, page);
    expect(reply).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('Use https://') } });
  });
});

describe('a hub connection that fails', { timeout: 30_000 }, () => {
  it('says which way: unreachable, not a Baton hub, invite spent, token revoked', async () => {
    const { createServer } = await import('node:http');
    // A web server that is not a hub: it answers every path with an HTML 404.
    const web = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    // The admin joins first (the hub requires it); then Tom's invite can be used.
    await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const code = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
    const bg = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-hubfail-${n++}-${Date.now()}` });
    const connect = (url: string, invite = code) => bg.router.handle({ type: 'hub/connect', url, code: invite }, page);
    try {
      // Nothing listens on port 9 of this machine.
      expect(await connect('http://127.0.0.1:9')).toMatchObject({ ok: false, problem: { code: 'hub-unreachable', message: expect.stringContaining('Baton cannot reach the team hub at http://127.0.0.1:9: check the address') } });
      expect(await connect(webUrl)).toMatchObject({ ok: false, problem: { code: 'not-a-hub', message: expect.stringContaining('not as a Baton hub') } });
      expect(await connect(hub.url, 'bi_not-a-real-code')).toMatchObject({ ok: false, problem: { code: 'invite-spent' } });
      const joined = await connect(hub.url);
      expect(joined, JSON.stringify(joined)).toMatchObject({ ok: true, data: { connected: true } });
      expect(await connect(hub.url)).toMatchObject({ ok: false, problem: { code: 'invite-spent', message: expect.stringContaining('already used') } });

      await hub.store.revokeTokens(workspaceId, 'tom@brightlane.agency');
      bg.sync.request(0);
      await expect
        .poll(async () => {
          const status = await bg.router.handle({ type: 'hub/status' }, page);
          return status.ok ? (status.data as HubStatus).lastError : undefined;
        }, { timeout: 10_000 })
        .toMatch(/no longer accepts this browser/);
    } finally {
      bg.sync.disconnect();
      await new Promise((resolve) => web.close(resolve));
    }
  });
});
