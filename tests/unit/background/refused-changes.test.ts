import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../lib/background/start';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { HubStatus } from '../../../lib/messaging/protocol';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { join } from '../server/hub-harness';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

let hub: Hub;
beforeEach(async () => {
  fakeBrowser.reset();
  hub = await startHub(await openPglite(), { port: 0 });
});
afterEach(async () => {
  await hub.close();
});

async function connectedBackground() {
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
  const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-refused-${Date.now()}` });
  const status = async () => {
    const reply = await background.router.handle({ type: 'hub/status' }, OPTIONS_PAGE);
    if (!reply.ok) throw new Error(reply.problem.message);
    return reply.data as HubStatus;
  };
  const code = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
  expect(await background.router.handle({ type: 'hub/connect', url: hub.url, code }, OPTIONS_PAGE)).toMatchObject({ ok: true });
  await expect.poll(async () => (await status()).lastSyncAt, { timeout: 10_000 }).toBeDefined();
  return { background, status };
}

/** A change in the outbox as a Baton that did not clean text yet wrote it. */
async function poisonedChange(background: ReturnType<typeof createBackground>, memberId: string): Promise<string> {
  const { db } = await background.workspace.session();
  const appended = await appendEvent(db, makeEvent('client.created', memberId, 'northwind', { name: 'Northwind', stakeholders: [{ name: 'Lee', role: '', email: 'lee@northwind.com' }] }));
  if (!appended.ok) throw new Error(appended.problem.message);
  const record = (await db.getFromIndex('events', 'byId', appended.event.id))!;
  (record.event.payload as { stakeholders: { name: string }[] }).stakeholders[0]!.name = 'Lee\u0000 Moss\uD83D';
  await db.put('events', record);
  return appended.event.id;
}

describe('changes the hub refused, in the extension', { timeout: 30_000 }, () => {
  it('are listed with the reason and a notification, then Retry shares the change cleaned', async () => {
    const { background, status } = await connectedBackground();
    const id = await poisonedChange(background, (await status()).me.id);
    background.sync.request(0);
    await expect.poll(async () => (await status()).refused, { timeout: 10_000 }).toEqual([{ id, type: 'client.created', reason: expect.stringMatching(/NUL character or half of an emoji/), at: expect.any(String) }]);
    expect((await status()).pending).toBe(0);
    // WXT's fake browser keeps each notification's options (the real API answers only `true`).
    const notifications = Object.values(await browser.notifications.getAll()) as unknown as { title: string }[];
    expect(notifications.map((n) => n.title)).toContain('1 change could not be shared');

    const retried = await background.router.handle({ type: 'hub/retry-refused', id }, OPTIONS_PAGE);
    expect(retried).toMatchObject({ ok: true, data: { refused: [] } });
    await expect.poll(async () => (await hub.store.pull((await hub.store.workspaces())[0]!.id, 0, 100)).map((e) => e.event.id), { timeout: 10_000 }).toContain(id);
    const shared = (await hub.store.pull((await hub.store.workspaces())[0]!.id, 0, 100)).find((e) => e.event.id === id)!;
    expect(shared.event.payload).toMatchObject({ stakeholders: [{ name: 'Lee Moss' }] });
  });

  it('Discard forgets the change; nothing is sent', async () => {
    const { background, status } = await connectedBackground();
    const id = await poisonedChange(background, (await status()).me.id);
    background.sync.request(0);
    await expect.poll(async () => (await status()).refused?.length, { timeout: 10_000 }).toBe(1);
    expect(await background.router.handle({ type: 'hub/discard-refused', id }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { refused: [], pending: 0 } });
    expect(await background.router.handle({ type: 'hub/retry-refused', id }, OPTIONS_PAGE)).toMatchObject({ ok: false, problem: { message: 'That change is no longer waiting.' } });
  });
});
