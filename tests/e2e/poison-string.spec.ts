// Fault: text the hub's database cannot store (a NUL, half an emoji), markup and a 1 MB paste, put into
// the side panel's call summary of a browser joined to a hub. What reaches the hub is what the person
// wrote minus the invisible poison; the paste is refused in the form, not sent; sharing never stalls: a
// colleague's change arrives afterwards. And a change the hub refuses is set aside, shown as "Changes
// not shared" with Retry and Discard (screenshots of that region in /work/shots when it exists).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeEvent } from '../../lib/events/make-event';
import { openPglite } from '../../server/db';
import { startHub, type Hub } from '../../server/server';
import { HubStore } from '../../server/store';
import { mustRequest } from './support/baton.ts';
import { joinHub, type Person } from './support/team.ts';
import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';
const JANE: Person = { name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' };
const TOM: Person = { name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'admin' };
const SHOTS = '/work/shots';
/** What the person wrote, around the poison the hub's database refuses (inserted in the page: see `pastePoison`). */
const WRITTEN = `${'A'.repeat(999)} then a NUL, <script>alert("x")</script> and an emoji 🎉`;

/**
 * Pastes into the Summary a 999-letter line ending in half an emoji, a NUL and the rest of WRITTEN. The
 * string is made in the page: the protocol that carries Playwright's text would replace a lone surrogate.
 */
async function pastePoison(panel: Page): Promise<void> {
  await panel.getByRole('textbox', { name: 'Summary' }).evaluate((el) => {
    const poisoned = `${'A'.repeat(999)}${String.fromCharCode(0xd83d)} then a NUL${String.fromCharCode(0)}, <script>alert("x")</script> and an emoji \u{1F389}`;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, poisoned);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

interface StoredEvent {
  id: string;
  entity: { id: string };
  payload: Record<string, unknown>;
}

async function eventsAtHub(hub: Hub, type: string): Promise<StoredEvent[]> {
  const { rows } = await hub.store.db.query<{ body: string | StoredEvent }>('select body from events where type = $1 order by seq', [type]);
  return rows.map((r) => (typeof r.body === 'string' ? (JSON.parse(r.body) as StoredEvent) : r.body));
}

async function redeem(hub: Hub, code: string): Promise<{ token: string; member: { id: string } }> {
  const res = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return (await res.json()) as { token: string; member: { id: string } };
}

/** Jane's browser joined to the hub (Tom joined elsewhere), on a Gmail thread of the client, with its side panel open. */
async function janeOnTheThread(baton: Parameters<typeof openSidePanel>[0], hub: Hub) {
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  const janeCode = await hub.store.createInvite(workspaceId, JANE);
  const tom = await redeem(hub, await hub.store.createInvite(workspaceId, TOM));
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  await joinHub(baton, hub.url, janeCode, JANE);
  await openSite(baton, 'gmail-thread');
  return { workspaceId, tom, panel: await openSidePanel(baton) };
}

test('poison text reaches the hub cleaned, a 1 MB paste is refused in the form, and sharing never stalls', async ({ baton }) => {
  const hub = await startHub(await openPglite(), { port: 0 });
  try {
    const { tom, panel } = await janeOnTheThread(baton, hub);
    const history = panel.getByRole('region', { name: 'History' });
    await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();

    await history.getByRole('button', { name: 'Add call summary' }).click();
    await pastePoison(panel);
    await history.getByRole('button', { name: 'Add call summary' }).click();
    await expect(history.getByRole('list', { name: 'History entries' }).getByRole('listitem').filter({ hasText: '<script>alert("x")</script>' })).toHaveCount(1);
    // At the hub: everything the person wrote, nothing the database would refuse.
    await expect.poll(async () => (await eventsAtHub(hub, 'note.added')).map((e) => (e.payload.note as { summary: string }).summary), { timeout: 15_000 }).toEqual([WRITTEN]);
    await expect.poll(async () => (await mustRequest<{ pending: number }>(panel, { type: 'hub/status' })).pending).toBe(0);

    // A 1 MB paste is refused in the form, with what is wrong; nothing is sent.
    await history.getByRole('button', { name: 'Add call summary' }).click();
    await history.getByRole('textbox', { name: 'Summary' }).fill('x'.repeat(1024 * 1024));
    await history.getByRole('button', { name: 'Add call summary' }).click();
    await expect(history.getByRole('alert')).toContainText('Too long');
    expect(await eventsAtHub(hub, 'note.added')).toHaveLength(1);

    // No stall: a colleague's change pushed straight to the hub reaches this browser.
    const harbor = makeEvent('client.created', tom.member.id, 'harbor-and-pine', { name: 'Harbor & Pine' });
    const pushed = await fetch(`${hub.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${tom.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: [harbor] }) });
    expect(pushed.status).toBe(200);
    const options = await baton.openExtensionPage('options.html');
    await expect(options.getByRole('list', { name: 'Clients' })).toContainText('Harbor & Pine', { timeout: 20_000 });
  } finally {
    await hub.close();
  }
});

test('a change the hub refuses is set aside and shown with Retry and Discard', async ({ baton }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-hub-'));
  let hub = await startHub(await openPglite(dataDir), { port: 0 });
  try {
    const { workspaceId, tom, panel } = await janeOnTheThread(baton, hub);
    const items = panel.getByRole('region', { name: 'Open items' });
    await items.getByRole('button', { name: 'Add item' }).click();
    await items.getByRole('textbox', { name: 'Item' }).fill('Send Maya the signed SOW');
    await items.getByRole('button', { name: 'Add item' }).click();
    await expect.poll(async () => (await eventsAtHub(hub, 'item.added')).length, { timeout: 15_000 }).toBe(1);
    const [item] = await eventsAtHub(hub, 'item.added');

    // Jane closes the item while her browser cannot reach the hub; meanwhile Tom closed it at the hub.
    const port = hub.port;
    await hub.close();
    await items.getByRole('button', { name: 'Mark “Send Maya the signed SOW” done' }).click();
    const db = await openPglite(dataDir);
    const [tomsClose] = await new HubStore(db).push({ memberId: tom.member.id, workspaceId }, [makeEvent('item.completed', tom.member.id, item!.entity.id, {})]);
    expect(tomsClose).toMatchObject({ status: 'accepted' });
    await db.close();
    hub = await startHub(await openPglite(dataDir), { port });

    // Back in reach: Jane's change is refused, set aside and shown; the popup offers Retry and Discard.
    await expect.poll(async () => (await mustRequest<{ refused?: unknown[] }>(panel, { type: 'hub/status' })).refused?.length ?? 0, { timeout: 45_000, intervals: [500] }).toBe(1);
    const popup = await baton.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 640 });
    const region = popup.getByRole('region', { name: 'Changes not shared' });
    await expect(region).toContainText('1 change could not be shared');
    await expect(region).toContainText('That item is already done.');
    await expect(region.getByRole('button', { name: 'Retry' })).toBeVisible();
    if (existsSync(SHOTS)) {
      await popup.emulateMedia({ colorScheme: 'light' });
      await region.screenshot({ path: join(SHOTS, 'refused-light.png') });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await region.screenshot({ path: join(SHOTS, 'refused-dark.png') });
    }
    // Discard: the change is gone for good, nothing waits, and the item stays done (Tom's close).
    await region.getByRole('button', { name: 'Discard' }).click();
    await expect(region).toHaveCount(0);
    expect(await mustRequest<{ pending: number; refused?: unknown[] }>(panel, { type: 'hub/status' })).toMatchObject({ pending: 0, refused: [] });
    await expect(items.getByRole('listitem').filter({ hasText: 'Send Maya the signed SOW' })).toHaveCount(0);
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
