import { browser } from 'wxt/browser';
import type { TabState } from '../messaging/protocol';

// storage.session survives the service worker being stopped, and is cleared with the browser session.
const tabKey = (tabId: number) => `tab:${tabId}`;
const lastTabKey = (windowId: number) => `window:${windowId}:last-tab`;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const value = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as TabState | undefined;
  return value ?? null;
}

export async function allTabStates(): Promise<TabState[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab:'))
    .map(([, value]) => value as TabState);
}

export async function putTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Remembers the last recognised tab a window showed, so a panel opened as a tab still has a page. */
export async function rememberActiveTab(windowId: number, tabId: number): Promise<void> {
  await browser.storage.session.set({ [lastTabKey(windowId)]: tabId });
}

export async function lastActiveTab(windowId: number): Promise<number | undefined> {
  const value = (await browser.storage.session.get(lastTabKey(windowId)))[lastTabKey(windowId)];
  return typeof value === 'number' ? value : undefined;
}
