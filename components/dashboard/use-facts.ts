import { useEffect, useState } from 'react';
import { subscribeToChanges } from '../../lib/db/change-feed';
import { openBatonDb, type BatonDatabase } from '../../lib/db/open';
import { readMetricsSnapshot } from '../../lib/db/metrics-snapshot';
import { readRawLog } from '../../lib/db/raw-log';
import { sendRequest } from '../../lib/messaging/send';
import { MetricFacts } from '../../lib/metrics';

export type FactsState =
  | { status: 'loading' }
  | { status: 'ready'; facts: MetricFacts; /** Bumped whenever the facts grow: what memoised figures depend on. */ version: number; error?: string }
  | { status: 'error'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The workspace's event log folded into metric facts: the saved facts the background keeps up to date
 * (read from IndexedDB here), then every event after them, then kept current from the change feed —
 * new events are folded in as they arrive; a rebuild or a restore starts again from the saved facts.
 */
export function useMetricFacts(): FactsState {
  const [state, setState] = useState<FactsState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let db: BatonDatabase | undefined;
    let facts = new MetricFacts();
    let lastKey = 0;
    let version = 0;
    let running: Promise<void> = Promise.resolve();

    const load = (full: boolean) =>
      (running = running.then(async () => {
        try {
          db ??= await openBatonDb();
          if (full) {
            // The background folds the log into saved facts (only what is new since it last did);
            // reading those is a fraction of reading the whole log. Without them, the log is folded here.
            // Read what is saved while the background checks it: usually it is current already.
            const [refreshed, early] = await Promise.all([sendRequest<'metrics/refresh'>({ type: 'metrics/refresh' }), readMetricsSnapshot(db)]);
            performance.mark('baton:facts-refreshed');
            const unchanged = refreshed.ok && refreshed.data.added === 0 && !refreshed.data.refolded;
            let saved = unchanged ? early : refreshed.ok ? await readMetricsSnapshot(db) : null;
            // Saved facts that do not read back (damaged) are folded afresh once.
            if (refreshed.ok && !saved && (await sendRequest<'metrics/refresh'>({ type: 'metrics/refresh', refold: true })).ok) saved = await readMetricsSnapshot(db);
            facts = saved?.facts ?? new MetricFacts();
            lastKey = saved?.lastKey ?? 0;
            performance.mark('baton:facts-saved-read');
          }
          const read = await readRawLog(db, lastKey);
          if (controller.signal.aborted) return;
          facts.addAll(read.events);
          lastKey = read.lastKey;
          version += 1;
          performance.mark('baton:facts-ready');
          setState({ status: 'ready', facts, version });
        } catch (error) {
          if (controller.signal.aborted) return;
          // What was shown stays; the error is said beside it.
          setState((previous) => (previous.status === 'ready' ? { ...previous, error: `Could not read the latest changes: ${message(error)}` } : { status: 'error', message: `Could not read Baton’s data: ${message(error)}` }));
        }
      }));

    void load(true);
    subscribeToChanges((notice) => void load(notice.type === 'rebuild' || notice.type === 'batch'), controller.signal);
    return () => {
      controller.abort();
      void running.then(() => db?.close());
    };
  }, []);

  return state;
}
