import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handoff } from '../../../lib/model/handoff';
import type { PageContext } from '../../../lib/sites/types';
import { contentScriptSender, GMAIL_THREAD_URL, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
const gmail: PageContext = { site: 'gmail', url: GMAIL_THREAD_URL, identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] };

beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

describe('the toolbar badge', () => {
  it('counts what awaits my confirmation on every tab, in a local workspace too, and goes back to the client once settled', async () => {
    await bg.ok({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    await bg.ok({ type: 'page/context', context: gmail }, contentScriptSender(7));
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('NO');

    // The demo agency has handoffs awaiting me: the count shows on the Gmail tab and window-wide.
    await bg.ok({ type: 'demo/load' });
    const awaiting = await bg.ok<Handoff[]>({ type: 'handoffs/awaiting-me' });
    expect(awaiting.length).toBeGreaterThan(0);
    await expect.poll(() => browser.action.getBadgeText({ tabId: 7 })).toBe(String(awaiting.length));
    expect(await browser.action.getBadgeText({})).toBe(String(awaiting.length));
    // A tab reported afterwards shows the count too.
    await bg.ok({ type: 'page/context', context: gmail }, contentScriptSender(8));
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe(String(awaiting.length));

    // Confirming one counts down.
    const confirmable = awaiting.find((h) => h.state !== 'gaps_raised')!;
    await bg.ok({ type: 'handoff/confirm', id: confirmable.id });
    await expect.poll(() => browser.action.getBadgeText({ tabId: 7 })).toBe(String(awaiting.length - 1));
  });
});
