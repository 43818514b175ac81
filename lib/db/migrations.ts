import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { identifierKey } from '../model/identifier';
import type { BatonDB, ClientRecord } from './schema';

type UpgradeTx = IDBPTransaction<BatonDB, StoreNames<BatonDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<BatonDB>, tx: UpgradeTx) => Promise<void> | void;

/**
 * One function per schema version, applied in order from the version on disk. Never edit a shipped
 * one: add the next. Data migrations run inside the upgrade transaction, so an upgrade is all or nothing.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1(db) {
    db.createObjectStore('meta');
    const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
    events.createIndex('byId', 'id', { unique: true });
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq');
    db.createObjectStore('members', { keyPath: 'id' }).createIndex('byEmail', 'email');
    db.createObjectStore('clients', { keyPath: 'id' }).createIndex('byName', 'nameKey');
    const handoffs = db.createObjectStore('handoffs', { keyPath: 'id' });
    handoffs.createIndex('byClient', 'clientId');
    handoffs.createIndex('byReceiverState', ['receiverId', 'state']);
    handoffs.createIndex('bySenderState', ['senderId', 'state']);
    db.createObjectStore('templates', { keyPath: ['id', 'version'] });
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('byClient', 'clientId');
    db.createObjectStore('failures', { keyPath: 'id' }).createIndex('byClient', 'clientId');
    db.createObjectStore('timeline', { keyPath: 'id' }).createIndex('byClientAt', ['clientId', 'at']);
  },
  // v2: clients are found by identifier through an index, and open items get their own store.
  async 2(db, tx) {
    const clients = tx.objectStore('clients');
    clients.createIndex('byIdentifier', 'identifierKeys', { multiEntry: true });
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('byClient', 'clientId');
    items.createIndex('byOwner', 'ownerEmail');
    for (let cursor = await clients.openCursor(); cursor; cursor = await cursor.continue()) {
      const client = cursor.value as Partial<ClientRecord>;
      const identifiers = Array.isArray(client.identifiers) ? client.identifiers : [];
      await cursor.update({ ...cursor.value, identifierKeys: identifiers.map(identifierKey) });
    }
  },
};
