// Bundled as an IIFE and evaluated in one of Baton's own pages (same origin as the background, so the
// same IndexedDB): fills the local workspace with the benchmark agency — 200 clients, 10,000 handoffs,
// 100,000 events (some of them failures, when asked) — the way a restore would, then rebuilds the views.
import { rebuildViews } from '../lib/db/event-store';
import { openBatonDb } from '../lib/db/open';
import { DB_NAME } from '../lib/db/schema';
import { agencyLog } from './store-data';

/** `failures`: see agencyLog. */
async function seedBaton(options: { failures?: number } = {}) {
  const db = await openBatonDb(DB_NAME);
  try {
    const adminId = (await db.get('meta', 'me')) as string | undefined;
    if (!adminId) throw new Error('Baton has not opened its workspace yet.');
    const log = agencyLog({ adminId }, options);
    for (let i = 0; i < log.length; i += 5_000) {
      const tx = db.transaction('events', 'readwrite');
      for (const event of log.slice(i, i + 5_000)) void tx.store.add({ id: event.id, origin: 'remote', event });
      await tx.done;
    }
    const rebuilt = await rebuildViews(db);
    if (rebuilt.rejected.length || rebuilt.errors.length) throw new Error(`seed rejected: ${JSON.stringify([...rebuilt.rejected, ...rebuilt.errors].slice(0, 3))}`);
    return { events: log.length, handoffs: await db.count('handoffs'), clients: await db.count('clients'), failures: await db.count('failures') };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { seedBaton: typeof seedBaton }).seedBaton = seedBaton;
