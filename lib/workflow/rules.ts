import type { HandoffState } from '../model/handoff';
import type { Member } from '../model/member';
import { AWAITING_RECEIVER_STATES, IN_FLIGHT_STATES, OPEN_STATES, type HandoffAction } from './handoff-machine';

export { HANDOFF_ACTIONS, type HandoffAction } from './handoff-machine';

type Party = 'sender' | 'receiver' | 'sender_or_admin';

interface Rule {
  states: readonly HandoffState[];
  who: Party;
  /** "cannot be <verb>" and "only … can <do>". */
  verb: string;
  doing: string;
}

// One accountable owner: the sender edits, sends, answers and cancels; only the receiver confirms or
// asks; an admin (or the sender) can move the handoff to another receiver, restarting confirmation.
export const RULES: Record<HandoffAction, Rule> = {
  update: { states: OPEN_STATES, who: 'sender', verb: 'edited', doing: 'edit it' },
  send: { states: ['draft'], who: 'sender', verb: 'sent', doing: 'send it' },
  raise_gaps: { states: IN_FLIGHT_STATES, who: 'receiver', verb: 'questioned', doing: 'raise gaps' },
  answer_gaps: { states: ['gaps_raised'], who: 'sender', verb: 'answered', doing: 'answer gaps' },
  confirm: { states: AWAITING_RECEIVER_STATES, who: 'receiver', verb: 'confirmed', doing: 'confirm receipt' },
  cancel: { states: OPEN_STATES, who: 'sender', verb: 'cancelled', doing: 'cancel it' },
  reassign: { states: IN_FLIGHT_STATES, who: 'sender_or_admin', verb: 'reassigned', doing: 'reassign it' },
  // Only while gaps are open; the reducer also holds that the gap is open. Any open gap, whoever raised
  // it: after a reassignment the former receiver's questions are the new receiver's to keep or drop.
  withdraw_gap: { states: ['gaps_raised'], who: 'receiver', verb: 'relieved of a gap', doing: 'withdraw a gap' },
  // After the send the sender keeps the handoff true (a new version the receiver sees) and may remind
  // the receiver while it waits on them.
  edit: { states: [...IN_FLIGHT_STATES, 'confirmed'], who: 'sender', verb: 'edited', doing: 'edit it' },
  nudge: { states: AWAITING_RECEIVER_STATES, who: 'sender', verb: 'nudged', doing: 'nudge the receiver' },
};

const STATE_WORDS: Record<HandoffState, string> = {
  draft: 'draft',
  sent: 'sent',
  gaps_raised: 'questioned',
  gaps_answered: 'answered',
  confirmed: 'confirmed',
  cancelled: 'cancelled',
  reassigned: 'reassigned',
};

/** Refused cancel: the handoff was confirmed once (an edit re-opened it), and its client handed over then. */
export const CONFIRMED_ONCE = 'This handoff was confirmed once: its client and open items were handed over then, so it can no longer be cancelled. Edit it, or reassign it.';

/**
 * Why `actor` may not do `action` to a handoff in `state`, or null when they may. `firstConfirmedAt`:
 * set once an edit re-opened a confirmed handoff (it is in flight again, but never cancelled).
 */
export function checkAction(
  handoff: { state: HandoffState; senderId: string; receiverId?: string; firstConfirmedAt?: string },
  action: HandoffAction,
  actor: Member,
): string | null {
  const rule = RULES[action];
  const party =
    rule.who === 'sender'
      ? actor.id === handoff.senderId
      : rule.who === 'receiver'
        ? actor.id === handoff.receiverId
        : actor.id === handoff.senderId || actor.role === 'admin';
  if (!party) {
    const who = rule.who === 'sender' ? 'the sender' : rule.who === 'receiver' ? 'the receiver' : 'the sender or an admin';
    return `Only ${who} can ${rule.doing}.`;
  }
  if (!rule.states.includes(handoff.state)) {
    if (action === 'confirm' && handoff.state === 'gaps_raised') return 'Gaps are open: the sender must answer them before you confirm.';
    if (action === 'withdraw_gap') return 'No gap is open to withdraw.';
    const word = STATE_WORDS[handoff.state];
    return `${/^[aeiou]/.test(word) ? 'An' : 'A'} ${word} handoff cannot be ${rule.verb}.`;
  }
  if (action === 'cancel' && handoff.firstConfirmedAt !== undefined) return CONFIRMED_ONCE;
  return null;
}
