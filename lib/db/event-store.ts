import { notBeforeCause } from '../events/clock';
import { decide } from '../events/reducer';
import { replay } from '../events/memory-model';
import type { Change } from '../events/read-model';
import { getMeta, putMeta } from './meta';
import { identifierKey } from '../model/identifier';
import { parseEvent, type BatonEvent } from '../model/event';
import type { Client } from '../model/client';
import { publishChange } from './change-feed';
import { METRICS_HEAD_KEY } from './metrics-snapshot';
import type { BatonDatabase } from './open';
import type { IDBPCursorWithValue } from 'idb';
import { ALL_STORES, VIEW_STORES, type BatonDB, type ClientRecord, type EventRecord } from './schema';
import { loadSnapshot, type WriteTx } from './snapshot';
import { failure, type Problem } from '../result';

export type AppendResult =
  | { ok: true; event: BatonEvent; duplicate: boolean; seq?: number }
  | { ok: false; problem: Problem; event?: BatonEvent };

export function toClientRecord(client: Client): ClientRecord {
  return { ...client, nameKey: client.name.trim().toLowerCase(), identifierKeys: client.identifiers.map(identifierKey) };
}

async function writeChange(tx: WriteTx, change: Change): Promise<void> {
  switch (change.store) {
    case 'workspace':
      await putMeta(tx.objectStore('meta'), 'workspace', change.value);
      return;
    case 'clients':
      await tx.objectStore('clients').put(toClientRecord(change.value));
      return;
    default:
      // Each store's value type matches its name; TypeScript cannot correlate the union here.
      await tx.objectStore(change.store).put(change.value as never);
  }
}

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
  const model = await loadSnapshot(tx, parsed.data);
  // What this person does follows what they saw: stamped no earlier, however far behind their clock is.
  const event = origin === 'local' ? notBeforeCause(model, parsed.data) : parsed.data;
  const decision = decide(model, event);
  if (!decision.ok || decision.duplicate) {
    tx.abort();
    // An aborted transaction's `done` rejects with the abort we asked for.
    await tx.done.catch(() => undefined);
    return decision.ok ? { ok: true, event, duplicate: true } : { ok: false, problem: decision.problem, event };
  }
  const record: EventRecord = { id: event.id, origin, event, ...(hubSeq !== undefined ? { hubSeq } : {}) };
  const seq = (await tx.objectStore('events').add(record)) as number;
  if (origin === 'local') await tx.objectStore('outbox').put({ id: event.id, seq, attempts: 0 });
  for (const change of decision.changes) await writeChange(tx, change);
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
  const stores = new Set<string>();
  let added = 0;
  for (const [index, event] of events.entries()) {
    const decision = decide(await loadSnapshot(tx, event), event);
    if (!decision.ok) {
      tx.abort();
      // An aborted transaction's `done` rejects with the abort we asked for.
      await tx.done.catch(() => undefined);
      return { ok: false, index, problem: decision.problem };
    }
    if (decision.duplicate) continue;
    const seq = (await tx.objectStore('events').add({ id: event.id, origin, event })) as number;
    if (origin === 'local') await tx.objectStore('outbox').put({ id: event.id, seq, attempts: 0 });
    for (const change of decision.changes) {
      await writeChange(tx, change);
      stores.add(change.store);
    }
    added += 1;
  }
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

/** Reads every event of a store (in whichever transaction it belongs to), parsed, in the hub's order. */
async function collectLog(store: EventCursorSource): Promise<{ events: BatonEvent[]; errors: string[] }> {
  const records: { event: BatonEvent; hubSeq: number; seq: number }[] = [];
  const errors: string[] = [];
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value as Partial<EventRecord>;
    const parsed = parseEvent(record.event);
    if (parsed.ok) records.push({ event: parsed.data, hubSeq: typeof record.hubSeq === 'number' ? record.hubSeq : Infinity, seq: cursor.key });
    else errors.push(`event #${cursor.key}: ${parsed.problem.message}`);
  }
  return { events: inHubOrder(records), errors };
}

/** The hub's order for events it has, then local ones it has not acknowledged, in local order. */
function inHubOrder(records: { event: BatonEvent; hubSeq: number; seq: number }[]): BatonEvent[] {
  return records.sort((a, b) => a.hubSeq - b.hubSeq || a.seq - b.seq).map((r) => r.event);
}

