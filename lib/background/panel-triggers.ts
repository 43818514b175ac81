import { browser } from 'wxt/browser';
import type { PanelIntentRequest } from '../messaging/protocol';
import { OPTIONAL_HOSTS, REQUIRED_HOSTS } from '../sites/hosts';
import { handoffOfNotification } from './notification-ids';
import { newHandoffIntent, openSidePanel, recordPanelIntent } from './panel-intent';
import { readSelection } from './read-selection';
import { fieldOfMenuItem, queueSelection, watchOpenDraft } from './selection-menu';

/** The manifest command (wxt.config.ts) and the context-menu item: both start a handoff from the page. */
export const START_HANDOFF_COMMAND = 'start-handoff';
export const START_HANDOFF_MENU = 'baton-start-handoff';
export const START_HANDOFF_MENU_TITLE = 'Start handoff with selection';

// chrome.windows.WINDOW_ID_CURRENT: the window the user is in, known without awaiting anything.
const CURRENT_WINDOW = -2;

/**
 * Opens the panel (first, while the gesture is current), then records what it should show. Without
 * a window to write to, the intent goes to the focused one.
 */
async function openOn(windowId: number | undefined, intent: () => Promise<PanelIntentRequest>): Promise<boolean> {
  const opening = openSidePanel({ windowId: windowId ?? CURRENT_WINDOW });
  // No focused window (all minimised, or closing): the intent goes to no window and the panel,
  // already asked to open, shows the client instead. Nothing the person typed is at stake.
  const target = windowId ?? (await browser.windows.getLastFocused().catch(() => undefined))?.id;
  if (target !== undefined) await recordPanelIntent(target, await intent());
  return opening;
}

/** What the page shows selected; none where Baton may not read the page (the handoff starts without one). */
async function selectionIn(tabId: number): Promise<string | undefined> {
  const selected = await readSelection(tabId);
  return selected.trim() ? selected : undefined;
}

/** The menu item, created on install and on every browser start; removing first makes it idempotent. */
export async function createContextMenus(): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  menus.create({ id: START_HANDOFF_MENU, title: START_HANDOFF_MENU_TITLE, contexts: ['selection'], documentUrlPatterns: [...REQUIRED_HOSTS, ...OPTIONAL_HOSTS] });
}

/**
 * The user gestures that open the panel from outside a page: the keyboard command, the menu item, a
 * click on one of Baton's notifications. If the browser refuses to open the side panel for a
 * notification click, the panel page opens as a tab instead, on the same intent.
 */
export function watchPanelTriggers(): void {
  // The menus and shortcuts are conveniences: a browser that refuses one (an id created twice on a
  // restart, a window closed under the click) leaves the toolbar and the page's button working.
  browser.runtime.onInstalled.addListener(() => void createContextMenus().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void createContextMenus().catch(() => undefined));
  browser.commands?.onCommand.addListener((command, tab) => {
    // The shortcut carries the page's selection as the menu item does (the menu is handed it; the shortcut asks the page).
    if (command === START_HANDOFF_COMMAND) void openOn(tab?.windowId, async () => newHandoffIntent(tab?.id, tab?.id !== undefined ? await selectionIn(tab.id) : undefined)).catch(() => undefined);
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === START_HANDOFF_MENU) void openOn(tab?.windowId, () => newHandoffIntent(tab?.id, info.selectionText)).catch(() => undefined);
    const fieldId = fieldOfMenuItem(info.menuItemId);
    // The draft's form is open in a panel (it offered the item): the panel comes forward, the form takes the text.
    if (fieldId) {
      void openSidePanel({ windowId: tab?.windowId ?? CURRENT_WINDOW }).catch(() => undefined);
      void queueSelection(tab?.windowId, fieldId, info.selectionText).catch(() => undefined);
    }
  });
  watchOpenDraft();
  browser.notifications?.onClicked.addListener((notificationId) => {
    const handoffId = handoffOfNotification(notificationId);
    if (!handoffId) return;
    void (async () => {
      const opened = await openOn(undefined, async () => ({ kind: 'handoff', handoffId }));
      // An already-cleared notification is what we want anyway.
      await browser.notifications.clear(notificationId).catch(() => undefined);
      // A browser that cannot open a tab either (shutting down): the handoff still awaits in the popup.
      if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).catch(() => undefined);
    })();
  });
}
