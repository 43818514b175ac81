import { browser } from 'wxt/browser';
import { serial } from '../db/serial';
import { tabStateKey as tabKey, type TabState } from '../messaging/protocol';

// storage.session survives the service worker being stopped, and is cleared with the browser session.
// Every write goes through one queue: a re-match must not overwrite a newer page report, nor bring back
// the state of a tab that closed meanwhile.
const lastTabKey = (windowId: number) => `window:${windowId}:last-tab`;
const writes = serial();

export async function getTabState(tabId: number): Promise<TabState | null> {
  const value = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as TabState | undefined;
  return value ?? null;
}

export async function tabIdsWithState(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)));
}

/**
 * Writes a tab's state computed from its current one, in turn with every other write; `update`
 * returns null to leave it as it is (say, the tab has no state any more).
 */
export function updateTabState(tabId: number, update: (current: TabState | null) => Promise<TabState | null>): Promise<TabState | null> {
  return writes(async () => {
    const next = await update(await getTabState(tabId));
    if (next) await browser.storage.session.set({ [tabKey(tabId)]: next });
    return next;
  });
}

export function removeTabState(tabId: number, windowId?: number): Promise<void> {
  return writes(async () => {
    await browser.storage.session.remove(tabKey(tabId));
    if (windowId !== undefined && (await lastActiveTab(windowId)) === tabId) await browser.storage.session.remove(lastTabKey(windowId));
  });
}

/** Remembers the last recognised tab a window showed, so a panel opened as a tab still has a page. */
export function rememberActiveTab(windowId: number, tabId: number): Promise<void> {
  return writes(() => browser.storage.session.set({ [lastTabKey(windowId)]: tabId }));
}

export async function lastActiveTab(windowId: number): Promise<number | undefined> {
  const value = (await browser.storage.session.get(lastTabKey(windowId)))[lastTabKey(windowId)];
  return typeof value === 'number' ? value : undefined;
}
