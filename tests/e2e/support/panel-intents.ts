// A click in a page (Capture handoff, the prompt's Review) opens Chromium's real side panel, which is no
// Playwright page and takes the intent at once. These helpers record the intents and hand one to a
// panel page opened in a window of its own (where no real panel competes for it).
import type { Page } from '@playwright/test';
import { mustRequest, type Baton, type ExtensionGlobals } from './baton.ts';

/** Records every side-panel intent written from now on, as seen from an extension page. */
export async function recordIntents(page: Page): Promise<() => Promise<Record<string, unknown>[]>> {
  await page.evaluate(() => {
    const g = globalThis as unknown as ExtensionGlobals & { intents: unknown[] };
    g.intents = [];
    g.chrome.storage.session.onChanged.addListener((changes) => {
      for (const [key, change] of Object.entries(changes)) if (key.startsWith('baton:intent:') && change.newValue) g.intents.push(change.newValue);
    });
  });
  return () => page.evaluate(() => (globalThis as unknown as { intents: Record<string, unknown>[] }).intents);
}

/** How many real side panels are open. */
export async function sidePanelsOpen(page: Page): Promise<number> {
  return page.evaluate(async () => (await (globalThis as unknown as ExtensionGlobals).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
}

/** Opens sidepanel.html in a new window and gives it `recorded` (an intent as the background wrote it). */
export async function openPanelWithIntent(baton: Baton, from: Page, recorded: Record<string, unknown>): Promise<Page> {
  const { at: _at, ...intent } = recorded;
  const opened = baton.context.waitForEvent('page');
  const windowId = await from.evaluate(async (url) => (await (globalThis as unknown as ExtensionGlobals).chrome.windows.create({ url })).id, `chrome-extension://${baton.extensionId}/sidepanel.html`);
  const panel = await opened;
  await mustRequest(from, { type: 'panel/intent', windowId, intent });
  return panel;
}

/**
 * A capture's intent reaches two panels here (the real one and the page the test opened), and the page
 * suggests a template, so each starts a draft of it at once: whichever starts second finds the first
 * already open (the duplicate guard). Waits for the form or that question, and answers it with
 * `answer`: "Open it" takes the other panel's draft, "Start another anyway" starts this one's own.
 * The form's heading is `templateName`.
 */
export async function settleCaptureRace(panel: Page, templateName: string, answer: 'Open it' | 'Start another anyway'): Promise<void> {
  const form = panel.getByRole('heading', { level: 1, name: templateName });
  const alreadyOpen = panel.getByRole('region', { name: 'Already open' });
  await form.or(alreadyOpen).waitFor();
  if (await alreadyOpen.isVisible()) await alreadyOpen.getByRole('button', { name: answer }).click();
}
