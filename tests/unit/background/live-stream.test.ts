import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebSocket as NodeWebSocket } from 'ws';
import { createBackground } from '../../../lib/background/start';
import type { Handoff } from '../../../lib/model/handoff';
import type { HubStatus } from '../../../lib/messaging/protocol';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { join as joinHub } from '../server/hub-harness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

const page = OPTIONS_PAGE;

let scratch = '';
beforeAll(() => {
  // Node 20 has no WebSocket global; the extension's worker does. ws speaks the same API.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
  scratch = mkdtempSync(join(tmpdir(), 'baton-live-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the live stream to the hub', { timeout: 90_000 }, () => {
  it('delivers a handoff the moment it is sent, and after a dropped connection reconnects and catches up', async () => {
    fakeBrowser.reset();
    const dataDir = join(scratch, 'hub');
    let hub: Hub = await startHub(await openPglite(dataDir), { port: 0 });
    const port = hub.port;
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await joinHub(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const tomCode = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });

    const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-live-${Date.now()}` });
    const connected = await background.router.handle({ type: 'hub/connect', url: hub.url, code: tomCode }, page);
    const tomId = (connected as { ok: true; data: HubStatus }).data.me.id;
    await expect.poll(() => hub.connections(), { timeout: 10_000 }).toBe(1);
    const awaiting = async () => {
      const reply = await background.router.handle({ type: 'handoffs/awaiting-me' }, page);
      return reply.ok ? (reply.data as Handoff[]).map((h) => h.id).sort() : [];
    };

    // Nobody asks Tom's extension to sync: the hub's announcement does.
    await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tomId, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );
    await expect.poll(awaiting, { timeout: 5_000 }).toEqual(['h1']);

    // The hub goes away (a deploy, a crash) and comes back on the same address and data.
    await hub.close();
    hub = await startHub(await openPglite(dataDir), { port });
    const janeAgain = await joinHub(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    await janeAgain.push(
      janeAgain.event('handoff.created', 'h2', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tomId, fields: COMPLETE_BRIEF }),
      janeAgain.event('handoff.sent', 'h2', {}),
    );
    // The extension reconnects by itself and pulls what it missed.
    await expect.poll(() => hub.connections(), { timeout: 60_000 }).toBe(1);
    await expect.poll(awaiting, { timeout: 10_000 }).toEqual(['h1', 'h2']);
    background.sync.disconnect();
    await hub.close();
  });
});
