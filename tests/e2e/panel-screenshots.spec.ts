// README screenshots of the side panel from the real build, with the demo agency loaded:
//   BATON_SCREENSHOTS=1 BATON_SKIP_BUILD=1 npx playwright test tests/e2e/panel-screenshots.spec.ts
// Writes docs/screenshots/panel-*.png (light) and test-results/panel-screenshots/*-dark.png (for review).
// Skipped in ordinary runs: it checks nothing a user notices that panel.spec.ts does not.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/baton.ts';
import { FIXTURE_DIR } from './support/fixture-server.ts';
import { expect, openSidePanel, readExpected, test } from './support/test.ts';

test.skip(!process.env.BATON_SCREENSHOTS, 'set BATON_SCREENSHOTS=1 to refresh the README screenshots');

const SIZE = { width: 360, height: 800 };
const README_DIR = join(ROOT, 'docs', 'screenshots');
const REVIEW_DIR = join(ROOT, 'test-results', 'panel-screenshots');

/** Switches the colour scheme; reduced motion turns the colour transitions off, so no picture catches one halfway. */
async function settle(panel: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await panel.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
}

/** Whole-page pictures in both schemes, for reviewing the design below the fold. */
async function review(panel: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await settle(panel, scheme);
    await panel.screenshot({ path: join(REVIEW_DIR, `${name}-full-${scheme}.png`), fullPage: true });
  }
  await panel.emulateMedia({ colorScheme: 'light' });
}

async function shoot(panel: Page, name: string): Promise<void> {
  await panel.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await panel.evaluate(() => window.scrollTo(0, 0));
  await settle(panel, 'light');
  await panel.screenshot({ path: join(README_DIR, `${name}.png`) });
  await settle(panel, 'dark');
  await panel.screenshot({ path: join(REVIEW_DIR, `${name}-dark.png`) });
  await panel.emulateMedia({ colorScheme: 'light' });
}

test('side panel screenshots', async ({ baton }) => {
  const panel = await openSidePanel(baton);
  await panel.setViewportSize(SIZE);
  // An empty profile starts on the first-run path.
  await expect(panel.getByRole('region', { name: 'Who you are' })).toBeVisible();
  await shoot(panel, 'panel-first-run');
  const loaded = await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'demo/load' }));
  expect(loaded).toMatchObject({ ok: true });

  // The Gmail fixture, retold as a thread with a demo client, so the data on screen tells one story.
  const thread = readExpected('gmail-thread');
  const html = readFileSync(join(FIXTURE_DIR, 'gmail-thread.html'), 'utf8')
    .replaceAll('northwindoutfitters.com', 'junipervale.coffee')
    .replaceAll('Northwind Outfitters', 'Juniper & Vale')
    .replaceAll('Q3 paid social launch handoff', 'subscriptions relaunch, signed');
  await baton.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const gmail = await baton.context.newPage();
  await gmail.goto(thread.url);
  await panel.bringToFront();

  await expect(panel.getByRole('heading', { level: 1, name: 'Juniper & Vale Coffee Roasters' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Open handoffs' }).getByRole('listitem').first()).toBeVisible();
  await shoot(panel, 'panel-client');
  await review(panel, 'client');

  // Search from the header: `/`, a few letters of a customer ID.
  await panel.keyboard.press('/');
  await panel.keyboard.type('455-902');
  await expect(panel.getByRole('listbox', { name: 'Search results' })).toBeVisible();
  await panel.screenshot({ path: join(README_DIR, 'panel-search.png') });
  await settle(panel, 'dark');
  await panel.screenshot({ path: join(REVIEW_DIR, 'panel-search-dark.png') });
  await settle(panel, 'light');
  await panel.keyboard.press('Escape');
  await panel.keyboard.press('Escape');

  await panel.getByRole('button', { name: 'Start handoff' }).click();
  // The demo's Juniper & Vale already has one in flight: the duplicate guard asks first.
  await panel.getByRole('button', { name: 'Start another anyway' }).click();
  await panel.getByLabel('Primary goals', { exact: true }).fill('Double subscription sign-ups by March\nKeep gift-box revenue flat');
  await panel.getByLabel('Key objections', { exact: true }).fill('Burned by the last agency on reporting: wants weekly numbers');
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await shoot(panel, 'panel-new-handoff');
  await review(panel, 'form');

  await panel.getByRole('button', { name: 'Back' }).click();
  await panel.getByRole('region', { name: 'Open handoffs' }).getByRole('button', { name: /^Juniper & Vale signed/ }).click();
  await expect(panel.getByRole('button', { name: 'Confirm receipt' })).toBeVisible();
  await shoot(panel, 'panel-handoff-detail');
  await review(panel, 'detail');
  await panel.getByRole('button', { name: 'Raise gaps' }).click();
  await review(panel, 'raise-gaps');

  // A page no client owns, with the picker open.
  await gmail.bringToFront();
  await gmail.goto(readExpected('google-ads-overview').url.replace('7879395008', '1112223334'));
  await panel.bringToFront();
  await panel.getByRole('button', { name: 'Back' }).click();
  await panel.getByRole('button', { name: 'Link to client' }).click();
  await review(panel, 'link');
});
