import { decide } from '../events/reducer';
import { replay } from '../events/memory-model';
import type { Change } from '../events/read-model';
import { identifierKey } from '../model/identifier';
import { parseEvent, type BatonEvent } from '../model/event';
import type { Client } from '../model/client';
import { publishChange } from './change-feed';
import type { BatonDatabase } from './open';
import { ALL_STORES, VIEW_STORES, type ClientRecord, type EventRecord } from './schema';
import { loadSnapshot, type WriteTx } from './snapshot';

export type AppendResult =
  | { ok: true; event: BatonEvent; duplicate: boolean; seq?: number }
  | { ok: false; reason: string; event?: BatonEvent };

export function toClientRecord(client: Client): ClientRecord {
  return { ...client, nameKey: client.name.trim().toLowerCase(), identifierKeys: client.identifiers.map(identifierKey) };
}

async function writeChange(tx: WriteTx, change: Change): Promise<void> {
  switch (change.store) {
    case 'workspace':
      await tx.objectStore('meta').put(change.value, 'workspace');
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
 * Appends one event: parsed, checked by the shared reducer against the current views, then the event,
 * its view changes and (for local events) its outbox entry are written in one transaction — all or
 * nothing. A replayed event (same id) changes nothing.
 */
export async function appendEvent(db: BatonDatabase, raw: unknown, origin: 'local' | 'remote' = 'local'): Promise<AppendResult> {
  const parsed = parseEvent(raw);
  if (!parsed.ok) return { ok: false, reason: `Invalid event: ${parsed.error}` };
  const { event } = parsed;
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const decision = decide(await loadSnapshot(tx, event), event);
  if (!decision.ok || decision.duplicate) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return decision.ok ? { ok: true, event, duplicate: true } : { ok: false, reason: decision.reason, event };
  }
  const record: EventRecord = { id: event.id, origin, event };
  const seq = (await tx.objectStore('events').add(record)) as number;
  if (origin === 'local') await tx.objectStore('outbox').put({ id: event.id, seq, attempts: 0 });
  for (const change of decision.changes) await writeChange(tx, change);
  await tx.done;
  publishChange({ eventId: event.id, type: event.type, stores: [...new Set(decision.changes.map((c) => c.store))] });
  return { ok: true, event, duplicate: false, seq };
}

/** Every event in log order, each parsed; a corrupt record is reported and skipped. */
export async function readLog(db: BatonDatabase): Promise<{ events: BatonEvent[]; errors: string[] }> {
  const events: BatonEvent[] = [];
  const errors: string[] = [];
  for (let cursor = await db.transaction('events').store.openCursor(); cursor; cursor = await cursor.continue()) {
    const parsed = parseEvent((cursor.value as Partial<EventRecord>).event);
    if (parsed.ok) events.push(parsed.event);
    else errors.push(`event #${cursor.key}: ${parsed.error}`);
  }
  return { events, errors };
}

/**
 * Rebuilds every view from the log (after a schema change, a restore, or a rejected sync): replayed in
 * memory with the same reducer, then written in one transaction.
 */
export async function rebuildViews(db: BatonDatabase): Promise<{ events: number; rejected: { id: string; reason: string }[]; errors: string[] }> {
  const { events, errors } = await readLog(db);
  const { model, rejected } = replay(events);
  const tx = db.transaction(ALL_STORES, 'readwrite');
  await Promise.all(VIEW_STORES.map((store) => tx.objectStore(store).clear()));
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
  await Promise.all(changes.map((change) => writeChange(tx, change)));
  await tx.done;
  publishChange({ eventId: null, type: 'rebuild', stores: [...VIEW_STORES] });
  return { events: events.length, rejected: rejected.map((r) => ({ id: r.event.id, reason: r.reason })), errors };
}