export const NEEDS_REBUILD_KEY = 'needs-rebuild';
const MAX_ACKED_KEY = 'max-acked-seq';

/**
 * Takes an event from the hub. When the local views were built in another order than the hub's (a
 * local event the hub placed after this one, or a local event it has not seen yet), or the reducer
 * refuses it here, it is still kept — the hub has checked it — and the views are marked for a rebuild
 * in the hub's order, in the same transaction, so a worker stopped now still rebuilds next time.
 */
export async function receiveFromHub(db: BatonDatabase, event: BatonEvent, hubSeq: number): Promise<'applied' | 'known' | 'out-of-order'> {
  const known = await db.getKeyFromIndex('events', 'byId', event.id);
  if (known !== undefined) {
    const record = await db.get('events', known);
    if (record && record.hubSeq !== hubSeq) await db.put('events', { ...record, hubSeq });
    return 'known';
  }
  const [pending, maxAcked] = await Promise.all([db.count('outbox'), getMeta(db, MAX_ACKED_KEY)]);
  if (pending === 0 && (maxAcked ?? 0) < hubSeq) {
    const result = await appendEvent(db, event, 'remote', hubSeq);
    if (result.ok) return 'applied';
  }
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  await tx.objectStore('events').add({ id: event.id, origin: 'remote', event, hubSeq });
  await putMeta(tx.objectStore('meta'), NEEDS_REBUILD_KEY, true);
  await tx.done;
  return 'out-of-order';
}

/** Rebuilds the views if an earlier round left them out of the hub's order. */
export async function rebuildIfNeeded(db: BatonDatabase): Promise<boolean> {
  if (!(await getMeta(db, NEEDS_REBUILD_KEY))) return false;
  await rebuildViews(db);
  await db.delete('meta', NEEDS_REBUILD_KEY);
  return true;
}

/** The hub accepted (or already had) a local event: it leaves the outbox and takes its place in order. */
export async function acknowledge(db: BatonDatabase, id: string, hubSeq: number): Promise<void> {
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const key = await tx.objectStore('events').index('byId').getKey(id);
  const record = key === undefined ? undefined : await tx.objectStore('events').get(key);
  if (record) await tx.objectStore('events').put({ ...record, hubSeq });
  await tx.objectStore('outbox').delete(id);
  await tx.done;
  const meta = db.transaction('meta', 'readwrite').store;
  if (((await getMeta(meta, MAX_ACKED_KEY)) ?? 0) < hubSeq) await putMeta(meta, MAX_ACKED_KEY, hubSeq);
}

/** The hub refused a local event: it leaves the log and the outbox, and the views forget it. */
export async function dropRefused(db: BatonDatabase, id: string): Promise<void> {
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const key = await tx.objectStore('events').index('byId').getKey(id);
  if (key !== undefined) await tx.objectStore('events').delete(key);
  await tx.objectStore('outbox').delete(id);
  await tx.done;
  await rebuildViews(db);
}

/**
 * Rebuilds every view from the log (after a schema change, a restore, or a rejected sync): replayed in
 * memory with the same reducer, then written in one transaction.
 */
export async function rebuildViews(db: BatonDatabase): Promise<{ events: number; rejected: { id: string; reason: string }[]; errors: string[] }> {
  // One transaction from reading the log to writing the views: a change committed meanwhile cannot be
  // read too late and wiped. The replay is synchronous, so the transaction stays active throughout.
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const { events, errors } = await collectLog(tx.objectStore('events'));
  const { model, rejected } = replay(events);
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
  await Promise.all([
    ...VIEW_STORES.map((store) => tx.objectStore(store).clear()),
    ...changes.map((change) => writeChange(tx, change)),
    // The saved metric facts were folded from the log as it was: they go with the views.
    tx.objectStore('meta').delete(METRICS_HEAD_KEY),
  ]);
  await tx.done;
  publishChange({ eventId: null, type: 'rebuild', stores: [...VIEW_STORES] });
  return { events: events.length, rejected: rejected.map((r) => ({ id: r.event.id, reason: r.reason })), errors };
}
