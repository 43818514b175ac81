import type { Gap, HandoffState } from '../model/handoff';
import { DEFAULT_CONFIRM_BY_HOURS } from './defaults';

/**
 * The handoff lifecycle, once. The reducer (which judges events and writes the views) and the metrics
 * fold (which reads the stored log defensively) both move a handoff on with these functions, so they
 * cannot tell two stories of the same log; the UI, the popup and the reminders ask it which handoffs
 * are whose move. Everything here is pure, allocation-free per event, and never throws.
 *
 *   draft                             ─send→     sent
 *   sent, gaps_answered, reassigned   ─raise→    gaps_raised (a new round of gaps)
 *   gaps_raised                       ─raise→    gaps_raised (more gaps, the same round)
 *   gaps_raised                       ─answer→   gaps_answered once no gap is open, else gaps_raised
 *   sent, gaps_answered, reassigned   ─confirm→  confirmed
 *   any state in flight               ─reassign→ reassigned, or gaps_raised while a gap is open
 *   draft or in flight                ─cancel→   cancelled (never once confirmed: rules.ts)
 *   gaps_raised                       ─withdraw→ gaps_raised while another gap is open, else back with
 *                                                the receiver: gaps_answered if a gap was answered, else sent
 *   in flight or confirmed            ─edit→     the same state (the sender's new version of a sent handoff)
 *   confirmed                         ─edit→     sent, when the edit changes a required field: the
 *                                                receiver confirms again, by a new confirm-by
 *   sent, gaps_answered, reassigned   ─nudge→    the same state (the receiver is reminded now)
 * Who may do which (and the refusals' words) is rules.ts; what an edit changed, edits.ts; how often a
 * nudge may follow another, nudge.ts.
 */

/** What people do to a handoff. Each is one event type. */
export const HANDOFF_ACTIONS = ['update', 'send', 'raise_gaps', 'answer_gaps', 'confirm', 'cancel', 'reassign', 'withdraw_gap', 'edit', 'nudge'] as const;
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];

const ACTION_OF_EVENT = new Map<string, HandoffAction>([
  ['handoff.updated', 'update'],
  ['handoff.sent', 'send'],
  ['handoff.gaps_raised', 'raise_gaps'],
  ['handoff.gaps_answered', 'answer_gaps'],
  ['handoff.confirmed', 'confirm'],
  ['handoff.cancelled', 'cancel'],
  ['handoff.reassigned', 'reassign'],
  ['handoff.gap_withdrawn', 'withdraw_gap'],
  ['handoff.edited', 'edit'],
  ['handoff.nudged', 'nudge'],
]);

/** What else decides where an action takes a handoff (see nextState). */
export interface StepDetail {
  answered?: boolean;
  reconfirm?: boolean;
}

/** The action an event type records ("handoff.sent" → send); undefined for anything else. */
export function actionOf(eventType: string): HandoffAction | undefined {
  return ACTION_OF_EVENT.get(eventType);
}

/** Sent and not settled: the handoff waits on its receiver, or on its sender to answer gaps. */
export const IN_FLIGHT_STATES: readonly HandoffState[] = ['sent', 'gaps_raised', 'gaps_answered', 'reassigned'];
/** Not settled yet: drafts and handoffs in flight (what a client's "Open handoffs" lists). */
export const OPEN_STATES: readonly HandoffState[] = ['draft', ...IN_FLIGHT_STATES];
/** The receiver's move: confirm receipt or raise gaps. */
export const AWAITING_RECEIVER_STATES: readonly HandoffState[] = ['sent', 'gaps_answered', 'reassigned'];

export const isOpen = (state: HandoffState): boolean => OPEN_STATES.includes(state);
export const isInFlight = (state: HandoffState): boolean => IN_FLIGHT_STATES.includes(state);
export const awaitsReceiver = (state: HandoffState): boolean => AWAITING_RECEIVER_STATES.includes(state);

/**
 * Where a handoff in `state` goes when `action` is accepted. `gapsOpen`: whether a gap is still
 * unanswered after it — an answer that leaves one open, or a reassignment with one open, keeps the
 * handoff with its sender ("gaps_raised"): the new receiver can confirm only once all are answered.
 * `detail.answered`: whether any of its gaps has an answer — withdrawing the last open gap gives the
 * handoff back to its receiver as "gaps_answered" when some were answered, else as "sent" (nothing came
 * back). `detail.reconfirm`: an edit changed a required field, so a confirmed handoff awaits its
 * receiver again.
 */
export function nextState(state: HandoffState, action: HandoffAction, gapsOpen: boolean, detail: StepDetail = {}): HandoffState {
  switch (action) {
    case 'update':
      return state;
    case 'send':
      return 'sent';
    case 'raise_gaps':
      return 'gaps_raised';
    case 'answer_gaps':
      return gapsOpen ? 'gaps_raised' : 'gaps_answered';
    case 'confirm':
      return 'confirmed';
    case 'cancel':
      return 'cancelled';
    case 'reassign':
      return gapsOpen ? 'gaps_raised' : 'reassigned';
    case 'withdraw_gap':
      return gapsOpen ? 'gaps_raised' : detail.answered ? 'gaps_answered' : 'sent';
    case 'edit':
      return detail.reconfirm && state === 'confirmed' ? 'sent' : state;
    case 'nudge':
      return state;
  }
}

