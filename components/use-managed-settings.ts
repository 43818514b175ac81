import { useEffect, useRef, useState } from 'react';
import { TEAM_HUB_ANCHOR } from '../lib/background/first-run';
import { readManagedSettings, watchManagedSettings, type ManagedSettings } from '../lib/storage/managed-settings';

/** What IT set by policy, kept current while the page is open; undefined until first read. */
export function useManagedSettings(): ManagedSettings | undefined {
  const [settings, setSettings] = useState<ManagedSettings | undefined>();
  useEffect(() => {
    let live = true;
    void readManagedSettings().then((read) => live && setSettings(read));
    const stop = watchManagedSettings((changed) => live && setSettings(changed));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

/**
 * Focuses the element once `ready`, when the page was opened at the Team hub section (Baton's first run
 * with a hub pre-set by IT opens `options.html#hub`): the person lands on the field, not at the page top.
 */
export function useFocusOnArrival<T extends HTMLElement>(ready: boolean): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready && window.location.hash === `#${TEAM_HUB_ANCHOR}`) ref.current?.focus();
  }, [ready]);
  return ref;
}
