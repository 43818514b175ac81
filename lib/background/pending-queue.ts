// The undo window after Send and Confirm receipt (issue 14), as pure functions over the queue of held
// actions; ./pending-actions.ts keeps the queue in the workspace's database and commits what is due.
//
// Why a queue and not an event that takes the action back: the log is append-only and shared. A send
// appended and pushed would reach the receiver (a notification, a badge) before any "unsend" could, and
// an undo event would leave "sent, then unsent" in everyone's history. So nothing is appended while the
// person can still change their mind: the action waits here, already judged by the reducer (a refusal
// shows at the click, not eight seconds later), with the time it is due. It is appended — and only
// then shared — when due, when the person clicks "Send now", or when the service worker wakes and
// finds it overdue (the queue is stored, so a closed panel or a restarted worker loses nothing). Undo
// takes it out of the queue before it was ever appended: nobody else can tell it happened. An event
// that was appended is never taken back.
import type { BatonEvent } from '../model/event';

/** How long Undo is offered after Send and Confirm receipt. */
export const UNDO_WINDOW_MS = 8_000;

export type PendingKind = 'send' | 'confirm';

export interface PendingAction {
  /** The held event's id: the send or the confirmation. */
  id: string;
  kind: PendingKind;
  handoffId: string;
  /** Appended together, in one transaction, when it is committed (a send carries the draft's last edits). */
  events: BatonEvent[];
  /** Appended instead on Undo (or when the commit is refused): the draft's last edits, so nothing typed is lost. */
  keep: BatonEvent[];
  /** When it is committed, in ms since the epoch. */
  dueAt: number;
  /** Whom it goes to: "Sent to <name>". */
  to?: string;
  /** The receiver's note on a held confirmation: Undo gives it back to the note box. */
  comment?: string;
  /**
   * Why the reducer refused it when it came due (the sender cancelled meanwhile, the receiver was
   * removed…): kept, and shown to its author on the handoff, until they dismiss it. Never due again.
   */
  refused?: string;
}

/** What the panel shows of a held action. */
export type PendingSummary = Pick<PendingAction, 'id' | 'kind' | 'handoffId' | 'dueAt' | 'to' | 'comment' | 'refused'>;

export const summarize = ({ id, kind, handoffId, dueAt, to, comment, refused }: PendingAction): PendingSummary => ({
  id,
  kind,
  handoffId,
  dueAt,
  ...(to ? { to } : {}),
  ...(comment ? { comment } : {}),
  ...(refused ? { refused } : {}),
});

/** The held action `action` as refused for `reason`: it stays in the queue, to be shown, never committed. */
export const refusedAs = (action: PendingAction, reason: string): PendingAction => ({ ...action, refused: reason });

const isDue = (a: PendingAction, now: number) => !a.refused && a.dueAt <= now;

/** The queue with `action` held; a second click of the same move on the same handoff replaces the first. */
export function holdIn(queue: readonly PendingAction[], action: PendingAction): PendingAction[] {
  return [...queue.filter((a) => !(a.handoffId === action.handoffId && a.kind === action.kind)), action];
}

/** Splits the queue into what is due at `now` (oldest first) and what still waits. */
export function dueIn(queue: readonly PendingAction[], now: number): { due: PendingAction[]; waiting: PendingAction[] } {
  const due = queue.filter((a) => isDue(a, now)).sort((a, b) => a.dueAt - b.dueAt);
  return { due, waiting: queue.filter((a) => !isDue(a, now)) };
}

/** Takes one action out of the queue (Undo, Send now); `taken` is undefined when it is no longer held. */
export function takeFrom(queue: readonly PendingAction[], id: string): { taken?: PendingAction; rest: PendingAction[] } {
  const taken = queue.find((a) => a.id === id);
  return { ...(taken ? { taken } : {}), rest: queue.filter((a) => a.id !== id) };
}

/** When the next held action is due, or undefined with none held (a refused one is never due). */
export function nextDueAt(queue: readonly PendingAction[]): number | undefined {
  const held = queue.filter((a) => !a.refused);
  return held.length === 0 ? undefined : Math.min(...held.map((a) => a.dueAt));
}
