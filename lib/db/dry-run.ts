import { notBeforeCause } from '../events/clock';
import { decide } from '../events/reducer';
import type { BatonEvent } from '../model/event';
import type { Handoff } from '../model/handoff';
import { failure, succeed, type Result } from '../result';
import type { BatonDatabase } from './open';
import { ALL_STORES } from './schema';
import { loadSnapshot, type WriteTx } from './snapshot';
import { writeChange } from './view-undo';

/**
 * Judges `events` as appending them now would, one after the other, and writes nothing: the events as
 * they would be stored (stamped no earlier than their cause) and the handoff as they would leave it,
 * or the first refusal. The views are written inside a transaction that is always aborted, so the
 * reducer judges each event on the state the previous one leaves; the log and the outbox are never
 * touched. Used for an action held for undo (../background/pending-actions.ts): refused at the click,
 * never eight seconds later.
 */
export async function dryRun(db: BatonDatabase, events: readonly BatonEvent[], handoffId: string): Promise<Result<{ events: BatonEvent[]; handoff: Handoff }>> {
  const tx = db.transaction(ALL_STORES, 'readwrite') as WriteTx;
  try {
    const stamped: BatonEvent[] = [];
    for (const raw of events) {
      const snapshot = await loadSnapshot(tx, raw);
      const event = notBeforeCause(snapshot, raw);
      const decision = decide(snapshot, event, 'new');
      if (!decision.ok) return decision;
      for (const change of decision.changes) await writeChange(tx, change);
      stamped.push(event);
    }
    const handoff = await tx.objectStore('handoffs').get(handoffId);
    return handoff ? succeed({ events: stamped, handoff }) : failure('not-found', 'That handoff no longer exists.');
  } finally {
    tx.abort();
    // An aborted transaction's `done` rejects with the abort we asked for.
    await tx.done.catch(() => undefined);
  }
}
