// The hub side of bench/hub.bench.ts: the real hub (server/server.ts startHub) in its own Node process,
// so the benchmark's 500 WebSocket clients do not share its event loop and its memory is its own.
// Started by the bench (child_process.fork of the same bundle with --hub-child) and driven over IPC:
//   env BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (PGlite folder), BENCH_INVITES (how many)
//   → { type: 'ready', url, invites }        one invite code per member-to-be, the first an admin
//   ← { type: 'memory' } → { type: 'memory', rss, heapUsed, heapTotal, connections }   (after a GC)
//   ← { type: 'close' }  → closes the hub and exits
// It also exits when the bench goes away (IPC disconnect) and after a hard deadline.
import { openPglite, openPostgres } from '../server/db';
import { startHub } from '../server/server';

export type ChildRequest = { type: 'memory' } | { type: 'close' };
export type ChildMessage =
  | { type: 'ready'; url: string; kind: 'pglite' | 'postgres'; invites: string[] }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; connections: number }
  | { type: 'error'; message: string };

const DEADLINE_MS = 8 * 60_000;

export async function runHubChild(): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  // Never outlive the bench.
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => {
    process.stderr.write('bench hub: deadline reached, exiting\n');
    process.exit(3);
  }, DEADLINE_MS).unref();

  try {
    const url = process.env.BENCH_DATABASE_URL;
    const db = url ? await openPostgres(url) : await openPglite(process.env.BENCH_DATA_DIR);
    const hub = await startHub(db, { port: 0, hostname: '127.0.0.1' });
    const workspaceId = await hub.store.createWorkspace('Bench agency');
    const count = Number(process.env.BENCH_INVITES ?? '1');
    const invites: string[] = [];
    for (let i = 0; i < count; i++) {
      invites.push(await hub.store.createInvite(workspaceId, { email: `member${i}@bench.example.com`, name: `Bench member ${i}`, role: i === 0 ? 'admin' : 'member' }));
    }
    process.on('message', (request: ChildRequest) => {
      if (request.type === 'memory') {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        const m = process.memoryUsage();
        send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, connections: hub.connections() });
      } else if (request.type === 'close') {
        void hub.close().finally(() => process.exit(0));
      }
    });
    send({ type: 'ready', url: hub.url, kind: db.kind, invites });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
