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
  await expectAccessible(panel);
});
