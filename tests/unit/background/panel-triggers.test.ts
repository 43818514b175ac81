import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handoffNotificationId } from '../../../lib/background/notification-ids';
import { createContextMenus, START_HANDOFF_COMMAND, START_HANDOFF_MENU, START_HANDOFF_MENU_TITLE, watchPanelTriggers } from '../../../lib/background/panel-triggers';
import type { PanelIntent } from '../../../lib/messaging/protocol';
import { panelIntentKey } from '../../../lib/storage/keys';
import { REQUIRED_HOSTS } from '../../../lib/sites/hosts';
import { removeSidePanel, stubSidePanel } from '../helpers/background';

/** An extension event the fake browser lacks: listeners, and a way to fire it. */
function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => void)[] = [];
  return { addListener: (f: (...args: Args) => void) => void listeners.push(f), trigger: (...args: Args) => listeners.forEach((f) => f(...args)) };
}

const tab = { id: 12, windowId: 3 } as Browser.tabs.Tab;
let onCommand: ReturnType<typeof fakeEvent<[string, Browser.tabs.Tab | undefined]>>;
let onMenuClicked: ReturnType<typeof fakeEvent<[{ menuItemId: string; selectionText?: string }, Browser.tabs.Tab | undefined]>>;
let menus: { create: ReturnType<typeof vi.fn>; removeAll: ReturnType<typeof vi.fn> };

beforeEach(() => {
  fakeBrowser.reset();
  onCommand = fakeEvent();
  onMenuClicked = fakeEvent();
  menus = { create: vi.fn(), removeAll: vi.fn(() => Promise.resolve()) };
  Object.assign(browser as object, { commands: { onCommand }, contextMenus: { ...menus, onClicked: onMenuClicked } });
  vi.spyOn(browser.windows, 'getLastFocused').mockResolvedValue({ id: 3 } as Browser.windows.Window as never);
});
afterEach(removeSidePanel);

const intentOf = async (windowId: number) => (await browser.storage.session.get(panelIntentKey(windowId).name))[panelIntentKey(windowId).name] as PanelIntent | undefined;

describe('opening the panel from outside the page', () => {
  it('the keyboard command opens the panel on a new handoff from the active tab', async () => {
    const open = stubSidePanel();
    watchPanelTriggers();
    onCommand.trigger(START_HANDOFF_COMMAND, tab);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(await intentOf(3)).toMatchObject({ kind: 'new-handoff', tabId: 12 }));
  });

  it('the keyboard command carries the page’s selection, as the menu item does', async () => {
    const open = stubSidePanel();
    const read = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result: ' Budget: 40k/month ' }] as never);
    watchPanelTriggers();
    onCommand.trigger(START_HANDOFF_COMMAND, tab);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(await intentOf(3)).toMatchObject({ kind: 'new-handoff', tabId: 12, selectedText: 'Budget: 40k/month' }));
    expect(read).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 12 } }));
  });

  it('the keyboard command starts without a selection where the page cannot be read', async () => {
    stubSidePanel();
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    watchPanelTriggers();
    onCommand.trigger(START_HANDOFF_COMMAND, tab);
    await vi.waitFor(async () => expect(await intentOf(3)).toMatchObject({ kind: 'new-handoff', tabId: 12 }));
    expect(await intentOf(3)).not.toHaveProperty('selectedText');
  });

  it('"Start handoff with selection" carries the selected text', async () => {
    const open = stubSidePanel();
    watchPanelTriggers();
    onMenuClicked.trigger({ menuItemId: 'someone-else' }, tab);
    expect(open).not.toHaveBeenCalled();
    onMenuClicked.trigger({ menuItemId: START_HANDOFF_MENU, selectionText: ' Budget: 40k/month ' }, tab);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(await intentOf(3)).toMatchObject({ kind: 'new-handoff', tabId: 12, selectedText: 'Budget: 40k/month' }));
  });

  it('creates the menu item for selections on the served sites, the same one however often it runs', async () => {
    await createContextMenus();
    await createContextMenus();
    expect(menus.removeAll).toHaveBeenCalledTimes(2);
    expect(menus.create).toHaveBeenCalledTimes(2);
    expect(menus.create).toHaveBeenLastCalledWith(expect.objectContaining({ id: START_HANDOFF_MENU, title: START_HANDOFF_MENU_TITLE, contexts: ['selection'], documentUrlPatterns: expect.arrayContaining([...REQUIRED_HOSTS]) }));
  });

  it('a click on a handoff notification opens it, in a tab when the side panel is refused', async () => {
    stubSidePanel('refuses');
    const create = vi.spyOn(browser.tabs, 'create');
    watchPanelTriggers();
    await fakeBrowser.notifications.onClicked.trigger(handoffNotificationId('h-42', 'event-1'));
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/sidepanel\.html$/) }));
    expect(await intentOf(3)).toMatchObject({ kind: 'handoff', handoffId: 'h-42' });
  });

  it('ignores clicks on notifications that are not about a handoff', async () => {
    const open = stubSidePanel();
    watchPanelTriggers();
    await fakeBrowser.notifications.onClicked.trigger('refused-e1');
    expect(open).not.toHaveBeenCalled();
    expect(await intentOf(3)).toBeUndefined();
  });
});
