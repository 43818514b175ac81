import { openPglite } from '../../server/db';
import { startHub } from '../../server/server';
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
