import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decideReminders, EMPTY_REMINDER_STATE, runReminders, type ReminderState } from '../../../lib/background/reminders';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { handoffFromColleague, newTestBackground } from '../helpers/background';

const HOUR = 3_600_000;
const DUE = '2026-03-02T09:00:00.000Z';
const at = (hoursAfterDue: number) => new Date(Date.parse(DUE) + hoursAfterDue * HOUR);
const ME: Member = { id: 'me', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'member' };
const ADMIN: Member = { ...ME, role: 'admin' };
const SETTINGS = { remindEveryHours: 4, escalateAfterHours: 24 };

function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h-1', clientId: 'c-1', templateId: 'brief-to-creative', templateVersion: 1, title: 'Autumn brief', fields: {}, senderId: 'tom',
    receiverId: 'me', state: 'sent', dueBy: DUE, sources: {}, context: { participants: [] }, gaps: [], gapRounds: 0,
    createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', ...overrides,
  };
}

/** Runs the decision at each hour given, carrying the state along as the alarm does. */
function timeline(hours: number[], options: { handoffs?: Handoff[]; me?: Member; settings?: typeof SETTINGS; state?: ReminderState } = {}) {
  let state = options.state ?? EMPTY_REMINDER_STATE;
  const said: string[] = [];
  for (const hour of hours) {
    const result = decideReminders({ handoffs: options.handoffs ?? [handoff()], me: options.me ?? ME, now: at(hour), settings: options.settings ?? SETTINGS, state });
    state = result.state;
    said.push(...result.notices.map((n) => `${hour}h ${n.kind} ${n.handoff.id}`));
  }
  return { said, state };
}

describe('deciding reminders', () => {
  it('says nothing before the confirm-by time', () => {
    expect(timeline([-5, -0.01, 0]).said).toEqual([]);
  });

  it('reminds the receiver once it is overdue, then every remindEveryHours, never twice in a round', () => {
    expect(timeline([0.25, 0.5, 1, 3.9, 4, 4.25, 7.99, 8, 12.5]).said).toEqual(['0.25h remind h-1', '4h remind h-1', '8h remind h-1', '12.5h remind h-1']);
  });

  it('catches up with one reminder, not a burst, when the worker slept through several rounds', () => {
    expect(timeline([0.25, 13]).said).toEqual(['0.25h remind h-1', '13h remind h-1']);
  });

  it('never reminds when remindEveryHours is 0, nor anyone but the receiver', () => {
    expect(timeline([1, 5, 30], { settings: { remindEveryHours: 0, escalateAfterHours: 0 } }).said).toEqual([]);
    expect(timeline([1, 5, 30], { handoffs: [handoff({ receiverId: 'sam' })] }).said).toEqual([]);
  });

  it('tells an admin once per deadline about someone else’s handoff past escalateAfterHours', () => {
    const others = [handoff({ receiverId: 'sam' })];
    expect(timeline([1, 23.9, 24, 25, 48], { handoffs: others, me: ADMIN }).said).toEqual(['24h escalate h-1']);
    // A new deadline (reassigned) can escalate again.
    const first = timeline([30], { handoffs: others, me: ADMIN });
    const moved = [handoff({ receiverId: 'sam', state: 'reassigned', dueBy: at(40).toISOString() })];
    expect(timeline([70], { handoffs: moved, me: ADMIN, state: first.state }).said).toEqual(['70h escalate h-1']);
  });

  it('does not escalate to a plain member, to an admin about their own handoff, or when turned off', () => {
    expect(timeline([30], { handoffs: [handoff({ receiverId: 'sam' })] }).said).toEqual([]);
    expect(timeline([30], { me: ADMIN }).said).toEqual(['30h remind h-1']);
    expect(timeline([30], { handoffs: [handoff({ receiverId: 'sam' })], me: ADMIN, settings: { remindEveryHours: 4, escalateAfterHours: 0 } }).said).toEqual([]);
  });

  it('forgets handoffs that were confirmed, cancelled or given a new deadline', () => {
    const { state } = timeline([5]);
    expect(state.reminded['h-1']).toEqual({ dueBy: DUE, round: 1 });
    for (const settled of [handoff({ state: 'confirmed' }), handoff({ state: 'cancelled' }), handoff({ state: 'gaps_raised' })]) {
      expect(timeline([9], { handoffs: [settled], state }).state).toEqual(EMPTY_REMINDER_STATE);
    }
    // A later deadline: quiet until it passes, then reminded from round 0 again.
    const later = [handoff({ state: 'reassigned', dueBy: at(20).toISOString() })];
    expect(timeline([9, 20.5], { handoffs: later, state }).said).toEqual(['20.5h remind h-1']);
  });

  it('gives each reminder a stable notification id, so a repeat replaces rather than piles up', () => {
    const once = decideReminders({ handoffs: [handoff()], me: ME, now: at(5), settings: SETTINGS, state: EMPTY_REMINDER_STATE });
    const again = decideReminders({ handoffs: [handoff()], me: ME, now: at(6), settings: SETTINGS, state: EMPTY_REMINDER_STATE });
    expect(once.notices[0]?.notificationId).toBe(again.notices[0]?.notificationId);
    expect(once.notices[0]?.notificationId).toMatch(/^baton-handoff:h-1:/);
  });
});

describe('the reminder alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('notifies me about my overdue handoff once per round, also across worker restarts', async () => {
    const bg = newTestBackground();
    const { handoff: overdue } = await handoffFromColleague(bg, { dueBy: new Date(Date.now() - 2 * HOUR).toISOString() });
    const first = await runReminders(await bg.workspace.session());
    expect(first.map((n) => [n.kind, n.handoff.id])).toEqual([['remind', overdue.id]]);
    const shown = await browser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([first[0]?.notificationId]);
    const restarted = newTestBackground(bg.dbName);
    expect(await runReminders(await restarted.workspace.session())).toEqual([]);
    expect(await runReminders(await restarted.workspace.session(), new Date(Date.now() + 5 * HOUR))).toHaveLength(1);
  });
});
