// Store figures at agency scale, the same code in Node (fake-indexeddb) and in Chromium (real
// IndexedDB): open a client's view, append an event, rebuild every view from the log, absorb a
// colleague's event the hub placed before one of mine.
import { acknowledge, appendEvent, rebuildViews, receiveFromHub, reorderIfNeeded } from '../lib/db/event-store';
import { putMeta } from '../lib/db/meta';
import { openBatonDb, type BatonDatabase } from '../lib/db/open';
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
    // Pulled from the hub in its order: every event settled, as in a browser in step with its team.
    log.slice(i, i + 5_000).forEach((event, j) => void tx.store.add({ id: event.id, origin: 'remote', event, hubSeq: i + j + 1 }));
    await tx.done;
  }
  await putMeta(db, 'hub-cursor', log.length);
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
  const hub = { seq: log.length };
  await shareAll(db, hub);
  const reorder = await interleavedFigures(db, hub);
  db.close();
  return {
    label,
    sizes: { ...SIZES, events: log.length },
    generateMs: Math.round(generateMs),
    bulkLoadMs: Math.round(loadMs),
    rebuildMs: Math.round(rebuildMs),
    clientViewMs: stats(viewMs.slice(10)),
    appendMs: stats(appendMs.slice(10)),
    interleavedMs: { incremental: stats(reorder.incremental.slice(2)), fullRebuild: reorder.fullRebuild },
    clientViewShape: { openHandoffs, timeline },
  };
}

/** The hub acknowledges every pending local event, and the browser pulls up to it: nothing left to move. */
async function shareAll(db: BatonDatabase, hub: { seq: number }): Promise<void> {
  for (const pending of await db.getAllFromIndex('outbox', 'bySeq')) await acknowledge(db, pending.id, ++hub.seq);
  await putMeta(db, 'hub-cursor', hub.seq);
  await reorderIfNeeded(db);
}

/**
 * One interleaved event at 100,000: I edit a handoff here (pending), a colleague's note on it reaches
 * the hub first, and my browser pulls it: it goes before my edit. Incremental (undo my edit, apply the
 * note, re-apply the edit) against what it cost before: a full rebuild of every view.
 */
async function interleavedFigures(db: BatonDatabase, hub: { seq: number }): Promise<{ incremental: number[]; fullRebuild: number }> {
  const round = async (i: number): Promise<number> => {
    // h0 … h199 are open (the first in five of each client).
    const h = i;
    const mine = makeEvent('handoff.updated', `m${h % SIZES.members}`, `h${h}`, { fields: { considered_and_rejected: `Interleaved edit ${i}.` } });
    if (!(await appendEvent(db, mine)).ok) throw new Error(`interleaved edit ${i} refused`);
    const noteId = `interleaved-note-${i}`;
    const author = `m${(h + 1) % SIZES.members}`;
    const theirs = makeEvent('note.added', author, noteId, { note: { kind: 'note', id: noteId, clientId: `c${h % SIZES.clients}`, handoffId: `h${h}`, authorId: author, at: new Date().toISOString(), text: 'Colleague’s note.' } });
    const seq = ++hub.seq;
    const start = performance.now();
    if ((await receiveFromHub(db, theirs, seq)) !== 'out-of-order') throw new Error('the colleague’s event should arrive out of order');
    await putMeta(db, 'hub-cursor', seq);
    if ((await reorderIfNeeded(db)) !== 'incremental') throw new Error('expected an incremental re-order');
    return performance.now() - start;
  };
  const incremental: number[] = [];
  for (let i = 0; i < 22; i++) {
    incremental.push(await round(i));
    await shareAll(db, hub);
  }
  // What the same arrival cost before: every view rebuilt from the log.
  const start = performance.now();
  await rebuildViews(db);
  return { incremental, fullRebuild: Math.round(performance.now() - start) };
}
