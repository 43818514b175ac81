// What the people watching a handoff hear: its send, its gaps, its confirmation and its deadline
// passing, each once, never about their own moves, and only the moments they left ticked.
import type { BatonDatabase } from '../db/open';
import type { BatonEvent } from '../model/event';
import type { Handoff } from '../model/handoff';
import { BUILT_IN_TEMPLATES, findTemplate } from '../templates';
import { awaitsReceiver } from '../workflow/handoff-machine';
import { handoffNotificationId } from './notification-ids';
import { readNotifyPrefs, type NotifyMoment, type NotifyPrefs } from './watchers';
import type { Session } from './workspace';

/** Whether `meId` watches `handoff` as a third party (its sender and receiver hear of it as such). */
export function watchesAsOther(handoff: Handoff, meId: string): boolean {
  return Boolean(handoff.watcherIds?.includes(meId)) && handoff.senderId !== meId && handoff.receiverId !== meId;
}

/** The moment a pulled event is for a watcher of its handoff; null for my own moves and other events. */
export function watchedMoment(event: BatonEvent, handoff: Handoff, meId: string): Exclude<NotifyMoment, 'overdue'> | null {
  if (event.actor === meId || !watchesAsOther(handoff, meId)) return null;
  switch (event.type) {
    case 'handoff.sent':
      return 'sent';
    case 'handoff.gaps_raised':
      return 'gaps';
    case 'handoff.confirmed':
      return 'confirmed';
    default:
      return null;
  }
}

/** The words: `what` is "Brief → creative for Northwind", `receiver` the receiver's name. */
export function watchedNotice(moment: NotifyMoment, what: string, receiver: string): { title: string; message: string } {
  switch (moment) {
    case 'sent':
      return { title: 'A handoff you watch was sent', message: `${what} was sent to ${receiver}` };
    case 'gaps':
      return { title: 'A handoff you watch has gaps', message: `${receiver} raised gaps on ${what}` };
    case 'confirmed':
      return { title: 'A handoff you watch was confirmed', message: `${what} was confirmed by ${receiver}` };
    case 'overdue':
      return { title: 'A handoff you watch is overdue', message: `${what} is overdue: ${receiver} has not confirmed it` };
  }
}

/**
 * Which watched handoffs went past their confirm-by while in flight and were not said so yet, and what
 * is said after (handoff id → the deadline told). Pure, as decideReminders; a new deadline tells again.
 */
export function decideWatchedOverdue(input: { handoffs: readonly Handoff[]; meId: string; now: Date; prefs: NotifyPrefs; told: Record<string, string> }): { due: Handoff[]; told: Record<string, string> } {
  const told: Record<string, string> = {};
  const due: Handoff[] = [];
  for (const handoff of input.handoffs) {
    if (!handoff.dueBy || !awaitsReceiver(handoff.state) || !watchesAsOther(handoff, input.meId)) continue;
    if (input.told[handoff.id] === handoff.dueBy) told[handoff.id] = handoff.dueBy;
    else if (input.prefs.overdue && Date.parse(handoff.dueBy) < input.now.getTime()) {
      due.push(handoff);
      told[handoff.id] = handoff.dueBy;
    }
  }
  return { due, told };
}

/** "Brief → creative for Northwind", and the receiver's name, from the local store. */
async function names(db: BatonDatabase, handoff: Handoff): Promise<{ what: string; receiver: string }> {
  const [client, receiver, custom] = await Promise.all([
    db.get('clients', handoff.clientId),
    db.get('members', handoff.receiverId ?? ''),
    db.get('templates', [handoff.templateId, handoff.templateVersion]),
  ]);
  const template = findTemplate(BUILT_IN_TEMPLATES, handoff.templateId, handoff.templateVersion) ?? custom;
  return { what: `${template?.name ?? handoff.title} for ${client?.name ?? 'a client'}`, receiver: receiver?.name ?? 'the receiver' };
}

/** What a pulled event tells me as a watcher, if my settings let it; null otherwise. */
export async function watcherNoticeFor(session: Session, event: BatonEvent, handoff: Handoff): Promise<{ title: string; message: string } | null> {
  const moment = watchedMoment(event, handoff, session.me.id);
  if (!moment || !(await readNotifyPrefs(session.me.id))[moment]) return null;
  const { what, receiver } = await names(session.db, handoff);
  return watchedNotice(moment, what, receiver);
}

/** The overdue notices of the reminders alarm's round for what I watch; the deadlines told after it. */
export async function watchedOverdueNotices(session: Session, handoffs: readonly Handoff[], told: Record<string, string>, now: Date) {
  const decided = decideWatchedOverdue({ handoffs, meId: session.me.id, now, prefs: await readNotifyPrefs(session.me.id), told });
  const notices = await Promise.all(
    decided.due.map(async (handoff) => {
      const { what, receiver } = await names(session.db, handoff);
      return { id: handoffNotificationId(handoff.id, `watch-overdue-${handoff.dueBy}`), ...watchedNotice('overdue', what, receiver) };
    }),
  );
  return { notices, told: decided.told };
}

/**
 * A draft a workflow rule started: its sender (who must complete it) and its watchers hear of it. The
 * event's actor is the sender (the hub appends it on their behalf), so the "never my own moves" rule
 * does not apply to it; a watcher hears of it when they left "is sent" ticked (the start is its prelude).
 * Only while it is still a draft.
 */
export function ruleStartedFor(event: BatonEvent, handoff: Handoff, meId: string): 'sender' | 'watcher' | null {
  // Pulled late (the draft already sent or cancelled): nothing is left to complete, so nothing is said.
  if (event.type !== 'handoff.created' || !handoff.startedBy || handoff.state !== 'draft') return null;
  if (handoff.senderId === meId) return 'sender';
  return watchesAsOther(handoff, meId) ? 'watcher' : null;
}

/** "Rule “…” started Brief → creative for Northwind: Tom Reyes to complete it". */
export function ruleStartedNotice(ruleName: string, what: string, sender: string): { title: string; message: string } {
  return { title: 'A rule started a handoff', message: `Rule “${ruleName}” started ${what}: ${sender} to complete it` };
}

/** What a rule-started draft tells me (its sender or a watcher, as my settings let it); null otherwise. */
export async function ruleStartedNoticeFor(session: Session, event: BatonEvent, handoff: Handoff): Promise<{ title: string; message: string } | null> {
  const who = ruleStartedFor(event, handoff, session.me.id);
  if (!who || !handoff.startedBy) return null;
  if (who === 'watcher' && !(await readNotifyPrefs(session.me.id)).sent) return null;
  const { what } = await names(session.db, handoff);
  const sender = (await session.db.get('members', handoff.senderId))?.name ?? 'the sender';
  return ruleStartedNotice(handoff.startedBy.ruleName, what, sender);
}
