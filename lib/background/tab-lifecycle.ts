import { browser } from 'wxt/browser';
import { detectSite } from '../sites';
import { showMatchOnBadge } from './badge';
import { getTabState, rememberActiveTab, removeTabState } from './tab-states';

/** Keeps per-tab state true to the tabs: forgotten when a tab closes or leaves the sites Baton reads. */
export function watchTabs(): void {
  browser.tabs.onRemoved.addListener((tabId, { windowId }) => {
    void removeTabState(tabId, windowId);
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void getTabState(tabId).then((state) => state && rememberActiveTab(windowId, tabId));
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete') return;
    // tab.url is visible only on hosts Baton may read: absent means the tab left them.
    if (tab.url && detectSite(tab.url)) return;
    void getTabState(tabId).then(async (state) => {
      if (!state) return;
      await removeTabState(tabId, tab.windowId);
      await showMatchOnBadge(tabId, null);
    });
  });
}

/**
 * The toolbar button opens the popup (what awaits me, with its own "Open side panel" button). Earlier
 * versions made it open the side panel, and Chrome keeps that setting: turn it off explicitly.
 */
export async function letToolbarOpenPopup(): Promise<void> {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  // Older Chromium without the behaviour setting opens the popup on its own: nothing to do.
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}
