import type { Handoff } from '../../lib/model/handoff';

/** A member's name by id, "someone" when unknown. */
export type NameOf = (id: string | undefined) => string;

/** The line under a handoff sent to me: who it is from, and where it stands when "sent" is not the whole story. */
export function fromParty(h: Handoff, name: NameOf): string {
  const from = `from ${name(h.senderId)}`;
  if (h.state === 'gaps_answered') return `${from} · Answers received`;
  if (h.state === 'reassigned') return `${from} · Reassigned to you`;
  return from;
}

/** The line under a handoff I sent: whom it waits on, and where it stands. */
export function toParty(h: Handoff, name: NameOf): string {
  const receiver = name(h.receiverId);
  if (h.state === 'gaps_answered') return `to ${receiver} · Answers sent`;
  // A reassigned handoff waits on its new receiver: saying so names them once.
  if (h.state === 'reassigned') return `Reassigned to ${receiver}`;
  return `to ${receiver}`;
}

/** The line under a draft a rule started for me: it awaits me, and what fired the rule. */
export function startedByRuleParty(h: Handoff): string {
  const label = h.startedBy?.trigger.label;
  return `awaiting you: a rule started this handoff${label ? ` · ${label}` : ''}`;
}
