import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The little of SQL the hub needs; the same statements run on PGlite and on PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for each NOTIFY on `channel` (PostgreSQL LISTEN/NOTIFY; PGlite in-process). */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openPglite(dataDir?: string): Promise<Db> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: 'pglite',
    query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    // PGlite runs one connection: its transactions are serialised, which is what the hub needs.
    transaction: (work) => db.transaction((tx) => work({ query: async (text, params) => ({ rows: (await tx.query(text, params)).rows as never[] }) })),
    async listen(channel, onNotify) {
      const unsubscribe = await db.listen(channel, onNotify);
      return async () => unsubscribe();
    },
    close: () => db.close(),
  };
}

export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server must not crash the hub: the pool replaces it.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'database connection lost', error: error.message })));
  // Fail fast with a clear error rather than on the first request.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async (text, params) => ({ rows: (await client.query(text, params)).rows }) });
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that broke mid-transaction cannot roll back; the original error is what to report.
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      let client: pg.PoolClient | undefined;
      let stopped = false;
      // A dedicated connection; when it drops (a database restart), listen again with a new one.
      const subscribe = async (): Promise<void> => {
        const c = await pool.connect();
        client = c;
        c.on('notification', (message) => {
          if (message.channel === channel) onNotify(message.payload ?? '');
        });
        c.on('error', () => {
          c.release(true);
          if (!stopped) setTimeout(() => void subscribe().catch(() => undefined), 1000);
        });
        await c.query(`listen ${channel}`);
      };
      await subscribe();
      return async () => {
        stopped = true;
        // Shutting down: a connection already gone has stopped listening anyway.
        await client?.query(`unlisten ${channel}`).catch(() => undefined);
        client?.release();
      };
    },
    close: () => pool.end(),
  };
}

/** The hub's database: PostgreSQL when DATABASE_URL is set, else PGlite in a data folder. */
export function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
