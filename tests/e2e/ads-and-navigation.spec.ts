import { addClients, expect, identifierOf, openSidePanel, openSite, readExpected, test } from './support/test.ts';

test('a Google Ads account matches by the customer ID shown only on the page', async ({ baton }) => {
  const ads = readExpected('google-ads-overview');
  const customer = identifierOf(ads, 'google-ads-customer');
  // The id is on the page, not in the URL: a match proves the content script read the DOM.
  expect(ads.url).not.toContain(customer);
  await addClients(baton, [['Northwind Outfitters', `google-ads-customer:${customer}`]]);
  await openSite(baton, 'google-ads-overview');

  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();
  await expect(panel.getByText('Matched').first()).toBeVisible();
});

test('the side panel follows its tab from a Gmail thread to an Asana task', async ({ baton }) => {
  const project = identifierOf(readExpected('asana-task'), 'asana-project');
  await addClients(baton, [
    ['Northwind Outfitters', 'email-domain:northwindoutfitters.com'],
    ['Harbor & Pine', `asana-project:${project}`],
  ]);
  const { page } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();

  // Same tab, another site and client: the open panel updates by itself...
  await openSite(baton, 'asana-task', page);
  await expect(panel.getByRole('heading', { level: 1, name: 'Harbor & Pine' })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toHaveCount(0);
  // ...and a freshly loaded panel agrees.
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 1, name: 'Harbor & Pine' })).toBeVisible();
});
