import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { withRecentClient } from '../../lib/match/recent-clients';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { changedValue, getItem, setItem } from '../../lib/storage/store';
import type { PanelState } from '../use-panel-state';
import type { Route } from './navigation';

const KEY = STORAGE_KEYS.recentClients;

/** The ids of the clients last opened in the panel, newest first, kept current when another panel opens one. */
export function useRecentClientIds(): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let stopped = false;
    // A list that cannot be read is no list: search simply offers no recent clients.
    void getItem(KEY)
      .then((stored) => !stopped && setIds(stored ?? []))
      .catch(() => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changedValue(KEY, changes, area);
      if (next) setIds(next);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      stopped = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return ids;
}

/** Notes that the panel shows this client, for "Recent clients". */
export function useRememberClient(clientId: string | undefined): void {
  useEffect(() => {
    if (!clientId) return;
    const remember = async () => setItem(KEY, withRecentClient((await getItem(KEY)) ?? [], clientId));
    void remember().catch(() => undefined);
  }, [clientId]);
}

/** The client the panel shows, if any: one opened, or the followed tab's. */
export function shownClientId(route: Route, state: PanelState): string | undefined {
  if (route.view === 'client') return route.clientId;
  if (route.view !== 'tab' || state.status !== 'ready') return undefined;
  const match = state.tab?.match;
  return match?.status === 'matched' ? match.client.id : undefined;
}
