import { notBeforeCause } from '../events/clock';
import { decide } from '../events/reducer';
import { MemoryModel } from '../events/memory-model';
import type { Change } from '../events/read-model';
import { getMeta, putMeta } from './meta';
import { parseEvent, type BatonEvent } from '../model/event';
import { publishChange } from './change-feed';
import { METRICS_HEAD_KEY } from './metrics-snapshot';
import type { BatonDatabase } from './open';
import type { IDBPCursorWithValue } from 'idb';
import { ALL_STORES, judgingOf, VIEW_STORES, type BatonDB, type EventRecord } from './schema';
import { loadSnapshot, type WriteTx } from './snapshot';
import { byHubOrder, keepWaiting, MAX_TAIL, NEEDS_REBUILD_KEY, noteNewSeq, reorderTail, tailForAppend, tracks, VIEW_TAIL_KEY, type ViewTail } from './view-tail';
import { memoryUndo, readUndo, toClientRecord, writeChange, type UndoEntry } from './view-undo';
import { failure, type Problem } from '../result';

export { NEEDS_REBUILD_KEY, toClientRecord };

type TailState = (NonNullable<Awaited<ReturnType<typeof tailForAppend>>> & { overflow?: boolean }) | undefined;

/** More events than this that may still move, and the tail is dropped (see saveTail). */

/**
 * Writes an accepted event, its outbox entry (for a local one) and its view changes; while it may
 * still change place (see ./view-tail), with how to undo it, and listed in the tail.
 */
async function writeAccepted(tx: WriteTx, a: { event: BatonEvent; origin: 'local' | 'remote'; changes: Change[]; tail: TailState; hubSeq?: number }): Promise<number> {
  const tracked = a.tail && !a.tail.overflow && tracks(a.tail.tail, a.origin);
  if (tracked && a.tail!.tail.applied.length >= MAX_TAIL) a.tail!.overflow = true;
  const undo = tracked && !a.tail!.overflow ? await readUndo(tx, a.changes) : undefined;
  const record: EventRecord = { id: a.event.id, origin: a.origin, event: a.event, ...(a.hubSeq !== undefined ? { hubSeq: a.hubSeq } : {}), ...(undo ? { undo } : {}) };
  const seq = (await tx.objectStore('events').add(record)) as number;
  if (a.origin === 'local') await tx.objectStore('outbox').put({ id: a.event.id, seq, attempts: 0 });
  for (const change of a.changes) await writeChange(tx, change);
  if (undo) {
    a.tail!.tail.applied.push(seq);
    // A hub event applied after local ones belongs before them in the hub's order (a change made
    // between the pull's check and this append): the next re-order looks.
    if (a.origin === 'remote') a.tail!.tail.dirty = true;
    a.tail!.save = true;
  }
  return seq;
}

/**
 * Saves the tail an append started or grew, in the append's transaction. One grown past MAX_TAIL (a
 * browser that never reaches a hub, or long offline) is dropped: keeping it would cost every append
 * more, and a re-order of that many events is a full rebuild anyway — which starts a new tail.
 */
async function saveTail(tx: WriteTx, tail: TailState): Promise<void> {
  const meta = tx.objectStore('meta');
  if (tail?.overflow) {
    await meta.delete(VIEW_TAIL_KEY);
    if (tail.tail.dirty || tail.tail.waiting.length > 0) await putMeta(meta, NEEDS_REBUILD_KEY, true);
  } else if (tail?.save) await putMeta(meta, VIEW_TAIL_KEY, tail.tail);
}

export type AppendResult =
  | { ok: true; event: BatonEvent; duplicate: boolean; seq?: number }
  | { ok: false; problem: Problem; event?: BatonEvent };

/**
 * Appends one event: parsed, dated (a local one) no earlier than what it follows, checked by the
 * shared reducer against the current views, then the event, its view changes and (for local events)
 * its outbox entry are written in one transaction — all or nothing. A replayed event (same id)
 * changes nothing.
 */
