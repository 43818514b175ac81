import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebSocket as NodeWebSocket } from 'ws';
import { createBackground } from '../../../lib/background/start';
import type { HubStatus } from '../../../lib/messaging/protocol';
import type { Handoff } from '../../../lib/model/handoff';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';
import { join as joinHub } from '../server/hub-harness';

let hub: Hub | undefined;
beforeAll(() => {
  // Node 20 has no WebSocket global; the extension's worker does. ws speaks the same API.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
});
afterAll(() => hub?.close());

describe('a live stream the hub closes', { timeout: 90_000 }, () => {
  it('is opened again by the extension on its next alarm, which pulls what was announced meanwhile (the member’s other browser gives way)', async () => {
    fakeBrowser.reset();
    // One stream per member: Tom's second browser closes the extension's stream with 4008.
    hub = await startHub(await openPglite(), { port: 0, maxStreamsPerMember: 1 });
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await joinHub(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const tomInvite = { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' as const };

    const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-cut-${Date.now()}` });
    const connected = await background.router.handle({ type: 'hub/connect', url: hub.url, code: await hub.store.createInvite(workspaceId, tomInvite) }, OPTIONS_PAGE);
    const tomId = (connected as { ok: true; data: HubStatus }).data.me.id;
    await expect.poll(() => hub!.connections(), { timeout: 10_000 }).toBe(1);
    // A start and an alarm at once (a worker woken by its alarm) still hold one stream.
    background.sync.disconnect();
    await expect.poll(() => hub!.connections(), { timeout: 5_000 }).toBe(0);
    await Promise.all([background.sync.connectStream(), background.sync.connectStream()]);
    await expect.poll(() => hub!.connections(), { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hub.connections()).toBe(1);

    const tomElsewhere = await joinHub(hub, await hub.store.createInvite(workspaceId, tomInvite));
    const other = await tomElsewhere.stream();
    const closedOther = new Promise<number>((resolve) => other.socket.on('close', (code) => resolve(code)));
    await expect.poll(() => hub!.streams().closed.overMemberLimit, { timeout: 5_000 }).toBe(1);
    await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tomId, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );

    // Given way, the extension does not bump the other browser back at once (more live browsers than
    // the cap would bump each other in a loop): it waits for the minute's alarm, which pulls and
    // reconnects — and now the other browser's stream is the oldest, and gives way.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(hub.connections()).toBe(1);
    expect(hub.streams().closed.overMemberLimit).toBe(1);
    background.sync.request(0);
    void background.sync.connectStream();
    expect(await closedOther).toBe(4008);
    const awaiting = async () => {
      const reply = await background.router.handle({ type: 'handoffs/awaiting-me' }, OPTIONS_PAGE);
      return reply.ok ? (reply.data as Handoff[]).map((h) => h.id) : [];
    };
    await expect.poll(awaiting, { timeout: 10_000 }).toEqual(['h1']);
    expect(hub.connections()).toBe(1);
    background.sync.disconnect();
  });
});
