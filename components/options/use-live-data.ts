import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeToChanges } from '../../lib/db/change-feed';
import type { Reply } from '../../lib/messaging/protocol';

export type LiveData<T> = { status: 'loading' } | { status: 'ready'; data: T; error?: string } | { status: 'error'; message: string };

/**
 * Loads from the background, and again after every change the background announces (the change
 * feed) when `stores` names one of the changed stores (or always, without `stores`). A failed
 * reload keeps what was shown and reports the error beside it: nothing disappears on a hiccup.
 */
export function useLiveData<T>(load: () => Promise<Reply<T>>, stores?: readonly string[]): LiveData<T> & { reload: () => void } {
  const [state, setState] = useState<LiveData<T>>({ status: 'loading' });
  const loader = useRef(load);
  loader.current = load;
  const latest = useRef(0);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    const reply = await loader.current();
    if (ticket !== latest.current) return;
    setState((previous) => {
      if (reply.ok) return { status: 'ready', data: reply.data };
      return previous.status === 'ready' ? { ...previous, error: reply.error.message } : { status: 'error', message: reply.error.message };
    });
  }, []);

  const watched = stores?.join(',');
  useEffect(() => {
    const controller = new AbortController();
    void run();
    const names = watched?.split(',');
    subscribeToChanges((notice) => {
      // A rebuild (eventId null) touches every view.
      if (!names || notice.eventId === null || notice.stores.some((s) => names.includes(s))) void run();
    }, controller.signal);
    return () => {
      controller.abort();
      latest.current += 1;
    };
  }, [run, watched]);

  return { ...state, reload: () => void run() };
}
