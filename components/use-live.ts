import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeToChanges, type ChangeNotice } from '../lib/db/change-feed';
import type { Result } from '../lib/messaging/protocol';

/** A service worker that is still waking up answers a moment later: a first load asks again this often. */
const MAX_RETRIES = 3;
const RETRY_MS = 500;

export type Live<T> =
  | { status: 'loading' }
  /** `error`: a reload failed; what was loaded before stays shown, with the reason beside it. */
  | { status: 'ready'; data: T; error?: string }
  | { status: 'error'; message: string };

export interface LiveOptions {
  /** Names what is loaded: another key starts afresh (loading, then its own data). */
  key?: string;
  /** Reload only when the background changed one of these stores (a rebuild changes them all); without it, on every change. */
  stores?: readonly string[];
}

/** What to tell the user about a live value: the failed load, or the failed reload beside the data. */
export function liveError(live: Live<unknown>): string | undefined {
  if (live.status === 'error') return live.message;
  return live.status === 'ready' ? live.error : undefined;
}

const concerns = (notice: ChangeNotice, stores: readonly string[] | undefined) =>
  !stores || notice.eventId === null || notice.stores.some((store) => stores.includes(store));

async function settle<T>(load: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await load();
  } catch (error) {
    return { ok: false, problem: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Loads something from the background, and again after every change the background announces (the
 * change feed), so a handoff arriving from the hub shows without a reload. Changes that arrive while a
 * load runs are folded into one more load after it; a reply that comes after the page moved on (another
 * key, unmounted) is dropped; a failed reload keeps what was shown and says why.
 */
export function useLive<T>(load: () => Promise<Result<T>>, options: LiveOptions = {}): Live<T> & { reload: () => void } {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  // The latest loader without making it a dependency: callers pass inline functions.
  const loader = useRef(load);
  loader.current = load;
  const reloader = useRef<() => void>(() => undefined);
  const { key } = options;
  const watched = options.stores?.join(',');

  useEffect(() => {
    const controller = new AbortController();
    const stores = watched?.split(',');
    let running = false;
    let again = false;
    let shown = false;
    let retries = 0;

    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      const reply = await settle(loader.current);
      running = false;
      if (controller.signal.aborted) return;
      if (reply.ok) {
        shown = true;
        setState({ status: 'ready', data: reply.data });
      } else {
        const message = reply.problem.message;
        setState((previous) => (previous.status === 'ready' ? { ...previous, error: message } : { status: 'error', message }));
        if (!shown && reply.problem.code === 'unavailable' && retries < MAX_RETRIES) {
          retries += 1;
          setTimeout(() => !controller.signal.aborted && void run(), RETRY_MS * retries);
        }
      }
      if (again) {
        again = false;
        void run();
      }
    };

    setState((previous) => (previous.status === 'loading' ? previous : { status: 'loading' }));
    reloader.current = () => void run();
    void run();
    subscribeToChanges((notice) => concerns(notice, stores) && void run(), controller.signal);
    return () => controller.abort();
  }, [key, watched]);

  const reload = useCallback(() => reloader.current(), []);
  return { ...state, reload };
}
