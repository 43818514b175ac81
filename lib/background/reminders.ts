import { browser } from 'wxt/browser';
import { HandoffSchema, type Handoff } from '../model/handoff';
import type { Member } from '../model/member';
import type { ReminderSettings } from '../messaging/protocol';
import { awaitsReceiver, HOUR_MS } from '../workflow/handoff-machine';
import { handoffNotificationId } from './notification-ids';
import { reminderStateKey } from '../storage/keys';
import { getItem, setItem } from '../storage/store';
import { reminderSettings } from './reminder-settings';
import { runLocalRules } from './local-rules';
import { tell } from './sync-runner';
import { watchedOverdueNotices } from './watcher-notices';
import type { Session, WorkspaceService } from './workspace';

/** What has been said already, per handoff and confirm-by time (a new deadline starts afresh). */
export interface ReminderState {
  /** The last reminder round sent to me (round n is due n × remindEveryHours after the deadline). */
  reminded: Record<string, { dueBy: string; round: number }>;
  /** The deadline the admins were told about. */
  escalated: Record<string, string>;
  /** The deadline a watcher was told had passed, per handoff (lib/background/watcher-notices.ts). */
  watched?: Record<string, string>;
}

export interface ReminderNotice {
  kind: 'remind' | 'escalate';
  handoff: Handoff;
  hoursOverdue: number;
  /** Stable per reminder: a repeat after a stopped worker replaces the notification instead of adding one. */
  notificationId: string;
}

export const EMPTY_REMINDER_STATE: ReminderState = { reminded: {}, escalated: {} };

/**
 * Which reminders are due now, and the state after sending them. Pure: the same inputs give the same
 * answer, so the alarm can run it whenever the worker wakes. My overdue handoffs are reminded as soon
 * as they are overdue and every `remindEveryHours` after; an admin is told once per deadline about
 * anyone else's handoff `escalateAfterHours` past it (their own ones are reminders already).
 */
export function decideReminders(input: { handoffs: readonly Handoff[]; me: Member; now: Date; settings: ReminderSettings; state: ReminderState }): { notices: ReminderNotice[]; state: ReminderState } {
  const { me, now, settings, state } = input;
  const next: ReminderState = { reminded: {}, escalated: {} };
  const notices: ReminderNotice[] = [];
  for (const handoff of input.handoffs) {
    if (!awaitsReceiver(handoff.state) || !handoff.dueBy || !handoff.receiverId) continue;
    const overdueMs = now.getTime() - Date.parse(handoff.dueBy);
    if (!(overdueMs > 0)) continue;
    const hoursOverdue = Math.floor(overdueMs / HOUR_MS);
    const { dueBy, id } = handoff;
    const mine = handoff.receiverId === me.id;

    const reminded = state.reminded[id]?.dueBy === dueBy ? state.reminded[id] : undefined;
    if (reminded) next.reminded[id] = reminded;
    if (mine && settings.remindEveryHours > 0) {
      const round = Math.floor(overdueMs / (settings.remindEveryHours * HOUR_MS));
      if (!reminded || round > reminded.round) {
        notices.push({ kind: 'remind', handoff, hoursOverdue, notificationId: handoffNotificationId(id, `remind-${dueBy}-${round}`) });
        next.reminded[id] = { dueBy, round };
      }
    }

    const escalated = state.escalated[id] === dueBy;
    if (escalated) next.escalated[id] = dueBy;
    if (!mine && me.role === 'admin' && settings.escalateAfterHours > 0 && !escalated && overdueMs >= settings.escalateAfterHours * HOUR_MS) {
      notices.push({ kind: 'escalate', handoff, hoursOverdue, notificationId: handoffNotificationId(id, `escalate-${dueBy}`) });
      next.escalated[id] = dueBy;
    }
  }
  return { notices, state: next };
}

export const REMINDERS_ALARM = 'baton-reminders';
async function readState(workspaceId: string): Promise<ReminderState> {
  return (await getItem(reminderStateKey(workspaceId))) ?? { reminded: {}, escalated: {} };
}

async function awaitingHandoffs(session: Session): Promise<Handoff[]> {
  const index = session.db.transaction('handoffs').store.index('byReceiverState');
  const raw = await index.getAll();
  return raw.flatMap((record) => {
    const parsed = HandoffSchema.safeParse(record);
    return parsed.success && awaitsReceiver(parsed.data.state) ? [parsed.data] : [];
  });
}

async function describe(session: Session, notice: ReminderNotice): Promise<{ title: string; message: string }> {
  const { handoff, hoursOverdue } = notice;
  const [client, sender, receiver] = await Promise.all([session.db.get('clients', handoff.clientId), session.db.get('members', handoff.senderId), session.db.get('members', handoff.receiverId ?? '')]);
  const late = hoursOverdue < 1 ? 'just now' : `${hoursOverdue} h ago`;
  const about = client ? `${handoff.title} (${client.name})` : handoff.title;
  return notice.kind === 'remind'
    ? { title: 'A handoff awaits your confirmation', message: `${sender?.name ?? 'A colleague'} handed you ${about}; it was due ${late}. Confirm receipt or raise gaps.` }
    : { title: 'An overdue handoff needs attention', message: `${receiver?.name ?? 'The receiver'} has not confirmed ${about}, due ${late}.` };
}

/**
 * One round: notifications first, then the state. A worker stopped in between sends the same
 * notification ids again (the browser replaces them), never skips one.
 */
export async function runReminders(session: Session, now = new Date()): Promise<ReminderNotice[]> {
  const state = await readState(session.workspace.id);
  const handoffs = await awaitingHandoffs(session);
  const decided = decideReminders({ handoffs, me: session.me, now, settings: reminderSettings(session), state });
  for (const notice of decided.notices) await tell({ id: notice.notificationId, ...(await describe(session, notice)) });
  // Handoffs I watch that went overdue: told once per deadline (./watcher-notices.ts).
  const watched = await watchedOverdueNotices(session, handoffs, state.watched ?? {}, now);
  for (const notice of watched.notices) await tell(notice);
  await setItem(reminderStateKey(session.workspace.id), { ...decided.state, watched: watched.told });
  return decided.notices;
}

/** Every 15 minutes; created only when missing, so a waking worker does not push it back each time. */
export async function scheduleReminders(workspace: WorkspaceService): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REMINDERS_ALARM) return;
    void workspace
      .session()
      // Working alone, the same alarm fires the workflow rules time brings (lib/background/local-rules.ts).
      .then(async (session) => {
        await runLocalRules(session).catch(() => undefined);
        return runReminders(session);
      })
      // A round that fails (the store not open yet) is tried again at the next alarm; reminders are
      // idempotent by their sent-at marks, so a skipped round loses nothing.
      .catch(() => undefined);
  });
  if (!(await browser.alarms.get(REMINDERS_ALARM))) await browser.alarms.create(REMINDERS_ALARM, { periodInMinutes: 15 });
}