export async function appendEvent(db: BatonDatabase, raw: unknown, origin: 'local' | 'remote' = 'local', hubSeq?: number): Promise<AppendResult> {
  const parsed = parseEvent(raw);
  if (!parsed.ok) return failure('bad-request', `Invalid event: ${parsed.problem.message}`);
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const [snapshot, tail] = await Promise.all([loadSnapshot(tx, parsed.data), tailForAppend(tx)]);
  // What this person does follows what they saw: stamped no earlier, however far behind their clock is.
  const event = origin === 'local' ? notBeforeCause(snapshot, parsed.data) : parsed.data;
  const decision = decide(snapshot, event, judgingOf({ origin, hubSeq }));
  if (!decision.ok || decision.duplicate) {
    tx.abort();
    // An aborted transaction's `done` rejects with the abort we asked for.
    await tx.done.catch(() => undefined);
    return decision.ok ? { ok: true, event, duplicate: true } : { ok: false, problem: decision.problem, event };
  }
  const seq = await writeAccepted(tx, { event, origin, changes: decision.changes, tail, ...(hubSeq !== undefined ? { hubSeq } : {}) });
  await saveTail(tx, tail);
  await tx.done;
  publishChange({ eventId: event.id, type: event.type, stores: [...new Set(decision.changes.map((c) => c.store))] });
  return { ok: true, event, duplicate: false, seq };
}

/**
 * Appends several events in one transaction, each checked by the shared reducer against the views as
 * the ones before it left them: all are written, or none (a restore, a CSV import, the demo). One
 * change notice for the lot, so open pages reload once.
 */
export async function appendEvents(db: BatonDatabase, events: readonly BatonEvent[], origin: 'local' | 'remote' = 'local'): Promise<{ ok: true; added: number } | { ok: false; index: number; problem: Problem }> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const tail = await tailForAppend(tx);
  const stores = new Set<string>();
  let added = 0;
  for (const [index, event] of events.entries()) {
    const decision = decide(await loadSnapshot(tx, event), event, judgingOf({ origin }));
    if (!decision.ok) {
      tx.abort();
      // An aborted transaction's `done` rejects with the abort we asked for.
      await tx.done.catch(() => undefined);
      return { ok: false, index, problem: decision.problem };
    }
    if (decision.duplicate) continue;
    await writeAccepted(tx, { event, origin, changes: decision.changes, tail });
    for (const change of decision.changes) stores.add(change.store);
    added += 1;
  }
  await saveTail(tx, tail);
  await tx.done;
  if (added > 0) publishChange({ eventId: null, type: 'batch', stores: [...stores] });
  return { ok: true, added };
}

/**
 * Every event in log order, each parsed; a corrupt record is reported and skipped. The order is the
 * hub's for events it has (every browser agrees on it), then local ones it has not acknowledged yet.
 */
export async function readLog(db: BatonDatabase): Promise<{ events: BatonEvent[]; errors: string[] }> {
  return collectLog(db.transaction('events').store);
}

type EventCursorSource = { openCursor(): Promise<IDBPCursorWithValue<BatonDB, ['events'], 'events', unknown, IDBTransactionMode> | null> };
type LogEntry = { key: number; hubSeq?: number; event: BatonEvent; record: EventRecord };

/** Reads every event of a store (in whichever transaction it belongs to), parsed, in the hub's order. */
async function collectLog(store: EventCursorSource): Promise<{ events: BatonEvent[]; errors: string[] }> {
  const { entries, errors } = await collectEntries(store);
  return { events: entries.map((e) => e.event), errors };
}

/** Every record of the log with its key, its event parsed, in the hub's order; corrupt ones reported. */
async function collectEntries(store: EventCursorSource): Promise<{ entries: LogEntry[]; errors: string[] }> {
  const entries: LogEntry[] = [];
  const errors: string[] = [];
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value as Partial<EventRecord>;
    const parsed = parseEvent(record.event);
    const hubSeq = typeof record.hubSeq === 'number' ? record.hubSeq : undefined;
    if (parsed.ok) entries.push({ key: cursor.key, ...(hubSeq !== undefined ? { hubSeq } : {}), event: parsed.data, record: record as EventRecord });
    else errors.push(`event #${cursor.key}: ${parsed.problem.message}`);
  }
  return { entries: entries.sort(byHubOrder), errors };
}

const MAX_ACKED_KEY = 'max-acked-seq';

/**
 * Takes an event from the hub. When the local views were built in another order than the hub's (a
 * local event the hub placed after this one, or a local event it has not seen yet), or the reducer
 * refuses it here, it is still kept — the hub has checked it — and waits in the view tail for a
 * re-order from the first event that moved, recorded in the same transaction, so a worker stopped now
 * still re-orders next time (see ./view-tail).
 */
