import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TabState } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { tabStateKey } from '../lib/storage/keys';
import { changedValue } from '../lib/storage/store';

export type PanelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tab: TabState | null };

/** The state of the tab the panel follows; refreshes when tabs or their recorded context change. */
export function usePanelState(): PanelState {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  // Where the panel lives never changes: asked once.
  const where = useRef<Promise<{ windowId?: number; selfId?: number }> | null>(null);
  const followed = useRef<number | undefined>(undefined);
  const refresh = useCallback(async () => {
    where.current ??= Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]).then(([window, self]) => ({ windowId: window.id, selfId: self?.id }));
    const { windowId, selfId } = await where.current;
    if (windowId === undefined) return;
    const reply = await sendRequest<'panel/state'>({ type: 'panel/state', windowId, panelTabId: selfId });
    followed.current = reply.ok ? reply.data?.tabId : undefined;
    setState(reply.ok ? { status: 'ready', tab: reply.data } : { status: 'error', message: reply.problem.message });
  }, []);

  useEffect(() => {
    const refreshSafely = () => refresh().catch((error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
    void refreshSafely();
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      // The followed tab moved on (a navigation): its new state comes with the change, no need to ask.
      const own = followed.current !== undefined ? changedValue(tabStateKey(followed.current), changes, area) : undefined;
      if (own && Object.keys(changes).length === 1) setState({ status: 'ready', tab: own });
      else void refreshSafely();
    };
    const onActivated = () => void refreshSafely();
    browser.storage.onChanged.addListener(onChange);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      browser.storage.onChanged.removeListener(onChange);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [refresh]);
  return state;
}
