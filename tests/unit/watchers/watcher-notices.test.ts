// What a watcher hears: the send, the gaps, the confirmation and the deadline passing, once each, never
// about their own moves, and only the moments they left ticked in Settings → You.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handoffOfNotification } from '../../../lib/background/notification-ids';
import { runReminders } from '../../../lib/background/reminders';
import { decideWatchedOverdue, ruleStartedFor, ruleStartedNotice, watchedMoment, watchedNotice } from '../../../lib/background/watcher-notices';
import { DEFAULT_NOTIFY } from '../../../lib/background/watchers';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { ADA, driveTo, HANDOFF_ID, JANE, SAM, TOM } from '../events/builders';
import { handoffFromColleague, newTestBackground } from '../helpers/background';

describe('the moments a watcher hears of', () => {
  it('send, gaps and confirmation, by someone else, to someone who watches as a third party', () => {
    const s = driveTo('draft');
    s.must('handoff.watched', SAM.id, HANDOFF_ID, {});
    const sent = s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    expect(watchedMoment(sent, s.handoff(), SAM.id)).toBe('sent');
    expect(watchedMoment(sent, s.handoff(), ADA.id)).toBeNull();
    // The sender and receiver hear of it as such, not as watchers, even when they watch too.
    s.must('handoff.watched', TOM.id, HANDOFF_ID, {});
    expect(watchedMoment(sent, s.handoff(), TOM.id)).toBeNull();
    const gaps = s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: 'g1', fieldIds: ['primary_goals'], question: 'Which goal first?' }] });
    expect(watchedMoment(gaps, s.handoff(), SAM.id)).toBe('gaps');
    const answered = s.must('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'g1', answer: 'Sales.' }] });
    expect(watchedMoment(answered, s.handoff(), SAM.id)).toBeNull();
    const confirmed = s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(watchedMoment(confirmed, s.handoff(), SAM.id)).toBe('confirmed');
  });

  it('never my own moves: a watcher who confirms on the receiver’s behalf is not told of it', () => {
    const s = driveTo('sent');
    s.must('handoff.watched', ADA.id, HANDOFF_ID, {});
    s.must('handoff.reassigned', ADA.id, HANDOFF_ID, { receiverId: SAM.id, reason: 'Tom is away.' });
    const resent = { ...s.next('handoff.sent', ADA.id, HANDOFF_ID, {}) };
    expect(watchedMoment(resent, s.handoff(), ADA.id)).toBeNull();
  });

  it('says which handoff, for which client, and who', () => {
    expect(watchedNotice('sent', 'Brief → creative for Northwind', 'Ana Lopes').message).toBe('Brief → creative for Northwind was sent to Ana Lopes');
    expect(watchedNotice('gaps', 'Brief → creative for Northwind', 'Ana Lopes').message).toBe('Ana Lopes raised gaps on Brief → creative for Northwind');
    expect(watchedNotice('confirmed', 'Brief → creative for Northwind', 'Ana Lopes').message).toBe('Brief → creative for Northwind was confirmed by Ana Lopes');
    expect(watchedNotice('overdue', 'Brief → creative for Northwind', 'Ana Lopes').message).toBe('Brief → creative for Northwind is overdue: Ana Lopes has not confirmed it');
  });
});

const DUE = '2026-03-02T09:00:00.000Z';
const watched = (more: Partial<Handoff> = {}): Handoff => ({
  id: 'h-1', clientId: 'c-1', templateId: 'brief-to-creative', templateVersion: 1, title: 'Autumn brief', fields: {}, senderId: 'jane', receiverId: 'ana',
  state: 'sent', dueBy: DUE, sources: {}, context: { participants: [] }, gaps: [], gapRounds: 0, createdAt: DUE, updatedAt: DUE, watcherIds: ['me'], ...more,
});
const after = (hours: number) => new Date(Date.parse(DUE) + hours * 3_600_000);

describe('deciding which watched handoffs went overdue', () => {
  it('once per deadline, while it awaits the receiver; a new deadline tells again', () => {
    const before = decideWatchedOverdue({ handoffs: [watched()], meId: 'me', now: after(-1), prefs: DEFAULT_NOTIFY, told: {} });
    expect(before.due).toEqual([]);
    const first = decideWatchedOverdue({ handoffs: [watched()], meId: 'me', now: after(1), prefs: DEFAULT_NOTIFY, told: before.told });
    expect(first.due.map((h) => h.id)).toEqual(['h-1']);
    expect(decideWatchedOverdue({ handoffs: [watched()], meId: 'me', now: after(9), prefs: DEFAULT_NOTIFY, told: first.told }).due).toEqual([]);
    const later = watched({ state: 'reassigned', dueBy: after(20).toISOString() });
    expect(decideWatchedOverdue({ handoffs: [later], meId: 'me', now: after(21), prefs: DEFAULT_NOTIFY, told: first.told }).due).toHaveLength(1);
  });

  it('not for handoffs I do not watch, with gaps raised, confirmed, or when I unticked “overdue”', () => {
    const quiet = (h: Handoff, prefs = DEFAULT_NOTIFY) => decideWatchedOverdue({ handoffs: [h], meId: 'me', now: after(5), prefs, told: {} }).due;
    expect(quiet(watched({ watcherIds: ['sam'] }))).toEqual([]);
    expect(quiet(watched({ state: 'gaps_raised' }))).toEqual([]);
    expect(quiet(watched({ state: 'confirmed' }))).toEqual([]);
    expect(quiet(watched({ receiverId: 'me' }))).toEqual([]);
    expect(quiet(watched(), { ...DEFAULT_NOTIFY, overdue: false })).toEqual([]);
    expect(quiet(watched())).toHaveLength(1);
  });
});

