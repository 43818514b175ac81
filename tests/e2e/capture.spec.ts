// One-click capture from Gmail and the receiver's in-page prompt, in real Chromium with the built extension.
import type { Page } from '@playwright/test';
import { mustRequest, type ExtensionGlobals } from './support/baton.ts';
import { handOffFromTom } from './support/hand-off.ts';
import { openPanelWithIntent, recordIntents, settleCaptureRace, sidePanelsOpen } from './support/panel-intents.ts';
import { expect, openSite, readExpected, test } from './support/test.ts';

const CAPTURE = { name: 'Capture handoff' } as const;
const PROMPT = { name: 'Baton: handoffs awaiting you' } as const;

/** Replaces Gmail's page content in place and changes the URL, as Gmail does between views (no reload). */
async function navigateInApp(gmail: Page, fixture: string): Promise<void> {
  const target = new URL(readExpected(fixture).url);
  await gmail.evaluate(
    async ({ fixture, hash }) => {
      const html = await (await fetch(`/?fixture=${fixture}`)).text();
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      location.hash = hash;
    },
    { fixture, hash: target.hash },
  );
}

async function gmailTabId(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => (await (globalThis as unknown as ExtensionGlobals).chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id);
}

test('"Capture handoff" sits once beside the open thread’s subject, through re-renders and in-app navigation', async ({ baton }) => {
  const { page: gmail, site } = await openSite(baton, 'gmail-thread');
  const capture = gmail.getByRole('button', CAPTURE);
  await expect(capture).toHaveCount(1);
  await expect(gmail.locator('h2.hP + [data-baton-capture]')).toHaveCount(1);
  await expect(gmail.locator('h2.hP')).toHaveText(site.expected.thread!.subject!);

  // Gmail re-renders the conversation header: the button follows the new heading, still once.
  await gmail.evaluate(() => {
    const heading = document.querySelector('h2.hP')!;
    heading.replaceWith(heading.cloneNode(true));
  });
  await expect(gmail.locator('h2.hP + [data-baton-capture]')).toHaveCount(1);
  await expect(capture).toHaveCount(1);

  await navigateInApp(gmail, 'gmail-inbox');
  await expect(capture).toHaveCount(0);

  await navigateInApp(gmail, 'gmail-thread-sent');
  await expect(gmail.locator('h2.hP')).toHaveText(readExpected('gmail-thread-sent').expected.thread!.subject!);
  await expect(gmail.locator('h2.hP + [data-baton-capture]')).toHaveCount(1);
  await expect(capture).toHaveCount(1);

  // Reachable by keyboard, with a visible focus ring.
  await capture.focus();
  await expect(capture).toBeFocused();
  expect(await capture.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
});

test('a click on "Capture handoff" opens the side panel on a new handoff from that thread, with the selection', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  const client = await mustRequest<{ id: string }>(options, { type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
  const intents = await recordIntents(options);
  const { page: gmail, site } = await openSite(baton, 'gmail-thread');
  const subject = site.expected.thread!.subject!;
  const tabId = await gmailTabId(options);
  await gmail.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h2.hP')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await gmail.getByRole('button', CAPTURE).click();

  await expect.poll(intents).toEqual([expect.objectContaining({ kind: 'new-handoff', tabId, clientId: client.id, selectedText: subject })]);
  // The page click carried through the message: Chromium opened the real side panel.
  await expect.poll(() => sidePanelsOpen(options)).toBeGreaterThan(0);

  // The real panel is no Playwright page, and it has taken the intent: hand the same intent to the
  // panel page opened in a window of its own (where no real panel competes for it).
  const [recorded] = await intents();
  const panel = await openPanelWithIntent(baton, options, recorded!);
  // When the real panel started the suggested draft first, this one starts its own from the same intent.
  await settleCaptureRace(panel, 'Sales → account management', 'Start another anyway');
  await expect(panel.getByText('New handoff · Northwind Outfitters')).toBeVisible();
  await expect(panel.getByLabel('Selected text')).toHaveText(subject);
  // The thread suggests the sales → AM handoff: the draft started at once, no template to pick.
  await expect(panel.getByRole('heading', { level: 1, name: 'Sales → account management' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/Q3 paid social launch handoff/);
  await expect(panel.getByRole('button', { name: 'Send handoff' })).toBeVisible();
});

test('the receiver’s prompt appears in Gmail when a handoff arrives, opens it for review, and can be snoozed', async ({ baton }) => {
  const options = await baton.openExtensionPage('options.html');
  const { page: gmail } = await openSite(baton, 'gmail-thread');
  await expect(gmail.getByRole('button', CAPTURE)).toHaveCount(1);
  const prompt = gmail.getByRole('region', PROMPT);
  await expect(prompt).toHaveCount(0);
  await gmail.locator('h2.hP').focus();

  const intents = await recordIntents(options);
  await handOffFromTom(options);
  // Pushed by the background: no reload, and the page keeps its focus.
  await expect(prompt).toContainText('Tom Reyes handed you Northwind Outfitters: Brief → creative');
  expect(await gmail.evaluate(() => document.activeElement?.matches('h2.hP'))).toBe(true);
  // Clear of where Gmail opens compose windows (bottom-right): at the bottom of its 256 px left rail.
  const box = (await prompt.boundingBox())!;
  const viewport = gmail.viewportSize()!;
  expect(box.x + box.width).toBeLessThanOrEqual(256);
  expect(box.y + box.height).toBeGreaterThan(viewport.height - 40);

  // Asana shows the same prompt, fetched when the page loads.
  const { page: asana } = await openSite(baton, 'asana-task');
  await expect(asana.getByRole('region', PROMPT)).toContainText('Tom Reyes handed you Northwind Outfitters: Brief → creative');
  await asana.close();
  await gmail.bringToFront();

  await prompt.getByRole('button', { name: 'Review' }).click();
  await expect.poll(intents).toEqual([expect.objectContaining({ kind: 'handoff', handoffId: 'h-e2e' })]);
  await expect.poll(() => sidePanelsOpen(options)).toBeGreaterThan(0);

  await prompt.getByRole('button', { name: 'Snooze' }).click();
  await expect(prompt).toHaveCount(0);
  // Still snoozed after a reload.
  await gmail.reload();
  await expect(gmail.getByRole('button', CAPTURE)).toHaveCount(1);
  await expect(prompt).toHaveCount(0);
});
