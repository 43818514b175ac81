import type { Change, ViewStore } from '../events/read-model';
import type { MemoryModel } from '../events/memory-model';
import type { Client } from '../model/client';
import { identifierKey } from '../model/identifier';
import { getMeta, putMeta } from './meta';
import type { ClientRecord } from './schema';
import { stripClientRecord, type WriteTx } from './snapshot';

/**
 * What one view record was before an event changed it: put `before` back, or delete the record when
 * the event created it. An event's undo entries, restored last to first, take the views back to
 * where they were before it — without replaying anything before it (see ./view-tail).
 */
export interface UndoEntry {
  store: ViewStore;
  key: IDBValidKey;
  before?: Change['value'];
}

export function toClientRecord(client: Client): ClientRecord {
  return { ...client, nameKey: client.name.trim().toLowerCase(), identifierKeys: client.identifiers.map(identifierKey) };
}

export async function writeChange(tx: WriteTx, change: Change): Promise<void> {
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

/** The key a change's record is stored under (the workspace lives in the meta store). */
function keyOf(change: Change): IDBValidKey {
  if (change.store === 'workspace') return 'workspace';
  if (change.store === 'templates') return [change.value.id, change.value.version];
  return change.value.id;
}

async function storedValue(tx: WriteTx, store: ViewStore, key: IDBValidKey): Promise<Change['value'] | undefined> {
  if (store === 'workspace') return getMeta(tx.objectStore('meta'), 'workspace');
  if (store === 'clients') return stripClientRecord(await tx.objectStore('clients').get(key as string));
  // Each store's key type matches its name; TypeScript cannot correlate the union here.
  return (await tx.objectStore(store).get(key as never)) as Change['value'] | undefined;
}

/** How to undo `changes` on the stored views: read before any of them is written. */
export async function readUndo(tx: WriteTx, changes: readonly Change[]): Promise<UndoEntry[]> {
  return Promise.all(
    changes.map(async (change) => {
      const key = keyOf(change);
      // A history entry is keyed by the id of the event that writes it: it never exists before that
      // event (and a re-order undoes it before applying the event again). One read fewer per append.
      const before = change.store === 'timeline' ? undefined : await storedValue(tx, change.store, key);
      return before === undefined ? { store: change.store, key } : { store: change.store, key, before };
    }),
  );
}

function memoryValue(model: MemoryModel, store: ViewStore, key: IDBValidKey): Change['value'] | undefined {
  switch (store) {
    case 'workspace':
      return model.workspace_;
    case 'members':
      return model.members_.get(key as string);
    case 'clients':
      return model.clients.get(key as string);
    case 'handoffs':
      return model.handoffs.get(key as string);
    case 'notes':
      return model.notes.get(key as string);
    case 'failures':
      return model.failures.get(key as string);
    case 'items':
      return model.items.get(key as string);
    case 'templates': {
      const [id, version] = key as [string, number];
      return model.templates.findLast((t) => t.id === id && t.version === version);
    }
    case 'timeline':
      return model.timeline.findLast((t) => t.id === key);
  }
}

/** How to undo `changes` on views replayed in memory (a full rebuild records the undo of the unsettled tail). */
export function memoryUndo(model: MemoryModel, changes: readonly Change[]): UndoEntry[] {
  return changes.map((change) => {
    const key = keyOf(change);
    const before = memoryValue(model, change.store, key);
    return before === undefined ? { store: change.store, key } : { store: change.store, key, before };
  });
}

/** Takes the stored views back to where they were before the event whose undo this is. */
export async function applyUndo(tx: WriteTx, undo: readonly UndoEntry[]): Promise<void> {
  for (const entry of [...undo].reverse()) {
    if (entry.before !== undefined) await writeChange(tx, { store: entry.store, value: entry.before } as Change);
    else if (entry.store === 'workspace') await tx.objectStore('meta').delete('workspace');
    else await tx.objectStore(entry.store).delete(entry.key as never);
  }
}
