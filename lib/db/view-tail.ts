import { decide } from '../events/reducer';
import type { Change } from '../events/read-model';
import { getMeta, putMeta } from './meta';
import { METRICS_HEAD_KEY } from './metrics-snapshot';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { BatonDatabase } from './open';
import { ALL_STORES, judgingOf, type BatonDB, type EventRecord } from './schema';
import { loadSnapshot, type WriteTx } from './snapshot';
import { applyUndo, readUndo, writeChange, type UndoEntry } from './view-undo';

/**
 * The part of the log whose place in the hub's order is not final yet. Local events are applied
 * optimistically, and the hub may place a colleague's event before them, or refuse one: the views are
 * then right only up to the first event that moved. Every event applied after the last settled point
 * (an event no later arrival can precede) is listed here in the order applied, and its record keeps
 * how to undo it; a re-order undoes from the first moved event back, then applies the hub's order
 * from there. Everything before stays as it is: a re-order costs the tail, not the log.
 */
export interface ViewTail {
  /** Log keys of the events applied to the views since the last settled point, in the order applied. */
  applied: number[];
  /** Log keys of events from the hub kept but not applied yet: they go in at the next re-order. */
  waiting: number[];
  /** A hub sequence number was learned for an applied event: check the order at the next re-order. */
  dirty?: true;
}

export const VIEW_TAIL_KEY = 'view-tail';
/**
 * Events a tail holds at most (applied and waiting). Past it (long offline, a restore, a catch-up of
 * thousands of events behind one of mine) keeping it would cost every append more, and re-ordering
 * that many one by one is slower than the full rebuild in memory: the tail is dropped for one rebuild.
 */
export const MAX_TAIL = 2_000;
/** The views were built out of order and only a full rebuild puts them right (a log from before the tail existed). */
export const NEEDS_REBUILD_KEY = 'needs-rebuild';

type Keyed = { key: number; hubSeq?: number };

/** The hub's order for events it has, then local ones it has not acknowledged, in local order. */
export function byHubOrder(a: Keyed, b: Keyed): number {
  return (a.hubSeq ?? Infinity) - (b.hubSeq ?? Infinity) || a.key - b.key;
}

/**
 * The tail, for an append inside `tx`. None yet: an empty log starts one (nothing can be out of order
 * in it); a log from before the tail existed is not tracked until a re-order settles it.
 */
export async function tailForAppend(tx: WriteTx): Promise<{ tail: ViewTail; save: boolean } | undefined> {
  const tail = await getMeta(tx.objectStore('meta'), VIEW_TAIL_KEY);
  if (tail) return { tail, save: false };
  const empty = (await tx.objectStore('events').openKeyCursor()) === null;
  return empty ? { tail: { applied: [], waiting: [] }, save: true } : undefined;
}

/** Whether an appended event must be undoable: a local one may still move, and so may anything after one. */
export function tracks(tail: ViewTail, origin: 'local' | 'remote'): boolean {
  return origin === 'local' || tail.applied.length > 0 || tail.waiting.length > 0;
}

/** A hub event kept out of order: it waits for the next re-order, recorded in the same transaction. */
export async function keepWaiting(meta: MetaStore, key: number): Promise<void> {
  const tail = await getMeta(meta, VIEW_TAIL_KEY);
  if (tail && tail.applied.length + tail.waiting.length < MAX_TAIL) {
    await putMeta(meta, VIEW_TAIL_KEY, { ...tail, waiting: [...tail.waiting, key] });
    return;
  }
  // Too far behind for a re-order (see MAX_TAIL), or no tail: one full rebuild, which starts a new tail.
  if (tail) await meta.delete(VIEW_TAIL_KEY);
  await putMeta(meta, NEEDS_REBUILD_KEY, true);
}

/** The meta store inside any read-write transaction that includes it. */
export type MetaStore = IDBPObjectStore<BatonDB, ArrayLike<StoreNames<BatonDB>>, 'meta', 'readwrite'>;

/**
 * An applied event learned its hub sequence number (acknowledged, or pulled back): it may have
 * changed place, or be settled now. An event outside the tail that moved can only be put right by a
 * full rebuild.
 */
export async function noteNewSeq(meta: MetaStore, key: number, options: { untracked: 'rebuild' | 'ignore' }): Promise<void> {
  const tail = await getMeta(meta, VIEW_TAIL_KEY);
  if (tail?.applied.includes(key)) await putMeta(meta, VIEW_TAIL_KEY, { ...tail, dirty: true });
  else if (!tail?.waiting.includes(key) && options.untracked === 'rebuild') await putMeta(meta, NEEDS_REBUILD_KEY, true);
}

