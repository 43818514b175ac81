// Whose move is it, and which open handoffs to show first: the ones waiting on me, the overdue among
// them first, then everything else by recent activity.
import type { Handoff } from '../model/handoff';
import { awaitsReceiver, isInFlight } from './handoff-machine';

type Moving = Pick<Handoff, 'state' | 'senderId' | 'receiverId'>;

/**
 * The next step is `memberId`'s: the receiver's to confirm or ask once it is sent (or answered, or
 * reassigned); the sender's to finish a draft or answer gaps.
 */
export function isMyMove(handoff: Moving, memberId: string): boolean {
  if (awaitsReceiver(handoff.state)) return handoff.receiverId === memberId;
  if (handoff.state === 'draft' || handoff.state === 'gaps_raised') return handoff.senderId === memberId;
  return false;
}

/** In flight past its confirm-by. */
export function isPastDue(handoff: Pick<Handoff, 'state' | 'dueBy'>, nowMs: number): boolean {
  return isInFlight(handoff.state) && handoff.dueBy !== undefined && Date.parse(handoff.dueBy) < nowMs;
}

/** Mine to move first, overdue first within them, then the most recent activity; a new array. */
export function sortYourMoveFirst<H extends Moving & Pick<Handoff, 'dueBy' | 'updatedAt'>>(handoffs: readonly H[], memberId: string, now: Date): H[] {
  const nowMs = now.getTime();
  const rank = (h: H) => (isMyMove(h, memberId) ? 0 : 2) + (isPastDue(h, nowMs) ? 0 : 1);
  return [...handoffs].sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
}