/** Rounds of gaps after `action`: raising gaps on a handoff not already questioned starts a round. */
export function gapRoundsAfter(state: HandoffState, action: HandoffAction, rounds: number): number {
  return action === 'raise_gaps' && state !== 'gaps_raised' ? rounds + 1 : rounds;
}

/** Moves a handoff, or a fact about one, on by an accepted action: its state and its gap rounds. */
export function advance(handoff: { state: HandoffState; gapRounds: number }, action: HandoffAction, gapsOpen: boolean, detail: StepDetail = {}): void {
  handoff.gapRounds = gapRoundsAfter(handoff.state, action, handoff.gapRounds);
  handoff.state = nextState(handoff.state, action, gapsOpen, detail);
}

// Causes. An action follows a moment of the handoff's life; it is never dated before that moment
// (beyond the clocks' tolerance, lib/events/clock.ts). Each cause is one whoever acts must have seen
// (the action is not theirs to take before it), never a change a colleague may make at the same
// time: a person whose clock is behind is never refused for what they did not know.

/** The moment an action follows, and what happened then (in words that end "before …"). */
export interface Cause {
  at: string;
  what: string;
}

/**
 * What `action` follows on this handoff: confirming and raising gaps follow the send (and a
 * confirmation every answer), answering and withdrawing follow the gaps they close (`answering`: their
 * ids), reassigning, editing a sent handoff and nudging follow the send; updating a draft, sending and
 * cancelling the handoff's start.
 */
export function causeOf(handoff: { createdAt: string; sentAt?: string; gaps: readonly Gap[] }, action: HandoffAction, answering: readonly string[] = []): Cause {
  const causes: Cause[] = [{ at: handoff.createdAt, what: 'the handoff was started' }];
  if (handoff.sentAt && (action === 'raise_gaps' || action === 'confirm' || action === 'reassign' || action === 'edit' || action === 'nudge')) causes.push({ at: handoff.sentAt, what: 'the handoff was sent' });
  for (const gap of handoff.gaps) {
    if ((action === 'answer_gaps' || action === 'withdraw_gap') && answering.includes(gap.id)) causes.push({ at: gap.raisedAt, what: 'the gap was raised' });
    if (action === 'confirm' && gap.answeredAt) causes.push({ at: gap.answeredAt, what: 'a gap was answered' });
  }
  return causes.reduce((latest, cause) => (Date.parse(cause.at) > Date.parse(latest.at) ? cause : latest));
}

// Deadlines. A send starts the first confirm-by; a reassignment ends it and starts another for the
// new receiver; a confirmation or a cancellation ends the one that applies.

export const HOUR_MS = 3_600_000;

/** The action starts a new confirm-by (so does an edit that asks a confirmed handoff's receiver to confirm again). */
export const startsDeadline = (action: HandoffAction): boolean => action === 'send' || action === 'reassign';
/** The action ends the confirm-by that applied. */
export const endsDeadline = (action: HandoffAction): boolean => action === 'confirm' || action === 'cancel' || action === 'reassign';

/** Hours the receiver has to confirm: the template's, or the default when the template is unknown. */
export function confirmByHours(template: { confirmWithinHours: number } | undefined): number {
  return template?.confirmWithinHours ?? DEFAULT_CONFIRM_BY_HOURS;
}

/** The confirm-by `hours` after `fromMs` (ms since the epoch). */
export function deadlineAfter(fromMs: number, hours: number): number {
  return fromMs + hours * HOUR_MS;
}

/**
 * The confirm-by a send or a reassignment starts: the one asked for with it; at a send, else the one
 * set on the draft; else `computed` (the template's hours after it, `deadlineAfter`). Generic so the
 * reducer keeps the timestamps as written and the fold its milliseconds.
 */
export function startedDeadline<T>(action: 'send' | 'reassign', asked: T | undefined, drafted: T | undefined, computed: T): T {
  return asked ?? (action === 'send' ? drafted : undefined) ?? computed;
}

// Titles.

/** Handoff titles are cut here (the schema's limit). */
export const MAX_TITLE = 300;

/** What a handoff is called when its sender does not name it. */
export function defaultTitle(templateName: string, clientName: string): string {
  return `${templateName} — ${clientName}`;
}

/** A new handoff's title: the one typed, trimmed, else the default; cut to MAX_TITLE. */
export function initialTitle(typed: string | undefined, templateName: string, clientName: string): string {
  return (typed?.trim() || defaultTitle(templateName, clientName)).slice(0, MAX_TITLE);
}

/** The title after an edit: the one typed, trimmed, when it says anything; else the current one. */
export function editedTitle(current: string, typed: string | undefined): string {
  return typed?.trim() || current;
}

// Sending.

/** Shortest reason, in characters, that lets an incomplete handoff go out. */
export const MIN_OVERRIDE_REASON = 10;
/** Refused send: nobody receives it yet (the reducer and the form say the same). */
export const CHOOSE_RECEIVER = 'Choose who receives this handoff.';
