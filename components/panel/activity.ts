import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import type { TimelineEntry } from '../../lib/model/timeline';
import { memberName } from './format';

export interface ActivityLine {
  id: string;
  at: string;
  text: string;
}

/**
 * What happened, from the handoff's own timestamps: used when the client's recent history (the
 * newest 100 entries) no longer reaches back to this handoff.
 */
export function activityFromHandoff(handoff: Handoff, members: readonly Member[]): ActivityLine[] {
  const name = (id: string | undefined) => memberName(members, id);
  const lines: ActivityLine[] = [];
  if (handoff.sentAt) lines.push({ id: 'sent', at: handoff.sentAt, text: `${name(handoff.senderId)} sent it to ${name(handoff.receiverId)}` });
  for (const gap of handoff.gaps) {
    lines.push({ id: `raised-${gap.id}`, at: gap.raisedAt, text: `${name(gap.raisedBy)} asked: ${gap.question}` });
    if (gap.answeredAt) lines.push({ id: `answered-${gap.id}`, at: gap.answeredAt, text: `${name(gap.answeredBy)} answered: ${gap.answer ?? ''}` });
  }
  if (handoff.confirmedAt) lines.push({ id: 'confirmed', at: handoff.confirmedAt, text: `${name(handoff.receiverId)} confirmed receipt` });
  if (handoff.cancelledAt) lines.push({ id: 'cancelled', at: handoff.cancelledAt, text: `${name(handoff.senderId)} cancelled it` });
  return lines;
}

/** What happened to the handoff, oldest first: when it was started, then each step. */
export function handoffActivity(handoff: Handoff, entries: readonly TimelineEntry[], members: readonly Member[]): ActivityLine[] {
  const own = entries.filter((e) => e.handoffId === handoff.id);
  const logged = own.map((e) => ({ id: e.id, at: e.at, text: e.summary }));
  // The history logs the start itself ("started “…”"); the handoff's own timestamp tells it only when
  // the history no longer reaches back that far, so each start is told once.
  const startLogged = own.some((e) => e.type === 'handoff.created');
  const start = startLogged ? [] : [{ id: 'created', at: handoff.createdAt, text: `${memberName(members, handoff.senderId)} started the draft` }];
  return [...start, ...(logged.length > 0 ? logged : activityFromHandoff(handoff, members))].sort((a, b) => a.at.localeCompare(b.at));
}
