// One Send click, counted: the requests the side panel sends, the change notices it hears and the
// events the background appends, from the click until the panel has settled on the sent handoff.
// The figures are printed so the README and the issue can quote them; the spec asserts the one
// round trip (one `handoff/send`, no separate autosave) and what the person sees.
import type { Page } from '@playwright/test';
import type { Backup } from '../../lib/messaging/protocol';
import { mustRequest } from './support/baton.ts';
import { fillSalesToAm } from './support/team.ts';
import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

const CLIENT = 'Northwind Outfitters';
const TYPED = 'Wants weekly calls with the founder';

interface Recorded {
  requests: string[];
  notices: string[];
}

/**
 * From now on, records the `type` of every request the page sends to the background (through
 * `chrome.runtime.sendMessage` or, where the browser has one, `browser.runtime.sendMessage`) and of
 * every change notice the background publishes on the change feed.
 */
async function recordTraffic(page: Page): Promise<() => Promise<Recorded>> {
  await page.evaluate(() => {
    type Runtime = { sendMessage(message: unknown, ...rest: unknown[]): unknown };
    const g = globalThis as unknown as { chrome: { runtime: Runtime }; browser?: { runtime?: Runtime }; batonTraffic: Recorded };
    const recorded: Recorded = { requests: [], notices: [] };
    g.batonTraffic = recorded;
    // A wrapper that calls the other one (the polyfill calls chrome's) counts the request once.
    let inside = false;
    const wrap = (runtime: Runtime) => {
      const original = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message, ...rest) => {
        if (inside) return original(message, ...rest);
        recorded.requests.push(String((message as { type?: unknown }).type));
        inside = true;
        try {
          return original(message, ...rest);
        } finally {
          inside = false;
        }
      };
    };
    wrap(g.chrome.runtime);
    if (g.browser?.runtime && g.browser.runtime !== g.chrome.runtime) wrap(g.browser.runtime);
    // The change feed's channel (lib/db/change-feed.ts): every page hears every notice.
    new BroadcastChannel('baton-changes').onmessage = (message: MessageEvent<{ type: string }>) => void recorded.notices.push(message.data.type);
  });
  return () => page.evaluate(() => (globalThis as unknown as { batonTraffic: Recorded }).batonTraffic);
}

/** Waits until nothing new has been recorded for a second: the panel has settled. */
async function settled(read: () => Promise<Recorded>): Promise<Recorded> {
  let last = '';
  let quietSince = Date.now();
  for (;;) {
    const now = await read();
    const key = JSON.stringify(now);
    if (key !== last) [last, quietSince] = [key, Date.now()];
    else if (Date.now() - quietSince >= 1000) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const storedEvents = async (page: Page): Promise<Backup['events']> => (await mustRequest<Backup>(page, { type: 'data/export' })).events;

test('one Send click right after typing: one handoff/send carries the edit, the panel shows the sent handoff with it', async ({ baton }) => {
  test.slow();
  await addClients(baton, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await mustRequest(panel, { type: 'member/add', name: 'Tom Akers', email: 'tom.akers@brightlane.agency' });

  await expect(panel.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  // The thread suggests the sales → AM handoff: it starts at once.
  await panel.getByRole('button', { name: 'Start handoff' }).click();
  await fillSalesToAm(panel);
  await panel.getByRole('combobox', { name: 'Receiver' }).selectOption({ label: 'Tom Akers (tom.akers@brightlane.agency)' });
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const before = await storedEvents(panel);
  const traffic = await recordTraffic(panel);
  // Typed, then Send at once: well within the autosave's 500 ms debounce.
  await panel.getByLabel('Key objections', { exact: true }).fill(TYPED);
  await panel.getByRole('button', { name: 'Send handoff' }).click();

  await expect(panel.getByText('State: Sent')).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Key objections' })).toContainText(TYPED);
  // Held a few seconds for an Undo (issue 14): nothing appended yet; "Send now" sends it at once.
  await panel.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Send now' }).click();
  await expect(panel.getByRole('region', { name: 'Undo' })).toHaveCount(0);
  const click = await settled(traffic);
  const appendedEvents = (await storedEvents(panel)).slice(before.length);
  const appended = appendedEvents.map((e) => e.type);

  console.log(`Send click: ${click.requests.length} request(s) to the background: ${click.requests.join(', ')}`);
  console.log(`Send click: ${click.notices.length} change notice(s) on the change feed: ${click.notices.join(', ')}`);
  console.log(`Send click: ${appended.length} event(s) appended: ${appended.join(', ')}`);

  expect(click.requests.filter((type) => type === 'handoff/send')).toHaveLength(1);
  expect(click.requests).not.toContain('handoff/update');
  // The unsaved edit and the send, appended together.
  expect(appended).toEqual(['handoff.updated', 'handoff.sent']);
  // The edit was stored, not only shown.
  expect(JSON.stringify(appendedEvents[0]?.payload)).toContain(TYPED);
});
