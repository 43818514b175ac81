import { FACTS_VERSION, MetricFacts } from '../metrics/facts';
import { getMeta, putMeta } from './meta';
import type { BatonDatabase } from './open';
import { readRawLog } from './raw-log';

/**
 * Where the folded metric facts are kept, in the meta store: a cache of the log, never a source. A
 * small head says what they cover, so checking whether they are current never reads the facts.
 */
export const METRICS_HEAD_KEY = 'metrics-facts-head';
export const METRICS_FACTS_KEY = 'metrics-facts';

export interface MetricsSnapshotHead {
  /** The fold's version, the local key of the last event folded in, and how many events that makes. */
  v: number;
  lastKey: number;
  folded: number;
}

export interface SavedFacts {
  facts: MetricFacts;
  lastKey: number;
  folded: number;
}

/**
 * The head, if the saved facts are this fold's. Whatever takes events out of the log or re-orders it
 * deletes the head when an event the facts folded moved: a re-order from the first moved event (a
 * refused event dropped, a colleague's placed before mine; ./view-tail) when that event or any after
 * it was folded, a full rebuild (a restore) always. The facts are then folded afresh when next asked
 * for; a re-order among events not yet folded keeps them. Present means current up to `lastKey`.
 */
async function currentHead(db: BatonDatabase): Promise<MetricsSnapshotHead | null> {
  // Another version of the fold may have saved it in another shape: only this fold's own is trusted.
  const head: Partial<MetricsSnapshotHead> | undefined = await getMeta(db, METRICS_HEAD_KEY);
  return head?.v === FACTS_VERSION && typeof head.lastKey === 'number' && typeof head.folded === 'number' ? { v: head.v, lastKey: head.lastKey, folded: head.folded } : null;
}

function parseFacts(json: unknown): MetricFacts | null {
  if (typeof json !== 'string') return null;
  try {
    return MetricFacts.fromJSON(JSON.parse(json));
  } catch {
    // Damaged saved facts are only a cache: null makes the reader fold the log afresh.
    return null;
  }
}

/** The saved facts, if they still describe the log; null when there are none or they are stale or damaged. */
export async function readMetricsSnapshot(db: BatonDatabase): Promise<SavedFacts | null> {
  const head = await currentHead(db);
  // One string, not 10,000 objects: it reads back from IndexedDB and parses far faster.
  const facts = head && parseFacts(await getMeta(db, METRICS_FACTS_KEY));
  return head && facts && { facts, lastKey: head.lastKey, folded: head.folded };
}

/**
 * Brings the saved facts up to date with the log — folding only what came after them, or the whole
 * log when there are none or they no longer describe it — and saves them. The background does this
 * (it alone writes); pages read the result with readMetricsSnapshot and fold what arrives after.
 * Current facts cost a key look-up, not a read; `refold` folds the whole log again regardless.
 */
export async function refreshMetricsSnapshot(db: BatonDatabase, options: { refold?: boolean } = {}): Promise<{ lastKey: number; folded: number; added: number; refolded: boolean }> {
  // A reader that found the facts damaged asks for a fresh fold.
  const head = options.refold ? null : await currentHead(db);
  // A look-up of one key, not a count: counting 100,000 keys costs a scan.
  if (head && (await db.getKey('events', IDBKeyRange.lowerBound(head.lastKey, true))) === undefined) return { lastKey: head.lastKey, folded: head.folded, added: 0, refolded: false };
  const saved = head ? await readMetricsSnapshot(db) : null;
  const facts = saved?.facts ?? new MetricFacts();
  const read = await readRawLog(db, saved?.lastKey ?? 0);
  facts.addAll(read.events);
  const next: MetricsSnapshotHead = { v: FACTS_VERSION, lastKey: read.lastKey, folded: (saved?.folded ?? 0) + read.events.length };
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([putMeta(tx.store, METRICS_FACTS_KEY, JSON.stringify(facts)), putMeta(tx.store, METRICS_HEAD_KEY, next), tx.done]);
  return { lastKey: next.lastKey, folded: next.folded, added: read.events.length, refolded: !saved };
}