export async function receiveFromHub(db: BatonDatabase, event: BatonEvent, hubSeq: number): Promise<'applied' | 'known' | 'out-of-order'> {
  const known = await db.getKeyFromIndex('events', 'byId', event.id);
  if (known !== undefined) {
    const tx = db.transaction(['events', 'meta'], 'readwrite');
    const record = await tx.objectStore('events').get(known);
    const moved = record !== undefined && record.hubSeq !== hubSeq;
    if (moved) await tx.objectStore('events').put({ ...record, hubSeq });
    // Pulled back, it is settled now if all before it is: the next re-order takes it out of the tail.
    await noteNewSeq(tx.objectStore('meta'), known, { untracked: moved ? 'rebuild' : 'ignore' });
    await tx.done;
    return 'known';
  }
  const [pending, maxAcked] = await Promise.all([db.count('outbox'), getMeta(db, MAX_ACKED_KEY)]);
  if (pending === 0 && (maxAcked ?? 0) < hubSeq) {
    const result = await appendEvent(db, event, 'remote', hubSeq);
    if (result.ok) return 'applied';
  }
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  const key = (await tx.objectStore('events').add({ id: event.id, origin: 'remote', event, hubSeq })) as number;
  await keepWaiting(tx.objectStore('meta'), key);
  await tx.done;
  return 'out-of-order';
}

/**
 * Puts the views in the hub's order if an earlier step left them out of it: from the first event that
 * moved when the tail allows (see ./view-tail), else by a full rebuild. Says which it took.
 */
export async function reorderIfNeeded(db: BatonDatabase): Promise<'none' | 'incremental' | 'full'> {
  const [rebuild, tail] = await Promise.all([getMeta(db, NEEDS_REBUILD_KEY), getMeta(db, VIEW_TAIL_KEY)]);
  if (!rebuild && !tail) {
    await startTailIfSettled(db);
    return 'none';
  }
  if (!rebuild && tail && !tail.dirty && tail.waiting.length === 0) return 'none';
  if (!rebuild) {
    const outcome = await reorderTail(db);
    if (outcome.kind !== 'needs-rebuild') {
      if (outcome.stores.length > 0) publishChange({ eventId: null, type: 'rebuild', stores: outcome.stores });
      return outcome.kind === 'incremental' ? 'incremental' : 'none';
    }
  }
  await rebuildViews(db);
  await db.delete('meta', NEEDS_REBUILD_KEY);
  return 'full';
}

/**
 * A log from before the view tail existed starts one once nothing in it can move: no local event
 * waits for the hub, and the pull has passed every one the hub acknowledged.
 */
async function startTailIfSettled(db: BatonDatabase): Promise<boolean> {
  const [pending, maxAcked, cursor] = await Promise.all([db.count('outbox'), getMeta(db, MAX_ACKED_KEY), getMeta(db, 'hub-cursor')]);
  if (pending > 0 || (maxAcked ?? 0) > (cursor ?? 0)) return false;
  const tail: ViewTail = { applied: [], waiting: [] };
  await putMeta(db, VIEW_TAIL_KEY, tail);
  return true;
}

/** The hub accepted (or already had) a local event: it leaves the outbox and takes its place in order. */
export async function acknowledge(db: BatonDatabase, id: string, hubSeq: number): Promise<void> {
  const tx = db.transaction(['events', 'outbox', 'meta'], 'readwrite');
  const key = await tx.objectStore('events').index('byId').getKey(id);
  const record = key === undefined ? undefined : await tx.objectStore('events').get(key);
  if (record && key !== undefined) {
    await tx.objectStore('events').put({ ...record, hubSeq });
    await noteNewSeq(tx.objectStore('meta'), key, { untracked: 'ignore' });
  }
  await tx.objectStore('outbox').delete(id);
  await tx.done;
  const meta = db.transaction('meta', 'readwrite').store;
  if (((await getMeta(meta, MAX_ACKED_KEY)) ?? 0) < hubSeq) await putMeta(meta, MAX_ACKED_KEY, hubSeq);
}

/**
 * The hub refused a local event: it leaves the log and the outbox, and the views forget it — undone
 * from its place on, in one transaction. When that cannot be done incrementally, the views are marked
 * for a rebuild in that same transaction and rebuilt at once (a worker stopped between the two
 * rebuilds at the next round).
 */
