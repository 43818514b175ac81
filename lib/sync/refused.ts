import { appendEvent, dropRefused } from '../db/event-store';
import { getMeta, putMeta } from '../db/meta';
import type { BatonDatabase } from '../db/open';
import type { RefusedChange } from '../db/schema';
import type { BatonEvent } from '../model/event';
import { failure, succeed, type Result } from '../result';

/** More than this many refused changes and the oldest go: the list is for a person to act on. */
const MAX_REFUSED = 100;

/** The changes the hub refused, newest first. */
export async function refusedChanges(db: BatonDatabase): Promise<RefusedChange[]> {
  return (await getMeta(db, 'refused')) ?? [];
}

async function keep(db: BatonDatabase, change: RefusedChange | undefined, without: string): Promise<void> {
  const rest = (await refusedChanges(db)).filter((c) => c.id !== without);
  await putMeta(db, 'refused', (change ? [change, ...rest] : rest).slice(0, MAX_REFUSED));
}

/**
 * Sets aside a local change the hub refused: out of the log and the outbox (it must not block the
 * queue, nor stay in views the team will never see), and into the refused list with the reason, so
 * the person can retry or discard it.
 */
export async function setAside(db: BatonDatabase, id: string, reason: string, event?: BatonEvent, now = new Date()): Promise<void> {
  await dropRefused(db, id);
  await keep(db, { id, type: event?.type ?? 'event', reason, at: now.toISOString(), ...(event ? { event } : {}) }, id);
}

/**
 * Puts a refused change back into the log and the outbox, for the next round. It is read again as
 * new (its text cleaned on the way in, and dated now if it was dated ahead of this computer's clock:
 * the hub refuses a time ahead of its own, and the person has set the clock right since); when this
 * browser's log no longer accepts it, it stays in the list with that reason.
 */
export async function retryRefused(db: BatonDatabase, id: string, now = new Date()): Promise<Result<{ id: string }>> {
  const change = (await refusedChanges(db)).find((c) => c.id === id);
  if (!change) return failure('not-found', 'That change is no longer waiting.');
  if (!change.event) return failure('bad-request', 'Baton no longer has that change: discard it.');
  const ahead = Date.parse(change.event.at) > now.getTime();
  const appended = await appendEvent(db, ahead ? { ...change.event, at: now.toISOString() } : change.event);
  if (!appended.ok) {
    await keep(db, { ...change, reason: appended.problem.message }, id);
    return failure('invalid', appended.problem.message);
  }
  await keep(db, undefined, id);
  return succeed({ id });
}

/** Forgets a refused change for good. */
export async function discardRefused(db: BatonDatabase, id: string): Promise<void> {
  await keep(db, undefined, id);
}
