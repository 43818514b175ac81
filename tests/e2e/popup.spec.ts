// The toolbar popup with the demo agency loaded: what awaits me, one click from its detail.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

type ExtensionGlobals = { chrome: { runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> } } };

/** No serious or critical axe-core violation, in the colour scheme the page is in now. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * The header at the popup's 360 px: the title whole, each header button on one line, nothing wider
 * than the viewport. Measured, so it holds in any colour scheme and font the machine has.
 */
async function expectHeaderFits(page: Page): Promise<void> {
  const layout = await page.getByRole('banner').evaluate((header) => {
    const title = header.querySelector('[data-app-title]') as HTMLElement;
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const titleRight = title.getBoundingClientRect().right;
    return {
      titleCut: title.scrollWidth > title.clientWidth,
      titleOverlapped: [...header.querySelectorAll('button')].some((b) => b.getBoundingClientRect().left < titleRight),
      wrapped: [...header.querySelectorAll('button')].filter((b) => lines(b) > 1).map((b) => b.textContent),
      headerOverflows: header.scrollWidth > header.clientWidth,
      pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  expect(layout).toEqual({ titleCut: false, titleOverlapped: false, wrapped: [], headerOverflows: false, pageOverflows: false });
}

test('the popup lists what awaits me in the demo agency and opens it in the side panel', async ({ baton }) => {
  // What `npm start -- --demo` opens (its extension id computed from the folder, as Chromium does):
  // the settings page loads the demo on arrival.
  const { unpackedExtensionId } = (await import(pathToFileURL(join(ROOT, 'scripts', 'chromium.mjs')).href)) as { unpackedExtensionId(dir: string): string };
  const options = await baton.context.newPage();
  await options.goto(`chrome-extension://${unpackedExtensionId(EXTENSION_DIR)}/options.html#demo`);
  await expect(options.getByRole('status').filter({ hasText: 'Loaded the demo agency' })).toBeVisible();

  const popup = await baton.context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(`chrome-extension://${baton.extensionId}/popup.html`);

  const awaiting = popup.getByRole('region', { name: 'Awaiting your confirmation' });
  await expect(awaiting.getByRole('button')).toHaveCount(3);
  const overdue = awaiting.getByRole('button', { name: /Juniper & Vale signed/ });
  await expect(overdue).toContainText('Juniper & Vale Coffee Roasters');
  await expect(overdue).toContainText('from Marcus Bell');
  await expect(overdue).toContainText(/Overdue by/);
  const gaps = popup.getByRole('region', { name: 'Gaps to answer' });
  await expect(gaps.getByRole('button')).toHaveCount(2);
  await expect(gaps.getByRole('button', { name: /Fernhill starter box launch/ })).toContainText('Tomás Herrera asks 2 questions');
  await expect(popup.getByRole('region', { name: 'Waiting on others' }).getByRole('button', { name: /Quillsoft LinkedIn pilot/ })).toBeVisible();
  await expect(popup.getByRole('status').filter({ hasText: 'Local workspace' })).toBeVisible();

  await expectAccessible(popup);
  await expectHeaderFits(popup);
  // Who and where a handoff stands ("from Dana Whitfield · Answers received") reads whole, never cut with "…".
  const cut = await popup.locator('main span').evaluateAll((spans) => spans.filter((s) => s.textContent?.includes(' · ') && s.scrollWidth > s.clientWidth).map((s) => s.textContent));
  expect(cut).toEqual([]);
  await expect(popup.getByText('from Dana Whitfield · Answers received')).toBeVisible();
  if (process.env.BATON_SCREENSHOTS === '1') await popup.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'popup.png'), fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(popup);
  await expectHeaderFits(popup);
  if (process.env.BATON_SCREENSHOTS === '1') await popup.screenshot({ path: test.info().outputPath('popup-dark.png'), fullPage: true });

  await overdue.click();
  await expect
    .poll(() => options.evaluate(async () => (await (globalThis as unknown as ExtensionGlobals).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length))
    .toBeGreaterThan(0);
});

test('an empty workspace says what the popup is for', async ({ baton }) => {
  const popup = await baton.openExtensionPage('popup.html');
  await expect(popup.getByRole('region', { name: 'Awaiting your confirmation' })).toContainText('Nothing awaits you.');
  await expect(popup.getByRole('button', { name: 'Open side panel' })).toBeEnabled();
});