export async function dropRefused(db: BatonDatabase, id: string): Promise<void> {
  const outcome = await reorderTail(db, id);
  if (outcome.kind === 'needs-rebuild') {
    await reorderIfNeeded(db);
    return;
  }
  if (outcome.stores.length > 0) publishChange({ eventId: null, type: 'rebuild', stores: outcome.stores });
}

/**
 * Every view as a replay of the log leaves it, and the undo of each event from the first one that may
 * still move (see ./view-tail) — none when more than MAX_TAIL may (a restore not yet shared): the
 * next re-order is then a full rebuild, as saveTail's bound has it.
 */
function replayWithTail(entries: readonly LogEntry[], cursor: number): { model: MemoryModel; rejected: { id: string; reason: string }[]; tail: LogEntry[] | undefined } {
  const model = new MemoryModel();
  const rejected: { id: string; reason: string }[] = [];
  const unsettled = entries.findIndex((entry) => (entry.hubSeq ?? Infinity) > cursor);
  const from = unsettled === -1 ? entries.length : unsettled;
  const tail: LogEntry[] | undefined = entries.length - from > MAX_TAIL ? undefined : [];
  for (const [index, entry] of entries.entries()) {
    const decision = decide(model, entry.event, judgingOf(entry.record));
    const undo: UndoEntry[] = tail && index >= from && decision.ok ? memoryUndo(model, decision.changes) : [];
    if (tail && index >= from) tail.push({ ...entry, record: { ...entry.record, undo } });
    if (!decision.ok) rejected.push({ id: entry.event.id, reason: decision.problem.message });
    else if (!decision.duplicate) {
      for (const change of decision.changes) model.write(change);
      model.eventIds.add(entry.event.id);
    }
  }
  return { model, rejected, tail };
}

function viewChanges(model: MemoryModel): Change[] {
  const changes: Change[] = [
    ...[...model.members_.values()].map((value): Change => ({ store: 'members', value })),
    ...[...model.clients.values()].map((value): Change => ({ store: 'clients', value })),
    ...[...model.handoffs.values()].map((value): Change => ({ store: 'handoffs', value })),
    ...model.templates.map((value): Change => ({ store: 'templates', value })),
    ...[...model.notes.values()].map((value): Change => ({ store: 'notes', value })),
    ...[...model.failures.values()].map((value): Change => ({ store: 'failures', value })),
    ...[...model.items.values()].map((value): Change => ({ store: 'items', value })),
    ...model.timeline.map((value): Change => ({ store: 'timeline', value })),
  ];
  if (model.workspace_) changes.push({ store: 'workspace', value: model.workspace_ });
  return changes;
}

/**
 * Rebuilds every view from the log (after a schema change, a restore, or a view tail that cannot be
 * undone): replayed in memory with the same reducer, then written in one transaction, with the undo of
 * every event that may still move, so the next re-order is incremental again.
 */
export async function rebuildViews(db: BatonDatabase): Promise<{ events: number; rejected: { id: string; reason: string }[]; errors: string[] }> {
  // One transaction from reading the log to writing the views: a change committed meanwhile cannot be
  // read too late and wiped. The replay is synchronous, so the transaction stays active throughout.
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const { entries, errors } = await collectEntries(tx.objectStore('events'));
  const cursor = (await getMeta(tx.objectStore('meta'), 'hub-cursor')) ?? 0;
  const { model, rejected, tail } = replayWithTail(entries, cursor);
  const meta = tx.objectStore('meta');
  await Promise.all([
    ...VIEW_STORES.map((store) => tx.objectStore(store).clear()),
    ...viewChanges(model).map((change) => writeChange(tx, change)),
    ...(tail ?? []).map((e) => tx.objectStore('events').put(e.record)),
    tail ? putMeta(meta, VIEW_TAIL_KEY, { applied: tail.map((e) => e.key), waiting: [] }) : meta.delete(VIEW_TAIL_KEY),
    // The saved metric facts were folded from the log as it was: they go with the views.
    meta.delete(METRICS_HEAD_KEY),
  ]);
  await tx.done;
  publishChange({ eventId: null, type: 'rebuild', stores: [...VIEW_STORES] });
  return { events: entries.length, rejected, errors };
}
