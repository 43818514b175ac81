// Store figures at agency scale, the same code in Node (fake-indexeddb) and in Chromium (real
// IndexedDB): open a client's view, append an event, rebuild every view from the log.
import { appendEvent, rebuildViews } from '../lib/db/event-store';
import { openBatonDb } from '../lib/db/open';
import { clientView } from '../lib/db/queries';
import { makeEvent } from '../lib/events/make-event';
import { agencyLog, SIZES } from './store-data';

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}

export async function runStoreBench(label: string) {
  const t = performance.now();
  const log = agencyLog();
  const generateMs = performance.now() - t;
  const db = await openBatonDb(`baton-bench-${Date.now()}`);
  // Load the log in bulk, then build the views the way a restore does.
  const loadStart = performance.now();
  for (let i = 0; i < log.length; i += 5_000) {
    const tx = db.transaction('events', 'readwrite');
    for (const event of log.slice(i, i + 5_000)) void tx.store.add({ id: event.id, origin: 'remote', event });
    await tx.done;
  }
  const loadMs = performance.now() - loadStart;
  const rebuildStart = performance.now();
  const rebuilt = await rebuildViews(db);
  const rebuildMs = performance.now() - rebuildStart;
  if (rebuilt.rejected.length || rebuilt.errors.length) throw new Error(`benchmark log rejected: ${JSON.stringify(rebuilt.rejected.slice(0, 3))}`);

  const viewMs: number[] = [];
  let openHandoffs = 0;
  let timeline = 0;
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    const view = await clientView(db, `c${(i * 37) % SIZES.clients}`, 100);
    viewMs.push(performance.now() - start);
    openHandoffs = view?.openHandoffs.length ?? 0;
    timeline = view?.timeline.length ?? 0;
  }
  const appendMs: number[] = [];
  // Half notes, half edits of open handoffs (h0, h1, … are open: the first in five of each client).
  for (let i = 0; i < 60; i++) {
    const noteId = `bench-note-${i}`;
    const event =
      i % 2 === 0
        ? makeEvent('note.added', 'm1', noteId, { note: { kind: 'note', id: noteId, clientId: `c${i}`, authorId: 'm1', at: new Date().toISOString(), text: 'Client asked for a budget review.' } })
        : makeEvent('handoff.updated', `m${i % SIZES.members}`, `h${i}`, { fields: { considered_and_rejected: `A discount-led message (${i}).` } });
    const start = performance.now();
    const result = await appendEvent(db, event);
    appendMs.push(performance.now() - start);
    if (!result.ok) throw new Error(result.problem.message);
  }
  db.close();
  return {
    label,
    sizes: { ...SIZES, events: log.length },
    generateMs: Math.round(generateMs),
    bulkLoadMs: Math.round(loadMs),
    rebuildMs: Math.round(rebuildMs),
    clientViewMs: stats(viewMs.slice(10)),
    appendMs: stats(appendMs.slice(10)),
    clientViewShape: { openHandoffs, timeline },
  };
}
