import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';

test.describe('Gmail thread', () => {
  test('a thread with the client on it shows that client in the side panel', async ({ baton }) => {
    await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
    const { site } = await openSite(baton, 'gmail-thread');

    const panel = await openSidePanel(baton);
    await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
    await expect(panel.getByText('Matched').first()).toBeVisible();
    // The thread the panel talks about is the one open in Gmail.
    const threadId = site.expected.thread?.legacyId ?? site.expected.thread?.id;
    expect(threadId, 'gmail-thread.expected.json names the thread').toBeTruthy();
    await expect(panel.getByText(threadId!).first()).toBeVisible();
  });

  test('a thread that matches no client offers to link one', async ({ baton }) => {
    // The signed-in user works at brightlane.agency: colleagues on the thread never decide the client.
    await addClients(baton, [
      ['Brightlane Agency', 'email-domain:brightlane.agency'],
      ['Someone Else', 'email-domain:example-unrelated.com'],
    ]);
    await openSite(baton, 'gmail-thread');

    const panel = await openSidePanel(baton);
    await expect(panel.getByRole('heading', { name: 'No client for this page' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Link to client' })).toBeVisible();
    await expect(panel.getByRole('heading', { level: 1, name: 'Brightlane Agency' })).toHaveCount(0);
  });
});

test('"Link to client" links the thread’s client identifiers to an existing client, and the panel follows', async ({ baton }) => {
  await addClients(baton, [['Northwind Outfitters', 'google-ads-customer:482-019-3375']]);
  const { page: gmail } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { name: 'No client for this page' })).toBeVisible();

  const optionsOpened = baton.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Link to client' }).click();
  const options = await optionsOpened;
  // Only what can identify the client is offered: never the agency's colleagues or free-mail domains.
  const offered = options.getByRole('textbox', { name: 'Identifiers' });
  await expect(offered).toHaveValue(/email-domain:northwindoutfitters\.com/);
  await expect(offered).not.toHaveValue(/brightlane\.agency|email-domain:gmail\.com/);

  await options.getByRole('combobox', { name: 'Link this page to an existing client' }).selectOption({ label: 'Northwind Outfitters' });
  await options.getByRole('button', { name: 'Link to client' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Linked this page to Northwind Outfitters.' })).toBeVisible();
  await expect(options.getByRole('combobox', { name: 'Link this page to an existing client' })).toHaveCount(0);

  // Back in Gmail, the panel (which follows the active tab) knows the client.
  await gmail.bringToFront();
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();
});
