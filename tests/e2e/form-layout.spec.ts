// The handoff form and the receiver's view at the side panel's 360 px: the moves that matter (Send, Confirm
// receipt) never sit a long scroll away. Prints the figures measured (form height, distance to Send).
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessible.ts';
import { mustRequest } from './support/baton.ts';
import { handOffFromTom } from './support/hand-off.ts';
import { expect, openSidePanel, test } from './support/test.ts';

const PANEL = { width: 360, height: 800 };

async function showInPanel(panel: Page, handoffId: string): Promise<void> {
  await panel.evaluate(async (handoffId) => {
    const chrome = (globalThis as unknown as { chrome: { windows: { getCurrent(): Promise<{ id: number }> }; storage: { session: { set(v: object): Promise<void> } } } }).chrome;
    const window = await chrome.windows.getCurrent();
    await chrome.storage.session.set({ [`baton:intent:${window.id}`]: { kind: 'handoff', handoffId, at: new Date().toISOString() } });
  }, handoffId);
}

/** The page's height and how far down the page (not the viewport) an element's top sits. */
async function measure(panel: Page, name: string): Promise<{ height: number; distance: number }> {
  const button = panel.getByRole('button', { name, exact: true });
  const distance = await button.evaluate((b) => Math.round(b.getBoundingClientRect().top + window.scrollY));
  const height = await panel.evaluate(() => document.documentElement.scrollHeight);
  return { height, distance };
}

/**
 * Moves focus with `key` up to `steps` times, until it lands inside the pinned bar `testId`; answers each
 * focused control the bar covered (any overlap of their boxes), by its tag and name.
 */
async function focusedUnderBar(panel: Page, testId: string, key: 'Tab' | 'Shift+Tab', steps: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < steps; i++) {
    await panel.keyboard.press(key);
    const seen = await panel.evaluate((testId) => {
      const focused = document.activeElement as HTMLElement | null;
      const bar = document.querySelector(`[data-testid="${testId}"]`);
      if (!focused || focused === document.body || !bar) return { inBar: false };
      if (bar.contains(focused)) return { inBar: true };
      const a = focused.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const name = focused.getAttribute('aria-label') ?? focused.id ?? '';
      return { inBar: false, covered: a.bottom > b.top && a.top < b.bottom ? `${focused.tagName} ${name || focused.textContent?.slice(0, 40)}` : undefined };
    }, testId);
    if (seen.covered) covered.push(seen.covered);
    if (seen.inBar) break;
  }
  return covered;
}

test('a fresh sales → AM draft at 360 px: Receiver, the meter and "Send handoff" in view without scrolling', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  await mustRequest(options, { type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
  const client = await mustRequest<{ id: string }>(options, { type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
  const draft = await mustRequest<{ id: string }>(options, { type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' });

  const panel = await openSidePanel(baton);
  await panel.setViewportSize(PANEL);
  await showInPanel(panel, draft.id);
  const send = panel.getByRole('button', { name: 'Send handoff', exact: true });
  await expect(send).toBeVisible();
  const figures = await measure(panel, 'Send handoff');
  console.log(`form at 360 px: page ${figures.height} px tall, "Send handoff" ${figures.distance} px down`);
  test.info().annotations.push({ type: 'form', description: JSON.stringify(figures) });

  await expect.soft(send).toBeInViewport();
  await expect.soft(panel.getByRole('progressbar', { name: 'Completeness' })).toBeInViewport();
  await expect.soft(panel.getByRole('combobox', { name: 'Receiver' })).toBeInViewport();
  await expect.soft(panel.getByRole('textbox', { name: 'Confirm by' })).toBeInViewport();
  // Still there at the bottom of the form, above the Cancel at its very end.
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(send).toBeInViewport();
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL.width);
  // Tabbing down the form from its top: no focused field ends up under the pinned footer.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.getByRole('textbox', { name: 'Title' }).focus();
  expect(await focusedUnderBar(panel, 'send-footer', 'Tab', 80)).toEqual([]);
  await panel.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(panel);
});

test('the receiver at 360 px: "Confirm receipt" and "Raise gaps" in view wherever the page is scrolled', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  await handOffFromTom(options);
  const panel = await openSidePanel(baton);
  await panel.setViewportSize(PANEL);
  await showInPanel(panel, 'h-e2e');
  const confirm = panel.getByRole('button', { name: 'Confirm receipt', exact: true });
  await expect(confirm).toBeVisible();
  const figures = await measure(panel, 'Confirm receipt');
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await confirm.evaluate((b) => Math.round(b.getBoundingClientRect().top));
  console.log(`receiver at 360 px: page ${figures.height} px tall, "Confirm receipt" ${figures.distance} px down, ${scrolled} px from the viewport's top when scrolled to the end`);
  await expect.soft(confirm).toBeInViewport();
  await expect.soft(panel.getByRole('button', { name: 'Raise gaps', exact: true })).toBeInViewport();
  // Tabbing back up the details from the end: no focused control ends up under the pinned moves.
  await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')].at(-1)?.focus());
  expect(await focusedUnderBar(panel, 'handoff-actions', 'Shift+Tab', 80)).toEqual([]);
  await expectAccessible(panel);
});
