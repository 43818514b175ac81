import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { changedValue } from '../../lib/storage/store';
import { readFirstRun, saveFirstRun, type FirstRunProgress } from './progress';

/**
 * The stored first-run progress, followed live: undefined while it is read, null before the person
 * starts. A change made in the other page (the popup's Skip, the panel's Continue) shows here at once.
 * `save` moves the step here at once and in storage after; done never turns back to not done.
 */
export function useFirstRunProgress(): { progress: FirstRunProgress | null | undefined; save: (next: FirstRunProgress) => void } {
  const [progress, setProgress] = useState<FirstRunProgress | null>();
  useEffect(() => {
    let mounted = true;
    void readFirstRun().then((stored) => mounted && setProgress((current) => (current === undefined ? (stored ?? null) : current)));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changedValue(STORAGE_KEYS.firstRun, changes, area);
      if (next) setProgress((current) => (current?.done && !next.done ? current : next));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      mounted = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const save = useCallback((next: FirstRunProgress) => {
    setProgress((current) => (current?.done && !next.done ? current : next));
    void saveFirstRun(next);
  }, []);
  return { progress, save };
}