/** The first position where two orders differ (the length of the shorter when one extends the other). */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** Applies one event of the new order: judged by the reducer against the views as they are now, undo kept. */
async function reapply(tx: WriteTx, record: EventRecord, stores: Set<string>): Promise<EventRecord> {
  const snapshot = await loadSnapshot(tx, record.event);
  // The event is in the log already: here it is being placed, not received twice.
  const decision = decide({ ...snapshot, hasEvent: () => false }, record.event, judgingOf(record));
  const changes: Change[] = decision.ok ? decision.changes : [];
  const undo = await readUndo(tx, changes);
  for (const change of changes) {
    await writeChange(tx, change);
    stores.add(change.store);
  }
  return { ...record, undo };
}

export type ReorderOutcome = { kind: 'in-order' | 'incremental'; moved: number } | { kind: 'needs-rebuild' };

async function readTailRecords(tx: WriteTx, tail: ViewTail): Promise<Map<number, EventRecord> | undefined> {
  const keys = [...tail.applied, ...tail.waiting];
  const records = await Promise.all(keys.map((key) => tx.objectStore('events').get(key)));
  const byKey = new Map<number, EventRecord>();
  keys.forEach((key, i) => {
    const record = records[i];
    if (record) byKey.set(key, record);
  });
  // An applied event that cannot be undone (gone, or from before undo was kept): only a full rebuild helps.
  return tail.applied.every((key) => byKey.get(key)?.undo) ? byKey : undefined;
}

/** The saved metric facts were folded in the old order: they go when an event they folded moved. */
async function dropStaleFacts(tx: WriteTx, moved: readonly number[]): Promise<void> {
  const head = await getMeta(tx.objectStore('meta'), METRICS_HEAD_KEY);
  if (head && moved.some((key) => key <= head.lastKey)) await tx.objectStore('meta').delete(METRICS_HEAD_KEY);
}

/**
 * Puts the views in the hub's order, from the first event that moved: undoes the applied tail from
 * there back, then applies the new order (waiting events in their place, a refused local event
 * `drop`ped from the log and the outbox), all in one transaction — a worker stopped mid-way leaves the
 * views and the log as they were. Events now settled (at or before the pull cursor) leave the tail.
 * When the tail cannot be undone, the views are marked for a full rebuild in the same transaction.
 */
export async function reorderTail(db: BatonDatabase, drop?: string): Promise<ReorderOutcome & { stores: string[] }> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const meta = tx.objectStore('meta');
  const tail = await getMeta(meta, VIEW_TAIL_KEY);
  const dropKey = drop === undefined ? undefined : await tx.objectStore('events').index('byId').getKey(drop);
  const records = tail && (await readTailRecords(tx, tail));
  if (drop !== undefined) await tx.objectStore('outbox').delete(drop);
  if (dropKey !== undefined) await tx.objectStore('events').delete(dropKey);
  if (!tail || !records || (dropKey !== undefined && !records.has(dropKey))) {
    await putMeta(meta, NEEDS_REBUILD_KEY, true);
    await tx.done;
    return { kind: 'needs-rebuild', stores: [] };
  }
  const next = [...records.entries()]
    .filter(([key]) => key !== dropKey)
    .map(([key, record]) => ({ key, hubSeq: record.hubSeq }))
    .sort(byHubOrder)
    .map((r) => r.key);
  const from = firstDifference(tail.applied, next);
  const stores = new Set<string>();
  for (const key of tail.applied.slice(from).reverse()) await undoOne(tx, records.get(key)!.undo!, stores);
  for (const key of next.slice(from)) records.set(key, await reapply(tx, records.get(key)!, stores));
  const settled = await settledCount(tx, next, records);
  for (const key of next.slice(0, settled)) records.set(key, withoutUndo(records.get(key)!));
  for (const key of new Set([...next.slice(from), ...next.slice(0, settled)])) await tx.objectStore('events').put(records.get(key)!);
  await putMeta(meta, VIEW_TAIL_KEY, { applied: next.slice(settled), waiting: [] });
  await dropStaleFacts(tx, [...tail.applied.slice(from), ...next.slice(from)]);
  await tx.done;
  return { kind: from < Math.max(tail.applied.length, next.length) ? 'incremental' : 'in-order', moved: next.length - from, stores: [...stores] };
}

async function undoOne(tx: WriteTx, undo: readonly UndoEntry[], stores: Set<string>): Promise<void> {
  await applyUndo(tx, undo);
  for (const entry of undo) stores.add(entry.store);
}

function withoutUndo(record: EventRecord): EventRecord {
  const { undo: _undo, ...rest } = record;
  return rest;
}

/**
 * How many events at the head of the hub's order are settled: the hub has them at or before the pull
 * cursor, so every event that can still arrive comes after them and they never move again.
 */
async function settledCount(tx: WriteTx, order: readonly number[], records: Map<number, EventRecord>): Promise<number> {
  const cursor = (await getMeta(tx.objectStore('meta'), 'hub-cursor')) ?? 0;
  let i = 0;
  while (i < order.length && (records.get(order[i]!)?.hubSeq ?? Infinity) <= cursor) i += 1;
  return i;
}
