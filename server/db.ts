import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { isDatabaseUnavailable } from './database-unavailable';
import { openDurablePglite, scheduleCheckpoints } from './pglite-durability';

/** The little of SQL the hub needs; the same statements run on PGlite and on PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (PostgreSQL LISTEN/NOTIFY; PGlite in-process).
   * `onResubscribed` runs each time a lost subscription is made again: NOTIFYs sent meanwhile were missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResubscribed?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * PGlite in memory (tests) or in a data folder (the hub's default). On disk, an acknowledged commit is
 * on stable storage before it returns: see `openDurablePglite`.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (!dataDir) {
    const db = new PGlite();
    await db.waitReady;
    return pgliteDb(db);
  }
  const db = await openDurablePglite(dataDir);
  const stopCheckpoints = scheduleCheckpoints(db);
  const durable = pgliteDb(db);
  return {
    ...durable,
    close: async () => {
      stopCheckpoints();
      await durable.close();
    },
  };
}

/** The hub's `Db` over a PGlite that is ready (the durability bench also wraps one opened as PGlite ships). */
export function pgliteDb(db: PGlite): Db {
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

/** How long the hub waits for a PostgreSQL connection, and for any one statement, before answering 503. */
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 60_000;

/** `timeouts` (tests make them short): how long to wait for a connection, and for one statement. */
export async function openPostgres(connectionString: string, timeouts = { connectMs: CONNECT_TIMEOUT_MS, queryMs: QUERY_TIMEOUT_MS }): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A database that stops answering (a network cut, not a refused connection) must not hold a
    // workspace's writes for the minutes TCP takes to give up: the request answers 503 instead.
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection dropped by the server must not crash the hub: the pool replaces it.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'database connection lost', error: error.message })));
  // Fail fast with a clear error rather than on the first request.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }),
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await work({ query: async (text, params) => ({ rows: (await client.query(text, params)).rows }) });
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that broke or stopped answering is dropped (the server rolls back what it
        // held); any other is rolled back and reused. The original error is what to report.
        broken = isDatabaseUnavailable(error);
        if (!broken) await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotify, onResubscribed) => listenWithRetry(pool, channel, onNotify, onResubscribed),
    close: () => pool.end(),
  };
}

/** First retry after a lost LISTEN, doubling up to the cap; PostgreSQL may be down for seconds or minutes. */
const RESUBSCRIBE_FIRST_MS = 250;
const RESUBSCRIBE_MAX_MS = 10_000;

/** Backoff with jitter (50–100 % of the step), so hub processes do not all reconnect in the same instant. */
export function resubscribeDelay(attempt: number, random = Math.random): number {
  const step = Math.min(RESUBSCRIBE_MAX_MS, RESUBSCRIBE_FIRST_MS * 2 ** attempt);
  return Math.round(step * (0.5 + random() / 2));
}

/**
 * LISTEN on a dedicated pool connection. When that connection drops (a database restart or outage),
 * listens again on a new one, with backoff, until it works; then calls `onResubscribed`.
 */
async function listenWithRetry(pool: pg.Pool, channel: string, onNotify: (payload: string) => void, onResubscribed?: () => void) {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const subscribe = async (): Promise<void> => {
    const c = await pool.connect();
    let lost = false;
    let listening = false;
    // 'error' and 'end' may both fire for one drop: release once (and not at all once the stop
    // function took the connection back). Only a subscription that worked schedules its own retry;
    // a failed LISTEN is retried by whoever called `subscribe`.
    const onLost = () => {
      if (lost || (listening && client !== c)) return;
      lost = true;
      client = undefined;
      c.release(true);
      if (listening && !stopped) scheduleRetry(0);
    };
    c.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    c.on('error', onLost);
    c.on('end', onLost);
    try {
      await c.query(`listen ${channel}`);
    } catch (error) {
      onLost();
      throw error;
    }
    listening = true;
    client = c;
  };
  const scheduleRetry = (attempt: number) => {
    retry = setTimeout(() => {
      if (stopped) return;
      subscribe().then(
        () => onResubscribed?.(),
        () => !stopped && scheduleRetry(attempt + 1),
      );
    }, resubscribeDelay(attempt));
  };
  await subscribe();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    // Shutting down: a connection already gone has stopped listening anyway.
    await c?.query(`unlisten ${channel}`).catch(() => undefined);
    c?.release();
  };
}

/** The hub's database: PostgreSQL when DATABASE_URL is set, else PGlite in a data folder. */
export function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
