// What durability costs the hub on PGlite: single-event pushes per second and reads per second through
// the hub's store, on a PGlite data folder opened as PGlite ships (fsync off: a commit may sit in the
// page cache) and as the hub opens it (`openPglite`: each commit synced before it returns). Figures,
// never a pass/fail. Run it alone (it prints JSON):
//   npx esbuild bench/pglite-durability.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=bench/tmp/pglite-durability.mjs && node bench/tmp/pglite-durability.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { makeEvent } from '../lib/events/make-event';
import { openPglite, pgliteDb, type Db } from '../server/db';
import { migrate } from '../server/schema';
import { HubStore } from '../server/store';

const SECONDS = 8;
const CONCURRENT = 8;

/** Calls `work` over and over for `SECONDS` from `workers` callers at once; answers calls per second. */
async function rate(workers: number, work: () => Promise<void>): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    for (; performance.now() < until; done++) await work();
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  return Math.round(done / ((performance.now() - start) / 1000));
}

async function measure(db: Db) {
  await migrate(db);
  const store = new HubStore(db);
  const workspaceId = await store.createWorkspace('Durability bench');
  const joined = await store.redeemInvite(await store.createInvite(workspaceId, { email: 'bench@example.com', name: 'Bench', role: 'admin' }));
  const caller = (await store.authenticate(joined!.token))!;
  let clients = 0;
  const push = async () => {
    const n = clients++;
    const [result] = await store.push(caller, [makeEvent('client.created', caller.memberId, `client-${n}`, { name: `Client ${n}` })]);
    if (result?.status !== 'accepted') throw new Error(`push refused: ${JSON.stringify(result)}`);
  };
  const oneAtATime = await rate(1, push);
  const concurrent = await rate(CONCURRENT, push);
  const pulls = await rate(1, async () => void (await store.pull(workspaceId, 0, 100)));
  await db.close();
  return { pushesPerSecond: { oneAtATime, [`${CONCURRENT}AtOnce`]: concurrent }, pullsOf100PerSecond: pulls };
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'baton-bench-durability-'));
  try {
    const asShipped = new PGlite(join(scratch, 'as-shipped'));
    await asShipped.waitReady;
    const before = await measure(pgliteDb(asShipped));
    const after = await measure(await openPglite(join(scratch, 'durable')));
    console.log(JSON.stringify({ seconds: SECONDS, loadAverage: loadavg()[0], withoutSync: before, durable: after }, null, 2));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
