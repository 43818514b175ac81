import { acknowledge, reorderIfNeeded, receiveFromHub } from '../db/event-store';
import { getMeta, putMeta } from '../db/meta';
import type { BatonDatabase } from '../db/open';
import type { MetaKey } from '../db/schema';
import { parseEvent, type BatonEvent } from '../model/event';
import { failure, type Problem } from '../result';
import { pullEvents, pushEvents, type HubConnection } from './hub-client';
import { setAside } from './refused';

const CURSOR_KEY = 'hub-cursor' satisfies MetaKey;
const BATCH = 100;

export interface SyncReport {
  pushed: number;
  /** Local events the hub refused, with its reason: set aside (see ./refused), views put back in the hub's order, the user told. */
  refused: { id: string; type: string; reason: string }[];
  pulled: BatonEvent[];
  /** Why the round stopped early: what was pushed and pulled before it still counts. */
  problem?: Problem;
}

/**
 * One round with the hub: push the outbox, then pull everything after the stored cursor. The pull
 * runs whatever the push met (a hub that refuses a batch must not keep a colleague's events from
 * arriving). Safe to stop at any point (the service worker may be stopped): the outbox and the cursor
 * live in IndexedDB, pushing is idempotent and pulled events already known are recognised.
 */
export async function syncOnce(db: BatonDatabase, hub: HubConnection): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, refused: [], pulled: [] };
  await reorderIfNeeded(db);
  const pushProblem = await pushOutbox(db, hub, report);
  const pullProblem = await pullAfterCursor(db, hub, report);
  const problem = pushProblem ?? pullProblem;
  return problem ? { ...report, problem } : report;
}

/** Pushes the outbox in batches; a refused event is set aside with its reason. Returns why it stopped early. */
async function pushOutbox(db: BatonDatabase, hub: HubConnection, report: SyncReport): Promise<Problem | undefined> {
  let batch = BATCH;
  for (;;) {
    const pending = await db.getAllFromIndex('outbox', 'bySeq', undefined, batch);
    if (pending.length === 0) return undefined;
    const records = await Promise.all(pending.map((p) => db.get('events', p.seq)));
    const events = records.flatMap((r) => (r ? [r.event] : []));
    const reply = await pushEvents(hub, events);
    // Too big for one request: send smaller batches rather than block the queue.
    if (!reply.ok && reply.status === 413 && batch > 1) {
      batch = Math.max(1, Math.floor(batch / 2));
      continue;
    }
    if (!reply.ok) return reply.problem;
    for (const result of reply.data.results) {
      if (result.status === 'rejected') {
        const event = events.find((e) => e.id === result.id);
        await setAside(db, result.id, result.reason, event);
        report.refused.push({ id: result.id, type: event?.type ?? 'event', reason: result.reason });
      } else {
        await acknowledge(db, result.id, result.seq);
        report.pushed += 1;
      }
    }
    // Entries whose event is gone (corrupt records) must not block the queue.
    for (const p of pending) if (!records.find((r) => r?.id === p.id)) await db.delete('outbox', p.id);
  }
}

/** Pulls everything after the stored cursor. Returns why it stopped early. */
async function pullAfterCursor(db: BatonDatabase, hub: HubConnection, report: SyncReport): Promise<Problem | undefined> {
  let cursor = (await getMeta(db, CURSOR_KEY)) ?? 0;
  for (;;) {
    const reply = await pullEvents(hub, cursor);
    if (!reply.ok) return reply.problem;
    for (const { seq, event: raw } of reply.data.events) {
      const parsed = parseEvent(raw);
      // Never skipped: an event this version cannot read (a newer Baton wrote it) stops the pull here.
      if (!parsed.ok) {
        await reorderIfNeeded(db);
        return failure('unavailable', `Event ${seq} from the hub cannot be read by this version of Baton (${parsed.problem.message}). Update Baton.`).problem;
      }
      if ((await receiveFromHub(db, parsed.data, seq)) !== 'known') report.pulled.push(parsed.data);
      cursor = seq;
      await putMeta(db, CURSOR_KEY, cursor);
    }
    if (!reply.data.more) {
      await reorderIfNeeded(db);
      return undefined;
    }
  }
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … up to 5 minutes. */
export function backoffMs(failures: number, random = Math.random): number {
  return Math.round(random() * Math.min(300_000, 1000 * 2 ** Math.min(failures, 12)));
}
