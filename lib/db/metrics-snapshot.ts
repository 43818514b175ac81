import { MetricFacts } from '../metrics/facts';
import type { BatonDatabase } from './open';
import { readRawLog } from './raw-log';

/** Where the folded metric facts are kept, in the meta store: a cache of the log, never a source. */
export const METRICS_SNAPSHOT_KEY = 'metrics-facts';

export interface MetricsSnapshotRecord {
  /** The local key of the last event folded in, and how many events that makes. */
  lastKey: number;
  folded: number;
  /** MetricFacts.toJSON, as one JSON string: one string reads back far faster than 10,000 objects. */
  json: string;
}

export interface SavedFacts {
  facts: MetricFacts;
  lastKey: number;
  folded: number;
}

/**
 * The saved facts, if they still describe the log: every event up to `lastKey` folded in and none of
 * them gone since (a refused event dropped, a rebuild) — and written by this version of the fold.
 */
export async function readMetricsSnapshot(db: BatonDatabase): Promise<SavedFacts | null> {
  const record = (await db.get('meta', METRICS_SNAPSHOT_KEY)) as Partial<MetricsSnapshotRecord> | undefined;
  if (!record || typeof record.json !== 'string' || typeof record.lastKey !== 'number' || typeof record.folded !== 'number') return null;
  const upTo = await db.count('events', IDBKeyRange.upperBound(record.lastKey));
  if (upTo !== record.folded) return null;
  const facts = parseFacts(record.json);
  return facts && { facts, lastKey: record.lastKey, folded: record.folded };
}

function parseFacts(json: string): MetricFacts | null {
  try {
    return MetricFacts.fromJSON(JSON.parse(json));
  } catch {
    return null;
  }
}

/**
 * Brings the saved facts up to date with the log — folding only what came after them, or the whole
 * log when there are none or they no longer describe it — and saves them. The background does this
 * (it alone writes); pages read the result with readMetricsSnapshot and fold what arrives after.
 */
export async function refreshMetricsSnapshot(db: BatonDatabase): Promise<{ lastKey: number; folded: number; added: number; refolded: boolean }> {
  const saved = await readMetricsSnapshot(db);
  const facts = saved?.facts ?? new MetricFacts();
  const read = await readRawLog(db, saved?.lastKey ?? 0);
  const result = { lastKey: read.lastKey, folded: (saved?.folded ?? 0) + read.events.length, added: read.events.length, refolded: !saved };
  if (saved && read.events.length === 0) return result;
  facts.addAll(read.events);
  const record: MetricsSnapshotRecord = { lastKey: result.lastKey, folded: result.folded, json: JSON.stringify(facts) };
  await db.put('meta', record, METRICS_SNAPSHOT_KEY);
  return result;
}
