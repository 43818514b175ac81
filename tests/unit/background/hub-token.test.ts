// The member token is a secret: content scripts can read all of storage.local, so it lives in the
// extension's own IndexedDB (lib/storage/hub-connection-store.ts). A browser that joined before keeps
// its membership: the token moves once, and sync still authenticates with it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../lib/background/start';
import type { HubStatus } from '../../../lib/messaging/protocol';
import { forgetHubConnection, loadHubConnection, saveHubConnection } from '../../../lib/storage/hub-connection-store';
import { redeemInvite, type HubConnection } from '../../../lib/sync/hub-client';
import { startHub, type Hub } from '../../../server/server';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';
import { databases, freshDb, join, type Member } from '../server/hub-harness';

const page = OPTIONS_PAGE;
let n = 0;
const hubs: Hub[] = [];
const backgrounds: ReturnType<typeof createBackground>[] = [];

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  for (const bg of backgrounds.splice(0)) bg.sync.disconnect();
  await Promise.all(hubs.splice(0).map((h) => h.close().catch(() => undefined)));
});

/** Everything storage.local holds, as one string: what a content script could read. */
async function storageLocalText(): Promise<string> {
  return JSON.stringify(await browser.storage.local.get(null));
}

function background(dbName: string) {
  const bg = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName });
  backgrounds.push(bg);
  return bg;
}

async function clientNames(bg: ReturnType<typeof createBackground>): Promise<string[]> {
  const reply = await bg.router.handle({ type: 'clients/list' }, page);
  return reply.ok ? (reply.data as { name: string }[]).map((c) => c.name) : [];
}

/** Jane's client reaches Tom's browser, and Tom's reaches the hub: both directions authenticated. */
async function expectSyncBothWays(bg: ReturnType<typeof createBackground>, jane: Member, label: string): Promise<void> {
  const [pushed] = await jane.push(jane.event('client.created', `jane-${label.replaceAll(' ', '-')}`, { name: `Northwind ${label}` }));
  expect(pushed).toMatchObject({ status: 'accepted' });
  expect(await bg.router.handle({ type: 'clients/save', client: { name: `Acme ${label}`, identifiers: '' } }, page)).toMatchObject({ ok: true });
  bg.sync.request(0);
  await expect.poll(() => clientNames(bg), { timeout: 10_000 }).toContain(`Northwind ${label}`);
  await expect
    .poll(async () => (await jane.call('/v1/events?after=0')).body.events.map((e: { event: { payload: { name?: string } } }) => e.event.payload.name), { timeout: 10_000 })
    .toContain(`Acme ${label}`);
  const status = await bg.router.handle({ type: 'hub/status' }, page);
  expect(status.ok && (status.data as HubStatus).lastError).toBeFalsy();
}

describe.each(databases())('the member token, against a hub on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  async function team() {
    const hub = await startHub((await freshDb(kind, url)).db, { port: 0 });
    hubs.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const tomCode = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
    return { hub, workspaceId, jane, tomCode };
  }

  it('moves out of storage.local on start when the browser joined before, once, and sync still authenticates', async () => {
    const { hub, workspaceId, jane, tomCode } = await team();
    // What a Baton before this version stored when Tom joined: the whole connection in storage.local.
    const joined = await redeemInvite(hub.url, tomCode);
    if (!joined.ok) throw new Error(joined.problem.message);
    const old: HubConnection = { url: hub.url, token: joined.data.token, memberId: joined.data.member.id, workspaceId };
    await browser.storage.local.set({ 'baton:hub': old, 'baton:prompt-snooze': {} });
    const dbName = `baton-token-move-${n++}-${Date.now()}`;

    const bg = background(dbName);
    expect(await bg.router.handle({ type: 'hub/status' }, page)).toMatchObject({ ok: true, data: { connected: true, url: hub.url, me: { name: 'Tom Reyes' } } });
    expect(await storageLocalText()).not.toContain(old.token);
    expect(await browser.storage.local.get('baton:hub')).toEqual({});
    // What else was there stays.
    expect(await browser.storage.local.get('baton:prompt-snooze')).toEqual({ 'baton:prompt-snooze': {} });
    expect(await loadHubConnection(dbName)).toEqual(old);
    await expectSyncBothWays(bg, jane, 'after the move');

    // The next start (the worker stopped, or the extension updated) finds it in its new place.
    bg.sync.disconnect();
    const restarted = background(dbName);
    expect(await restarted.router.handle({ type: 'hub/status' }, page)).toMatchObject({ ok: true, data: { connected: true, me: { name: 'Tom Reyes' } } });
    await expectSyncBothWays(restarted, jane, 'after a restart');
    expect(await storageLocalText()).not.toContain(old.token);
  });

  it('is never in storage.local after joining, nor in a backup; leaving deletes it', async () => {
    const { hub, jane, tomCode } = await team();
    const dbName = `baton-token-join-${n++}-${Date.now()}`;
    const bg = background(dbName);
    expect(await bg.router.handle({ type: 'hub/connect', url: hub.url, code: tomCode }, page)).toMatchObject({ ok: true, data: { connected: true } });
    const kept = await loadHubConnection(dbName);
    expect(kept).toMatchObject({ url: hub.url, token: expect.stringMatching(/^bt_/) });
    const token = kept!.token;
    expect(await storageLocalText()).not.toContain(token);
    expect(await storageLocalText()).not.toContain('bt_');
    await expectSyncBothWays(bg, jane, 'after joining');
    expect(await storageLocalText()).not.toContain(token);
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain(token);

    const backup = await bg.router.handle({ type: 'data/export' }, page);
    expect(backup).toMatchObject({ ok: true, data: { format: 'baton-backup' } });
    expect(JSON.stringify(backup)).toContain('Acme after joining');
    expect(JSON.stringify(backup)).not.toContain(token);

    expect(await bg.router.handle({ type: 'hub/disconnect' }, page)).toMatchObject({ ok: true, data: { connected: false } });
    expect(await loadHubConnection(dbName)).toBeUndefined();
    // A fresh start stays local: nothing of the membership is left to find.
    expect(await background(dbName).router.handle({ type: 'hub/status' }, page)).toMatchObject({ ok: true, data: { connected: false } });
  });
});

describe('the stored hub connection', () => {
  const connection: HubConnection = { url: 'http://127.0.0.1:8787', token: 'bt_0123456789abcdef', memberId: 'm1', workspaceId: 'w1' };

  it('survives a worker stopped between writing it to IndexedDB and removing the storage.local copy', async () => {
    const dbName = `baton-token-half-${n++}`;
    await saveHubConnection(connection, dbName);
    await browser.storage.local.set({ 'baton:hub': { ...connection, token: 'bt_the-older-copy' } });
    expect(await loadHubConnection(dbName)).toEqual(connection);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('is forgotten from both places on leaving', async () => {
    const dbName = `baton-token-leave-${n++}`;
    await saveHubConnection(connection, dbName);
    await browser.storage.local.set({ 'baton:hub': connection });
    await forgetHubConnection(dbName);
    expect(await loadHubConnection(dbName)).toBeUndefined();
    expect(await browser.storage.local.get(null)).toEqual({});
  });
});
