// Where this browser keeps its hub connection (the hub's address, my member and workspace ids, and the
// member token): the only module that reads or writes it. It lives in the extension's own IndexedDB,
// which only extension pages and the background can open (content scripts run in the page's origin).
// storage.local, where Baton kept it before ("baton:hub"), is readable by every content script: a
// connection found there is moved here once, then removed there.
//
// A small database of its own rather than the workspace database's meta store: the connection says
// which workspace database to open, so it must be read before any is; and no workspace operation (a
// restore clears every store, a rebuild, a schema migration) can touch it, nor can a backup, which is
// the workspace's event log, ever carry it. The address and the ids are not secrets; they stay with
// the token so that one write keeps the whole membership, never half of it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DB_NAME } from '../db/schema';
import type { HubConnection } from '../sync/hub-client';
import { HubConnectionSchema, STORAGE_KEYS } from './keys';
import { getItem, removeItem } from './store';

interface HubConnectionDb extends DBSchema {
  connection: { key: 'hub'; value: unknown };
}

const KEY = 'hub';

/** The database beside the workspace database `dbName` (tests give each browser its own name). */
export const hubConnectionDbName = (dbName: string) => `${dbName}-hub`;

async function withDb<T>(dbName: string, use: (db: IDBPDatabase<HubConnectionDb>) => Promise<T>): Promise<T> {
  const db = await openDB<HubConnectionDb>(hubConnectionDbName(dbName), 1, {
    upgrade(created) {
      created.createObjectStore('connection');
    },
  });
  // Opened per use and closed at once: rare calls, and a newer version never waits on this one.
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** The stored connection as the schema reads it: a damaged record is reported and treated as absent. */
async function readStored(dbName: string): Promise<HubConnection | undefined> {
  const stored = await withDb(dbName, (db) => db.get('connection', KEY));
  if (stored === undefined) return undefined;
  const parsed = HubConnectionSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`Baton ignored a malformed hub connection in IndexedDB "${hubConnectionDbName(dbName)}": ${parsed.error.message}`);
  return undefined;
}

/** Keeps the connection; resolves once it is committed to disk (the invite it came from is spent). */
export async function saveHubConnection(hub: HubConnection, dbName = DB_NAME): Promise<void> {
  await withDb(dbName, async (db) => {
    const tx = db.transaction('connection', 'readwrite', { durability: 'strict' });
    await tx.store.put(hub, KEY);
    await tx.done;
  });
}

/** Leaving the hub: the connection and its token are gone from every place Baton ever kept them. */
export async function forgetHubConnection(dbName = DB_NAME): Promise<void> {
  await withDb(dbName, (db) => db.delete('connection', KEY));
  await removeItem(STORAGE_KEYS.legacyHub);
}

/**
 * A connection from before this version, moved out of storage.local. It is written here (committed)
 * before it is removed there: a worker stopped in between loses nothing, and the next start finds it
 * here and only removes the copy left behind. Safe to run any number of times.
 */
async function moveLegacyConnection(dbName: string): Promise<void> {
  const legacy = await getItem(STORAGE_KEYS.legacyHub);
  if (!legacy) return;
  if (!(await readStored(dbName))) await saveHubConnection(legacy, dbName);
  await removeItem(STORAGE_KEYS.legacyHub);
}

/**
 * The hub this browser belongs to, or undefined when it works alone. Called when the background opens
 * its workspace, which it does on every start (an update included): that is when an old connection moves.
 */
export async function loadHubConnection(dbName = DB_NAME): Promise<HubConnection | undefined> {
  await moveLegacyConnection(dbName);
  return readStored(dbName);
}
