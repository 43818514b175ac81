import type { BatonDatabase } from './open';
import type { EventRecord } from './schema';

const CHUNK = 20_000;

/**
 * The log's events as stored, unparsed, for readers that check what they use themselves (the
 * metrics): parsing 100,000 events with zod would cost more than everything else they do. In the
 * hub's order, like readLog, from after `afterKey` (the local key of the last event read before).
 * Chunked reads: one request per 20,000 records, not one per record as a cursor would.
 */
export async function readRawLog(db: BatonDatabase, afterKey = 0, chunk = CHUNK): Promise<{ events: unknown[]; lastKey: number }> {
  const store = db.transaction('events').store;
  const records: { record: Partial<EventRecord>; key: number }[] = [];
  let from = afterKey;
  for (;;) {
    const range = IDBKeyRange.lowerBound(from, true);
    const [keys, values] = await Promise.all([store.getAllKeys(range, chunk), store.getAll(range, chunk)]);
    keys.forEach((key, i) => records.push({ record: values[i] as Partial<EventRecord>, key }));
    if (keys.length < chunk) break;
    from = keys.at(-1)!;
  }
  const hubSeq = (r: Partial<EventRecord>) => (typeof r.hubSeq === 'number' ? r.hubSeq : Infinity);
  records.sort((a, b) => hubSeq(a.record) - hubSeq(b.record) || a.key - b.key);
  return { events: records.map((r) => r.record.event), lastKey: records.reduce((max, r) => Math.max(max, r.key), afterKey) };
}
