import { serial } from '../db/serial';
import type { TabState } from '../messaging/protocol';
import { lastActiveTabKey, STORAGE_KEY_FAMILIES, tabStateKey } from '../storage/keys';
import { familyIds, getItem, removeItem, setItem } from '../storage/store';

// storage.session survives the service worker being stopped, and is cleared with the browser session.
// Every write goes through one queue: a re-match must not overwrite a newer page report, nor bring back
// the state of a tab that closed meanwhile.
const writes = serial();

export async function getTabState(tabId: number): Promise<TabState | null> {
  return (await getItem(tabStateKey(tabId))) ?? null;
}

export async function tabIdsWithState(): Promise<number[]> {
  return (await familyIds(STORAGE_KEY_FAMILIES.tabState)).map(Number);
}

/**
 * Writes a tab's state computed from its current one, in turn with every other write; `update`
 * returns null to leave it as it is (say, the tab has no state any more).
 */
export function updateTabState(tabId: number, update: (current: TabState | null) => Promise<TabState | null>): Promise<TabState | null> {
  return writes(async () => {
    const next = await update(await getTabState(tabId));
    if (next) await setItem(tabStateKey(tabId), next);
    return next;
  });
}

export function removeTabState(tabId: number, windowId?: number): Promise<void> {
  return writes(async () => {
    await removeItem(tabStateKey(tabId));
    if (windowId !== undefined && (await lastActiveTab(windowId)) === tabId) await removeItem(lastActiveTabKey(windowId));
  });
}

/** Remembers the last recognised tab a window showed, so a panel opened as a tab still has a page. */
export function rememberActiveTab(windowId: number, tabId: number): Promise<void> {
  return writes(() => setItem(lastActiveTabKey(windowId), tabId));
}

export function lastActiveTab(windowId: number): Promise<number | undefined> {
  return getItem(lastActiveTabKey(windowId));
}
