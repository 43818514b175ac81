import { useEffect, useRef, useState } from 'react';
import { subscribeToChanges } from '../../lib/db/change-feed';
import type { Reply } from '../../lib/messaging/protocol';

const MAX_RETRIES = 3;
const RETRY_MS = 500;

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
    let retries = 0;
    let shown = false;
    const run = async () => {
      const ticket = ++latest;
      const reply = await loader.current();
      // A slower, older reply must not overwrite a newer one.
      if (controller.signal.aborted || ticket !== latest) return;
      if (reply.ok) {
        shown = true;
        setState({ status: 'ready', data: reply.data });
        return;
      }
      // After a refresh fails, what was shown stays: a transient error should not blank the panel.
      if (shown) return;
      setState({ status: 'error', message: reply.error.message });
      // A service worker that is still waking up answers a moment later: ask again a few times.
      if (reply.error.code === 'unavailable' && retries < MAX_RETRIES) {
        retries += 1;
        setTimeout(() => !controller.signal.aborted && void run(), RETRY_MS * retries);
      }
    };
    setState({ status: 'loading' });
    void run();
    subscribeToChanges(() => void run(), controller.signal);
    return () => controller.abort();
  }, [key]);
  return state;
}