describe('the reminders alarm, for what I watch', () => {
  beforeEach(() => fakeBrowser.reset());

  async function overdueWatched() {
    const bg = newTestBackground();
    const me = await bg.ok<Member>({ type: 'me/get' });
    const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    const { handoff } = await handoffFromColleague(bg, { receiver: ana, clientName: 'Northwind', dueBy: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const result = await appendEvent((await bg.workspace.session()).db, makeEvent('handoff.watched', me.id, handoff.id, {}));
    if (!result.ok) throw new Error(result.problem.message);
    return { bg, handoff };
  }

  it('tells me once that a handoff I watch is overdue; clicking it opens that handoff', async () => {
    const { bg, handoff } = await overdueWatched();
    await runReminders(await bg.workspace.session());
    const shown = await browser.notifications.getAll();
    expect(Object.values(shown)).toEqual([expect.objectContaining({ title: 'A handoff you watch is overdue', message: 'Brief → creative for Northwind is overdue: Ana Lopes has not confirmed it' })]);
    expect(Object.keys(shown).map(handoffOfNotification)).toEqual([handoff.id]);
    await browser.notifications.clear(Object.keys(shown)[0]!);
    const restarted = newTestBackground(bg.dbName);
    await runReminders(await restarted.workspace.session(), new Date(Date.now() + 5 * 3_600_000));
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('says nothing when I unticked “When a handoff I watch is overdue”', async () => {
    const { bg } = await overdueWatched();
    await bg.ok({ type: 'notify/save', prefs: { ...DEFAULT_NOTIFY, overdue: false } });
    await runReminders(await bg.workspace.session());
    expect(await browser.notifications.getAll()).toEqual({});
  });
});

describe('my notification settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are all on until I untick one, and kept with me in storage.local under baton:notify', async () => {
    const bg = newTestBackground();
    const me = await bg.ok<Member>({ type: 'me/get' });
    expect(await bg.ok({ type: 'notify/get' })).toEqual(DEFAULT_NOTIFY);
    await bg.ok({ type: 'notify/save', prefs: { ...DEFAULT_NOTIFY, gaps: false } });
    expect(await bg.ok({ type: 'notify/get' })).toEqual({ ...DEFAULT_NOTIFY, gaps: false });
    expect(await browser.storage.local.get('baton:notify')).toEqual({ 'baton:notify': { [me.id]: { ...DEFAULT_NOTIFY, gaps: false } } });
    expect(await bg.refused({ type: 'notify/save', prefs: { sent: 'yes' } })).toMatchObject({ code: 'bad-request' });
  });
});

describe('a draft a workflow rule started', () => {
  const startedBy = { ruleId: 'r1', ruleName: 'Brief → creative when a task moves to Ready for creative', trigger: { kind: 'asana.section' as const, key: 'asana:1:section:2:t', label: 'Task “Spring” moved to Ready for creative' } };
  const draft = watched({ state: 'draft', senderId: 'tom', receiverId: 'ana', watcherIds: ['jane'], startedBy });
  const created = makeEvent('handoff.created', 'tom', 'h-1', { clientId: 'c-1', templateId: 'brief-to-creative', templateVersion: 1, title: 'Spring', receiverId: 'ana', watcherIds: ['jane'], startedBy });

  it('tells its sender, though the event names them as actor, and its watchers; nobody else, and no draft started by hand', () => {
    expect(ruleStartedFor(created, draft, 'tom')).toBe('sender');
    expect(ruleStartedFor(created, draft, 'jane')).toBe('watcher');
    expect(ruleStartedFor(created, draft, 'ana')).toBeNull();
    expect(ruleStartedFor(created, draft, 'sam')).toBeNull();
    const { startedBy: _none, ...byHand } = draft;
    expect(ruleStartedFor(created, byHand, 'tom')).toBeNull();
    expect(ruleStartedFor(makeEvent('handoff.watched', 'jane', 'h-1', {}), draft, 'jane')).toBeNull();
    // Pulled after Tom already sent it: nothing left to complete.
    expect(ruleStartedFor(created, { ...draft, state: 'sent' }, 'tom')).toBeNull();
    expect(ruleStartedFor(created, { ...draft, state: 'sent' }, 'jane')).toBeNull();
  });

  it('names the rule, the handoff and who is to complete it', () => {
    expect(ruleStartedNotice(startedBy.ruleName, 'Brief → creative for Northwind', 'Tom Reyes')).toEqual({
      title: 'A rule started a handoff',
      message: 'Rule “Brief → creative when a task moves to Ready for creative” started Brief → creative for Northwind: Tom Reyes to complete it',
    });
  });
});
