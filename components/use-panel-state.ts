import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TabState } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';

export type PanelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tab: TabState | null };

/** The state of the tab the panel follows; refreshes when tabs or their recorded context change. */
export function usePanelState(): PanelState {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    const [window, self] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]);
    if (window.id === undefined) return;
    const reply = await sendRequest<'panel/state'>({ type: 'panel/state', windowId: window.id, panelTabId: self?.id });
    setState(reply.ok ? { status: 'ready', tab: reply.data } : { status: 'error', message: reply.error.message });
  }, []);

  useEffect(() => {
    void refresh();
    const onChange = (_: unknown, area: string) => {
      if (area === 'session') void refresh();
    };
    const onActivated = () => void refresh();
    browser.storage.onChanged.addListener(onChange);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      browser.storage.onChanged.removeListener(onChange);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [refresh]);
  return state;
}
