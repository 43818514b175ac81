// Looking a client up without its page open: the side panel's search, keyboard only, and the
// searchable client list in Settings, with the demo agency loaded.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessible.ts';
import { expect, openSidePanel, test } from './support/test.ts';

async function loadDemo(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'demo/load' }));
  expect(loaded).toMatchObject({ ok: true });
}

test('search in the panel finds a client by a domain and by a customer id typed with dashes, and opens it from the keyboard; Settings → Clients filters by the same rules', async ({ baton }) => {
  const panel = await openSidePanel(baton);
  await panel.setViewportSize({ width: 360, height: 800 });
  await loadDemo(panel);
  const search = panel.getByRole('combobox', { name: 'Search clients and handoffs' });
  const results = panel.getByRole('listbox', { name: 'Search results' });

  // `/` from anywhere in the panel, then a domain, then Enter: the client's view, its heading focused.
  await expect(panel.getByRole('heading', { level: 1, name: 'No page to read' })).toBeVisible();
  await panel.keyboard.press('/');
  await expect(search).toBeFocused();
  await panel.keyboard.type('alderbrookdental.com');
  await expect(results.getByRole('group', { name: 'Clients' }).getByRole('option')).toHaveText(['Alderbrook Dental GroupEmail domain alderbrookdental.com']);
  await expectAccessible(panel);
  // At 360 px the header holds title, search and Settings on one line, and the results fit the panel.
  const layout = await panel.evaluate(() => {
    const header = document.querySelector('header')!;
    const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    return { overflow: header.scrollWidth - header.clientWidth, searchWidth: box('[role="combobox"]').width, settings: box('header button').height, results: box('[role="listbox"]').right };
  });
  expect(layout.overflow).toBeLessThanOrEqual(0);
  expect(layout.searchWidth).toBeGreaterThan(120);
  expect(layout.settings).toBeLessThan(40);
  expect(layout.results).toBeLessThanOrEqual(360);
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    await panel.screenshot({ path: test.info().outputPath(`search-results-${colorScheme}.png`) });
  }
  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 1, name: 'Alderbrook Dental Group' })).toBeFocused();
  await expect(results).toBeHidden();
  await expect(search).toHaveValue('');

  // A Google Ads customer id typed with dashes finds the client stored as google-ads-customer:4559021186.
  await panel.keyboard.press('/');
  await panel.keyboard.type('455-902-1186');
  await expect(results.getByRole('option', { name: 'Brightwater Marina Resort Google Ads customer ID 455-902-1186' })).toBeVisible();
  await panel.keyboard.press('ArrowDown');
  await expect(results.getByRole('option', { selected: true })).toContainText('Brightwater Marina Resort');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 1, name: 'Brightwater Marina Resort' })).toBeFocused();

  // Nothing typed: the clients last opened, newest first; Escape closes.
  await panel.keyboard.press('/');
  await expect(results.getByRole('group', { name: 'Recent clients' }).getByRole('option')).toHaveText(['Brightwater Marina Resort', 'Alderbrook Dental Group']);
  await panel.keyboard.press('Escape');
  await expect(results).toBeHidden();

  // Handoffs by a person's name, and a message when nothing matches.
  await panel.keyboard.type('Priya');
  await expect(results.getByRole('group', { name: 'Handoffs' }).getByRole('option').first()).toContainText('Priya Nair');
  await search.fill('no such client anywhere');
  await expect(panel.getByText('No client or handoff matches “no such client anywhere”.')).toBeVisible();

  // Settings → Clients: the list narrows by the same rules, with a count.
  const options = await baton.openExtensionPage('options.html#clients');
  const list = options.getByRole('list', { name: 'Clients' });
  await expect(list.getByRole('listitem')).not.toHaveCount(0);
  const total = await list.getByRole('listitem').count();
  await expect(options.getByText(`${total} clients`, { exact: true })).toBeVisible();
  const filter = options.getByRole('searchbox', { name: 'Search clients' });
  await filter.fill('604-118-2290');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('Alderbrook Dental Group');
  await expect(options.getByText(`1 of ${total} clients`, { exact: true })).toBeVisible();
  await filter.fill('zzz nobody');
  await expect(options.getByText('No client matches “zzz nobody”.', { exact: false })).toBeVisible();
  await expect(list).toBeHidden();
});
