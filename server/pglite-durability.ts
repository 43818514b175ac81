import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
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

/**
 * Syncs every file and folder under `root`, then `root`'s own entry in its parent. PostgreSQL syncs
 * only what it changed itself: the cluster PGlite copies in on first start (initdb runs in memory),
 * and anything written by a hub that ran without fsync, would otherwise sit in the page cache.
 */
export function syncTree(root: string): number {
  let count = 0;
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) count += syncPath(child);
    }
    count += syncPath(path);
  };
  const absolute = resolve(root);
  visit(absolute);
  return count + syncPath(dirname(absolute));
}

function syncPath(path: string): number {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
    return 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens PGlite on `dataDir` so that a commit is on stable storage before it returns. Refuses to open
 * when it cannot prove that (a PGlite upgrade that changed how syncs reach the disk): an embedded hub
 * that silently lost acknowledged events would be worse than one that does not start.
 */
export async function openDurablePglite(dataDir: string, options: PGliteOptions = {}): Promise<PGlite> {
  const fs = new SyncingNodeFS(dataDir);
  const db = new PGlite({ ...options, fs, startParams: [...DURABLE_START_PARAMS] });
  await db.waitReady;
  try {
    syncTree(dataDir);
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
