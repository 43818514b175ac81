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
    // The page's identifiers are folded under "This page": unfold them to see the thread's.
    await panel.getByRole('button', { name: /identifiers on this page/ }).click();
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
  await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { name: 'No client for this page' })).toBeVisible();

  // The picker is in the panel: choose the client, and the page's identifiers are linked in one step.
  await panel.getByRole('button', { name: 'Link to client' }).click();
  await panel.getByRole('searchbox', { name: 'Search clients' }).fill('north');
  await panel.getByRole('list', { name: 'Clients' }).getByRole('button', { name: 'Northwind Outfitters' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();

  // Only what can identify the client was linked: never the agency's colleagues or free-mail domains.
  const client = await panel.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { name: string; identifiers: { kind: string; value: string }[] }[] }> } } }).chrome;
    return (await chrome.runtime.sendMessage({ type: 'clients/list' })).data.find((c) => c.name === 'Northwind Outfitters');
  });
  const linked = client?.identifiers.map((i) => `${i.kind}:${i.value}`) ?? [];
  expect(linked).toContain('email-domain:northwindoutfitters.com');
  expect(linked.filter((i) => /brightlane\.agency|gmail\.com/.test(i))).toEqual([]);
});

test('a conversation Gmail hides on the way back to the inbox is no longer claimed, and its button is gone', async ({ baton }) => {
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  const { page: gmail } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(gmail.getByRole('button', { name: 'Capture handoff' })).toHaveCount(1);

  // As Gmail does it: the conversation stays in the DOM, hidden; the list shows; the URL names the inbox.
  await gmail.evaluate(() => {
    document.querySelector('h2.hP')!.closest('.a98')!.setAttribute('style', 'display: none;');
    document.querySelector('tr.zA')!.closest('.ae4')!.setAttribute('style', '');
    history.pushState(null, '', '#inbox');
  });
  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toHaveCount(0);
  // Removed, not merely hidden with its conversation.
  await expect(gmail.locator('[data-baton-capture]')).toHaveCount(0);
  await expect(gmail.locator('h2.hP')).toHaveCount(1);
});
