import { useEffect, useRef, useState } from 'react';
import { subscribeToChanges } from '../../lib/db/change-feed';
import type { Reply } from '../../lib/messaging/protocol';

export type Live<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/**
 * Loads something from the background and loads it again after every change the background makes
 * (the change feed), so a handoff arriving from the hub shows without a reload. `key` names what is
 * loaded: a new key loads afresh.
 */
export function useLive<T>(key: string, load: () => Promise<Reply<T>>): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  // The latest loader without making it a dependency: callers pass inline functions.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const controller = new AbortController();
    let latest = 0;
    const run = async () => {
      const ticket = ++latest;
      const reply = await loader.current();
      // A slower, older reply must not overwrite a newer one.
      if (controller.signal.aborted || ticket !== latest) return;
      // After a refresh fails, what was shown stays: a transient error should not blank the panel.
      setState((previous) => (reply.ok ? { status: 'ready', data: reply.data } : previous.status === 'ready' ? previous : { status: 'error', message: reply.error.message }));
    };
    setState({ status: 'loading' });
    void run();
    subscribeToChanges(() => void run(), controller.signal);
    return () => controller.abort();
  }, [key]);
  return state;
}
