import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { PanelIntent } from '../../lib/messaging/protocol';
import { panelIntentKey, type StorageKey } from '../../lib/storage/keys';
import { getItem, removeItem } from '../../lib/storage/store';

/** An intent nobody took in time (the panel did not open: Firefox, a lost gesture) is not acted on later. */
const FRESH_MS = 2 * 60_000;

/**
 * What the background asked this window's panel to show (a capture, a prompt, a notification):
 * read on mount and whenever it changes, handed over once, then removed so a reload does not repeat it.
 */
export function usePanelIntent(onIntent: (intent: PanelIntent) => void): void {
  const handler = useRef(onIntent);
  handler.current = onIntent;

  useEffect(() => {
    let key: StorageKey<PanelIntent> | undefined;
    let lastAt: string | undefined;
    let stopped = false;
    const read = async () => {
      // The panel opened as a tab uses its own window, like usePanelState.
      if (!key) {
        const window = await browser.windows.getCurrent();
        if (window.id === undefined) return;
        key = panelIntentKey(window.id);
      }
      const stored = await getItem(key);
      if (stopped || !stored || stored.at === lastAt) return;
      lastAt = stored.at;
      await removeItem(key);
      if (Date.now() - Date.parse(stored.at) <= FRESH_MS) handler.current(stored);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === key?.area && changes[key.name]?.newValue !== undefined) void readSafely();
    };
    // A failed read leaves the intent for the next change or the next panel: nothing to report here.
    const readSafely = () => read().catch(() => undefined);
    void readSafely();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      stopped = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
}
