import { openDB, type IDBPDatabase } from 'idb';
import { MIGRATIONS } from './migrations';
import { DB_NAME, DB_VERSION, type BatonDB } from './schema';

export type BatonDatabase = IDBPDatabase<BatonDB>;

/** Opens (creating or upgrading) Baton's database. `version` exists for migration tests. */
export async function openBatonDb(name = DB_NAME, version = DB_VERSION): Promise<BatonDatabase> {
  const db: BatonDatabase = await openDB<BatonDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        const migrate = MIGRATIONS[v];
        if (!migrate) throw new Error(`No migration to version ${v}`);
        await migrate(db, tx);
      }
    },
    blocking() {
      // Another context (an updated extension) needs a newer version: step aside rather than block it.
      db.close();
    },
  });
  return db;
}
