import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelIntent } from '../../../lib/messaging/protocol';
import { panelIntentKey } from '../../../lib/storage/keys';
import type { Client } from '../../../lib/model/client';
import type { PageContext } from '../../../lib/sites/types';
import { contentScriptSender, GMAIL_THREAD_URL, handoffFromColleague, newTestBackground, removeSidePanel, stubSidePanel, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});
afterEach(removeSidePanel);

const intentOf = async (windowId: number) => (await browser.storage.session.get(panelIntentKey(windowId).name))[panelIntentKey(windowId).name] as PanelIntent | undefined;

describe('side panel intents', () => {
  it('an extension page tells a window’s panel what to show', async () => {
    const stored = await bg.ok<PanelIntent>({ type: 'panel/intent', windowId: 4, intent: { kind: 'client', clientId: 'c-1' } });
    expect(stored).toMatchObject({ kind: 'client', clientId: 'c-1', at: expect.any(String) });
    expect(await intentOf(4)).toEqual(stored);
    expect(await bg.refused({ type: 'panel/intent', windowId: 4, intent: { kind: 'client', clientId: 'c-1' } }, contentScriptSender(3))).toMatchObject({ code: 'forbidden' });
  });

  it('a capture click in Gmail opens the panel on a new handoff from that tab, with the selection', async () => {
    const open = stubSidePanel();
    const reply = bg.send({ type: 'capture/start', selectedText: '  Budget is 40k per month.  ' }, contentScriptSender(9, 2));
    // Opened before the handler awaited anything: Chrome accepts open() only while the click is current.
    expect(open).toHaveBeenCalledWith({ windowId: 2 });
    expect(await reply).toEqual({ ok: true, data: { opened: true } });
    expect(await intentOf(2)).toMatchObject({ kind: 'new-handoff', tabId: 9, selectedText: 'Budget is 40k per month.' });
  });

  it('a capture on a page that matched a client goes straight to that client', async () => {
    stubSidePanel();
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    const context: PageContext = { site: 'gmail', url: GMAIL_THREAD_URL, identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] };
    await bg.ok({ type: 'page/context', context }, contentScriptSender(9, 2));
    await bg.ok({ type: 'capture/start' }, contentScriptSender(9, 2));
    expect(await intentOf(2)).toEqual({ kind: 'new-handoff', tabId: 9, clientId: client.id, site: 'gmail', page: context, at: expect.any(String) });
  });

  it('still records the capture when the browser refuses to open the panel, and says so', async () => {
    stubSidePanel('refuses');
    expect(await bg.ok({ type: 'capture/start' }, contentScriptSender(9, 2))).toEqual({ opened: false });
    const intent = await intentOf(2);
    expect(intent).toMatchObject({ kind: 'new-handoff', tabId: 9 });
    expect(intent).not.toHaveProperty('selectedText');
    removeSidePanel();
    expect(await bg.ok({ type: 'capture/start' }, contentScriptSender(9, 2))).toEqual({ opened: false });
  });

  it('accepts a capture only from a tab', async () => {
    stubSidePanel();
    expect(await bg.refused({ type: 'capture/start' })).toMatchObject({ code: 'forbidden' });
    expect(await bg.refused({ type: 'capture/start', selectedText: 'x'.repeat(20_001) }, contentScriptSender(9))).toMatchObject({ code: 'bad-request' });
  });

  it('a click on a prompt opens that handoff in the panel', async () => {
    const open = stubSidePanel();
    const { handoff } = await handoffFromColleague(bg);
    expect(await bg.ok({ type: 'prompt/open', handoffId: handoff.id }, contentScriptSender(5, 3))).toEqual({ opened: true });
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    expect(await intentOf(3)).toMatchObject({ kind: 'handoff', handoffId: handoff.id });
  });
});
