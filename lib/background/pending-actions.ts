// The held sends and confirmations (./pending-queue.ts explains why they wait), kept in the workspace's
// database so a closed panel or a restarted service worker loses nothing, and committed when due: by a
// timer while the worker runs, by an alarm that wakes it, and on every start. Every change to the queue
// runs one after the other, so an Undo and a commit of the same action can never both happen: Undo
// answers "too late" once the action was appended.
import { browser } from 'wxt/browser';
import { appendEvents } from '../db/event-store';
import { rulesAfterConfirm } from './local-rules';
import { publishChange } from '../db/change-feed';
import { getMeta, putMeta } from '../db/meta';
import { CommandError } from './command-error';
import { dueIn, holdIn, nextDueAt, refusedAs, takeFrom, type PendingAction } from './pending-queue';
import type { Session, WorkspaceService } from './workspace';

const KEY = 'pending-actions';
export const PENDING_ALARM = 'baton-pending';

let queueTurn: Promise<unknown> = Promise.resolve();
/** Runs `change` after every change already asked for: the queue is read and written by one at a time. */
function inTurn<T>(change: () => Promise<T>): Promise<T> {
  const next = queueTurn.then(change, change);
  queueTurn = next.catch(() => undefined);
  return next;
}

/** What follows a commit: a round of sync (the receiver learns now) and the in-page prompts. Set at start. */
let afterCommit: () => void = () => undefined;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const readPending = async (session: Session): Promise<PendingAction[]> => (await getMeta(session.db, KEY)) ?? [];

async function save(session: Session, queue: PendingAction[]): Promise<void> {
  await putMeta(session.db, KEY, queue);
  // Pages showing "Sent to … · Undo" reload it; nothing else listens to this store.
  publishChange({ eventId: 'pending', type: 'pending', stores: ['pending'] });
}

/** Wakes the worker when the next action is due: a timer while it runs, an alarm if it is stopped first. */
function schedule(session: Session, queue: readonly PendingAction[], now = Date.now()): void {
  const due = nextDueAt(queue);
  const timer = timers.get(session.workspace.id);
  if (timer) clearTimeout(timer);
  if (due === undefined) return;
  timers.set(session.workspace.id, setTimeout(() => void commitDue(session), Math.max(0, due - now) + 20));
  // Chrome delays alarms under 30 s to 30 s: a backstop, never the normal path.
  void Promise.resolve(browser.alarms?.create(PENDING_ALARM, { when: due })).catch(() => undefined);
}

/** Holds an action (already judged) for its undo window. */
export function holdAction(session: Session, action: PendingAction): Promise<void> {
  return inTurn(async () => {
    const queue = holdIn(await readPending(session), action);
    await save(session, queue);
    schedule(session, queue);
  });
}

/**
 * Appends a held action's events; when they are refused now, its `keep` events (the draft's edits)
 * instead. Answers why it was refused (and whether the edits were kept too), or null once committed.
 */
async function commit(session: Session, action: PendingAction): Promise<string | null> {
  const result = await appendEvents(session.db, action.events);
  if (result.ok && action.kind === 'confirm') await rulesAfterConfirm(session, action.handoffId).catch(() => undefined);
  if (result.ok) return null;
  const kept = action.keep.length > 0 ? await appendEvents(session.db, action.keep) : { ok: true as const };
  return kept.ok ? result.problem.message : `${result.problem.message} Your last edits could not be saved either: ${kept.problem.message}`;
}

/** Undo: the action is dropped before it was ever appended (its draft edits kept); false when it is too late. */
export function undoAction(session: Session, id: string): Promise<boolean> {
  return inTurn(async () => {
    const { taken, rest } = takeFrom(await readPending(session), id);
    // A refused one was never appended, and its edits were kept (or said lost) already: nothing to undo.
    if (!taken || taken.refused) return false;
    if (taken.keep.length > 0) {
      const kept = await appendEvents(session.db, taken.keep);
      if (!kept.ok) throw new CommandError(kept.problem.message, kept.problem.code);
    }
    await save(session, rest);
    schedule(session, rest);
    return true;
  });
}

/** "Send now" / "Confirm now": commits one held action at once; false when it was no longer held. */
export function commitNow(session: Session, id: string): Promise<boolean> {
  return inTurn(async () => {
    const { taken, rest } = takeFrom(await readPending(session), id);
    if (!taken || taken.refused) return false;
    const refused = await commit(session, taken);
    const queue = refused ? [...rest, refusedAs(taken, refused)] : rest;
    await save(session, queue);
    schedule(session, queue);
    afterCommit();
    if (refused) throw new CommandError(refused);
    return true;
  });
}

/** The author has read why their held action was refused: it leaves the queue. False when it was not refused. */
export function dismissRefused(session: Session, id: string): Promise<boolean> {
  return inTurn(async () => {
    const { taken, rest } = takeFrom(await readPending(session), id);
    if (!taken?.refused) return false;
    await save(session, rest);
    return true;
  });
}

/**
 * Commits every held action that is due. Appending is idempotent by event id, and the queue is saved
 * after: a worker stopped in between commits the same events again on wake, as duplicates that change
 * nothing. A commit the reducer now refuses (the sender cancelled the handoff meanwhile) stays in the
 * queue with its reason, for the handoff's view to show its author: they saw "Sent", so they are told.
 */
export function commitDue(session: Session, now = Date.now()): Promise<number> {
  return inTurn(async () => {
    const { due, waiting } = dueIn(await readPending(session), now);
    const refused: PendingAction[] = [];
    for (const action of due) {
      const reason = await commit(session, action);
      if (reason) refused.push(refusedAs(action, reason));
    }
    if (due.length > 0) await save(session, [...waiting, ...refused]);
    schedule(session, waiting, now);
    if (due.length > 0) afterCommit();
    return due.length;
  });
}

/** At every start of the worker: what fell due while it was stopped is committed, the rest scheduled. */
export function watchPendingActions(workspace: WorkspaceService, onCommit: () => void): void {
  afterCommit = onCommit;
  const run = () => void workspace.session().then((session) => commitDue(session), () => undefined);
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PENDING_ALARM) run();
  });
  run();
}
