// A browser that joined hub A before IT's policy named hub B: sync stops sending to A, says why in the
// sync status (Settings → Team hub and the popup), keeps every change, and resumes once the policy goes.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebSocket as NodeWebSocket } from 'ws';
import { createBackground } from '../../../lib/background/start';
import type { HubStatus } from '../../../lib/messaging/protocol';
import { startHub, type Hub } from '../../../server/server';
import { freshDb, join as joinHub } from '../server/hub-harness';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

const MANAGED = 'https://hub.agency.example';
let hub: Hub;
let sentToHubA: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  hub = await startHub((await freshDb('pglite')).db, { port: 0 });
  sentToHubA = [];
  // Node 20 has no WebSocket global; the extension's worker does. ws speaks the same API; this one
  // also records each stream opened to hub A.
  vi.stubGlobal(
    'WebSocket',
    class extends NodeWebSocket {
      constructor(url: string, protocols?: string[]) {
        super(url, protocols);
        if (url.startsWith(hub.url.replace(/^http/, 'ws'))) sentToHubA.push(`STREAM ${new URL(url).pathname}`);
      }
    },
  );
  // Every request this browser makes to hub A, recorded on its way through.
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(hub.url)) sentToHubA.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    return realFetch(input, init);
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await hub.close();
});

describe('a hub joined before IT set another one', { timeout: 30_000 }, () => {
  it('is not synced with while the policy names another hub; nothing typed is lost, and it resumes without the policy', async () => {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    // Jane, the admin, already on hub A: what she can pull is what hub A received from Tom's browser.
    const jane = await joinHub(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const onHubA = async () => ((await jane.call('/v1/events?after=0&limit=1000')).body.events as { event: { type: string } }[]).map((e) => e.event.type);
    const code = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
    const { router, sync } = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-managed-sync-${Date.now()}` });
    const ask = async (message: object) => {
      const reply = await router.handle(message, OPTIONS_PAGE);
      if (!reply.ok) throw new Error(reply.problem.message);
      return reply.data;
    };
    const status = async () => (await ask({ type: 'hub/status' })) as HubStatus;
    await ask({ type: 'hub/connect', url: hub.url, code });
    // Joined and live: the stream is open and a round has run since it opened.
    await expect.poll(() => hub.connections(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await status()).live, { timeout: 10_000 }).toBe(true);

    // IT's policy arrives, naming another hub; then Tom adds a client.
    await fakeBrowser.storage.managed.set({ hubUrl: `${MANAGED}/` });
    sentToHubA = [];
    await ask({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    sync.request(0);
    const message = `Your organisation set Baton to use its team hub ${MANAGED} only: disconnect from ${hub.url} in Settings → Team hub, then join ${MANAGED}.`;
    await expect.poll(async () => (await status()).lastError ?? 'no sync error', { timeout: 10_000 }).toContain(message);
    expect(sentToHubA).toEqual([]);
    // The stream to hub A is closed, and the alarm's reconnect does not open it again.
    await expect.poll(() => hub.connections(), { timeout: 5_000 }).toBe(0);
    await sync.connectStream();
    expect(sentToHubA).toEqual([]);
    expect(await status()).toMatchObject({ connected: true, pending: 1, live: false });
    expect(await onHubA()).not.toContain('client.created');

    // The policy goes: the next round delivers the change that waited.
    await fakeBrowser.storage.managed.clear();
    sync.request(0);
    await sync.connectStream();
    await expect.poll(async () => (await status()).pending, { timeout: 10_000 }).toBe(0);
    // The reconnect may still be reporting the policy it read a moment before it went: the next round clears it.
    await expect.poll(async () => (await status()).lastError, { timeout: 10_000 }).toBeUndefined();
    expect(sentToHubA.some((request) => request.startsWith('POST'))).toBe(true);
    expect(await onHubA()).toContain('client.created');
    await expect.poll(() => hub.connections(), { timeout: 10_000 }).toBe(1);
    sync.disconnect();
  });
});
