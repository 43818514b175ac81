import type { Page } from '@playwright/test';
import { makeEvent } from '../../lib/events/make-event';
import { openPglite } from '../../server/db';
import { startHub, type Hub } from '../../server/server';
import { mustRequest } from './support/baton.ts';
import { joinHub, startTeamHub } from './support/team.ts';
import { expect, test } from './support/test.ts';

test('joins a team hub from the settings page with an invite code', async ({ baton }) => {
  const hub = await startHub(await openPglite(), { port: 0 });
  try {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const code = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'admin' });
    const options = await baton.openExtensionPage('options.html');
    await options.getByRole('textbox', { name: 'Client name' }).fill('Northwind Outfitters');
    await options.getByRole('textbox', { name: 'Identifiers' }).fill('email-domain:northwindoutfitters.com');
    await options.getByRole('button', { name: 'Add client' }).click();

    await options.getByRole('textbox', { name: 'Hub address' }).fill(hub.url);
    await options.getByRole('textbox', { name: 'Invite code' }).fill('bi_wrong-code-123');
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect(options.getByRole('alert')).toContainText('unknown or was already used');

    await options.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText('as Tom Reyes (tom@brightlane.agency)');
    // The local client now lives in the hub, shared with the team.
    await expect
      .poll(async () => Number((await hub.store.db.query<{ n: string }>("select count(*) as n from events where type = 'client.created'")).rows[0]?.n), { timeout: 15_000 })
      .toBe(1);
    await expect(options.getByRole('list', { name: 'Clients' })).toContainText('Northwind Outfitters');
  } finally {
    await hub.close();
  }
});

type LocalArea = { storage: { local: { get(key: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

/** All of storage.local, as a string: what any content script of Baton's could read. */
function storageLocalText(page: Page): Promise<string> {
  return page.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: LocalArea }).chrome.storage.local.get(null)));
}

/**
 * The hub connection in the extension's own IndexedDB (lib/storage/hub-connection-store.ts), read from an
 * extension page; `replace` puts another value in its place first (undefined deletes it).
 */
function storedConnection(page: Page, replace?: { with: unknown }): Promise<{ token?: string } | undefined> {
  return page.evaluate(
    (replacement) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('baton-hub', 1);
        // No such database (Baton never kept a connection there): say so without creating it.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('connection', 'readwrite').objectStore('connection');
          const read = store.get('hub');
          read.onsuccess = () => {
            if (replacement) {
              if (replacement.with === undefined) store.delete('hub');
              else store.put(replacement.with, 'hub');
            }
            store.transaction.oncomplete = () => {
              db.close();
              resolve(read.result);
            };
          };
        };
      }),
    replace,
  );
}

/** Another member pushes a client through the hub's API; resolves once the hub accepted it. */
async function pushClientAsColleague(hub: Hub, code: string, id: string, name: string): Promise<void> {
  const redeemed = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const { token, member } = (await redeemed.json()) as { token: string; member: { id: string } };
  const pushed = await fetch(`${hub.url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [makeEvent('client.created', member.id, id, { name })] }),
  });
  expect(((await pushed.json()) as { results: { status: string }[] }).results).toEqual([expect.objectContaining({ status: 'accepted' })]);
}

async function clientNames(page: Page): Promise<string[]> {
  return (await mustRequest<{ name: string }[]>(page, { type: 'clients/list' })).map((c) => c.name);
}

test('keeps the member token out of storage.local, where content scripts read, and a token kept there by an older Baton moves on start', async ({ baton }) => {
  const tom = { name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'admin' as const };
  const { hub, invites } = await startTeamHub('Brightlane', [tom, { name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'member' }]);
  try {
    await joinHub(baton, hub.url, invites[0]!, tom);
    const options = await baton.openExtensionPage('options.html');
    expect(await storageLocalText(options)).not.toContain('bt_');
    const kept = await storedConnection(options);
    expect(kept?.token).toMatch(/^bt_/);
    const token = kept!.token!;

    // Sync still authenticates: a colleague's client arrives (the live stream opened with the token).
    await pushClientAsColleague(hub, invites[1]!, 'globex', 'Globex');
    await expect.poll(() => clientNames(options), { timeout: 20_000 }).toContain('Globex');

    // The profile of a Baton from before: the connection in storage.local, nothing in IndexedDB.
    await options.evaluate((old) => (globalThis as unknown as { chrome: LocalArea }).chrome.storage.local.set({ 'baton:hub': old }), kept);
    await storedConnection(options, { with: undefined });
    expect(await storageLocalText(options)).toContain(token);
    // The worker starts again, as after an update (Chrome stops it the same way when it idles).
    const cdp = await baton.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await options.reload();
    await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`as ${tom.name} (${tom.email})`, { timeout: 20_000 });
    await expect.poll(() => storageLocalText(options)).not.toContain(token);
    expect(await storedConnection(options)).toEqual(kept);
    // Still a member: Tom's new client reaches the hub.
    await options.getByRole('textbox', { name: 'Client name' }).fill('Initech');
    await options.getByRole('button', { name: 'Add client' }).click();
    await expect
      .poll(async () => Number((await hub.store.db.query<{ n: string }>("select count(*) as n from events where type = 'client.created' and body->'payload'->>'name' = 'Initech'")).rows[0]?.n), { timeout: 20_000 })
      .toBe(1);
  } finally {
    await hub.close();
  }
});
