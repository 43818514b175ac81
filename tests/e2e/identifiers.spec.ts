// Identifiers as people type them (issue 14, item 9): one row each with a friendly label and a kind menu,
// and the page's identifiers folded in the panel with what matching ignores and why.
import { expectAccessible } from './support/accessible.ts';
import { expect, identifierOf, openSidePanel, openSite, readExpected, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';

test('typing "northwindoutfitters.com 482-019-3375" saves two identifiers, and the client is recognised on its thread and its Ads account', async ({ baton }) => {
  const customer = identifierOf(readExpected('google-ads-overview'), 'google-ads-customer');
  const dashed = `${customer.slice(0, 3)}-${customer.slice(3, 6)}-${customer.slice(6)}`;
  const options = await baton.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Client name' }).fill(CLIENT);
  const add = options.getByRole('textbox', { name: 'Add identifiers' });
  await add.fill(`northwindoutfitters.com google ads ${dashed}`);
  await add.press('Enter');
  const rows = options.getByRole('list', { name: 'Identifiers', exact: true }).getByRole('listitem');
  await expect(rows).toHaveText([/^Email domain northwindoutfitters\.com/, new RegExp(`^Google Ads customer ID ${dashed}`)]);
  await expect(options.getByRole('combobox', { name: `Kind of ${dashed}` })).toHaveValue('google-ads-customer');
  await expect(options.getByRole('alert')).toHaveCount(0);
  await expectAccessible(options);
  await options.getByRole('button', { name: 'Add client' }).click();
  await expect(options.getByRole('list', { name: 'Clients' }).getByRole('listitem').filter({ hasText: CLIENT })).toContainText(
    `Email domain northwindoutfitters.com · Google Ads customer ID ${dashed}`,
  );

  const { page } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  const unfold = panel.getByRole('button', { name: /identifiers on this page/ });
  await expect(unfold).toHaveText('10 identifiers on this page (4 ignored) · show');
  await unfold.click();
  const onPage = panel.getByRole('list', { name: 'Identifiers on this page' });
  await expect(onPage.getByRole('listitem').filter({ hasText: 'Email domain gmail.com' })).toContainText('Ignored: a free mail provider');
  await expect(onPage.getByRole('listitem').filter({ hasText: 'Email domain brightlane.agency' })).toContainText('Ignored: your agency’s own domain');
  await expectAccessible(panel);

  await openSite(baton, 'google-ads-overview', page);
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(panel.getByText('Recognised by Google Ads customer ID')).toBeVisible();
});
