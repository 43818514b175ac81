import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite on disk makes no promise about power loss as shipped: it starts PostgreSQL with `-F`
 * (fsync off), and its emscripten file system drops what PostgreSQL asks for anyway — `fdatasync` is
 * a no-op, and `fsync` calls the stream's `fsync`, which the Node file system (NODEFS) does not have.
 * So three things make a commit durable here, and PostgreSQL's own protocol does the rest (WAL flushed
 * at each commit before COMMIT returns, a new segment and its directory synced, data files synced by a
 * checkpoint before `pg_control` moves on and old WAL is recycled):
 * - fsync on (`-F` dropped, `fsync=on` said outright);
 * - `wal_sync_method=fsync`, the one method whose call reaches JavaScript;
 * - NODEFS's streams given an `fsync` that is Node's `fsyncSync` on the real file descriptor.
 * A read-only transaction writes no commit record and so syncs nothing: reads do not pay.
 */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
];

/** The part of emscripten's NODEFS this module touches: a Node-backed stream keeps its descriptor in `nfd`. */
interface NodeFsStreamOps {
  fsync?: (stream: { nfd: number }) => number;
}
interface NodeFsModule {
  NODEFS: { stream_ops: NodeFsStreamOps; tryFSOperation?: <T>(work: () => T) => T };
}

/** NodeFS whose streams really sync; counts the syncs, so opening can prove they reach the disk. */
export class SyncingNodeFS extends NodeFS {
  syncs = 0;

  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [
      ...(emscriptenOpts.preRun ?? []),
      (mod: unknown) => {
        const nodefs = (mod as NodeFsModule).NODEFS;
        // An I/O error becomes the errno PostgreSQL expects (it PANICs on a failed WAL sync, as it should).
        const attempt = nodefs.tryFSOperation?.bind(nodefs) ?? ((work) => work());
        nodefs.stream_ops.fsync = (stream) => {
          attempt(() => fsyncSync(stream.nfd));
          this.syncs += 1;
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  }
}

/** Left in a data folder once everything in it is on disk; from then on PostgreSQL syncs what it writes. */
const SYNCED_MARKER = 'baton-synced';

/**
 * Puts everything under `root` on stable storage, once per folder. PostgreSQL syncs only what it writes
 * itself: the cluster PGlite copies in on first start (initdb runs in memory), and anything a hub wrote
 * before it synced, would otherwise sit in the page cache. After a crash, PostgreSQL (fsync on) syncs
 * the whole folder itself before it replays the log.
 */
export function syncFolderOnce(root: string): void {
  const marker = join(root, SYNCED_MARKER);
  if (existsSync(marker)) return;
  // syncfs(2) through coreutils: one call for the file system, where one fsync per file (about 1,000
  // files in a new cluster) costs seconds on a disk that flushes its cache for each.
  if (spawnSync('sync', ['-f', root]).status !== 0) syncTree(root);
  writeFileSync(marker, 'Everything in this folder was synced to disk; since then PostgreSQL (fsync on) syncs what it writes.\n');
  syncPath(marker);
  syncPath(root);
  syncPath(dirname(resolve(root)));
}

/** Syncs every file and folder under `root`, one fsync each (where `sync -f` is missing). */
export function syncTree(root: string): void {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const child = join(root, entry.name);
    if (entry.isDirectory()) syncTree(child);
    else if (entry.isFile()) syncPath(child);
  }
  syncPath(root);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens PGlite on `dataDir` so that a commit is on stable storage before it returns. Refuses to open
 * when it cannot prove that (a PGlite upgrade that changed how syncs reach the disk): an embedded hub
 * that silently lost acknowledged events would be worse than one that does not start.
 */
export async function openDurablePglite(dataDir: string): Promise<PGlite> {
  const fs = new SyncingNodeFS(dataDir);
  const db = new PGlite({ fs, startParams: [...DURABLE_START_PARAMS] });
  await db.waitReady;
  try {
    syncFolderOnce(dataDir);
    const { rows } = await db.query<{ fsync: string; method: string }>(
      "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method",
    );
    const before = fs.syncs;
    // A WAL record written and flushed at once: it shows that PostgreSQL's syncs reach the disk.
    await db.query("select pg_logical_emit_message(false, 'baton', 'durability check', true)");
    if (rows[0]?.fsync !== 'on' || rows[0]?.method !== 'fsync' || fs.syncs === before) {
      throw new Error(`PGlite in ${dataDir} does not sync its commits to disk (fsync=${rows[0]?.fsync}, wal_sync_method=${rows[0]?.method}); refusing to run on it.`);
    }
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** Write-ahead log since the last checkpoint past which the hub checkpoints (PostgreSQL's `max_wal_size` idea). */
export const CHECKPOINT_AFTER_BYTES = 64 * 2 ** 20;
const CHECKPOINT_CHECK_MS = 60_000;

/**
 * Checkpoints when the log has grown by `afterBytes` since the last one. With fsync on, PostgreSQL's
 * checkpoint syncs the data files it dirtied before it moves the redo point in `pg_control` and lets
 * old WAL go, so this is safe at any moment between two statements.
 */
export async function checkpointIfDue(db: PGlite, afterBytes = CHECKPOINT_AFTER_BYTES): Promise<boolean> {
  const { rows } = await db.query<{ bytes: string }>(
    'select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::text as bytes from pg_control_checkpoint()',
  );
  if (Number(rows[0]?.bytes ?? 0) < afterBytes) return false;
  await db.query('checkpoint');
  return true;
}

/**
 * PGlite runs PostgreSQL as a single-user backend: there is no checkpointer, so it never checkpoints on
 * its own, by time or by log volume — only when it closes. The log would grow for as long as the hub
 * runs, and a crash would replay all of it on the next start. So the hub looks once a minute.
 * Returns the function that stops looking (call it before closing the database).
 */
export function scheduleCheckpoints(db: PGlite, everyMs = CHECKPOINT_CHECK_MS): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    checkpointIfDue(db)
      .catch((error: unknown) => console.error(JSON.stringify({ level: 'error', msg: 'checkpoint failed', error: error instanceof Error ? error.message : String(error) })))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
