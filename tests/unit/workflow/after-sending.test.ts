import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { computeMetrics } from '../../../lib/metrics/compute';
import { collectFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema } from '../../../lib/metrics/query';
import { checkAction } from '../../../lib/workflow/rules';
import { nextState } from '../../../lib/workflow/handoff-machine';
import { describeEdit } from '../../../lib/workflow/edits';
import { formatWait } from '../../../lib/workflow/nudge';
import { ADA, driveTo, HANDOFF_ID, JANE, SAM, template, TOM, workspace } from '../events/builders';

// After sending, the sender keeps control: edit (re-confirmation only for required fields), reassign
// (sender or admin) and nudge (at most every four hours). The reducer judges; the fold agrees.

const refusal = (decision: { ok: boolean; problem?: { message: string } }) => (decision.ok ? null : decision.problem?.message);

describe('editing a sent handoff', () => {
  it('a required field changed on a confirmed handoff sends it back to the receiver, with a new confirm-by', () => {
    const s = driveTo('confirmed');
    const confirmedDue = s.handoff().dueBy;
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'Kick-off moved to May.' }, reconfirm: true });
    const h = s.handoff();
    expect(h.state).toBe('sent');
    expect(h.confirmedAt).toBeUndefined();
    expect(h.dueBy).not.toBe(confirmedDue);
    expect(h.lastEdit).toMatchObject({ by: JANE.id, fieldIds: ['timeline'], title: false, dueBy: false });
    expect(s.model.timeline.at(-1)?.summary).toBe(`Jane Sender edited “${h.title}”: changed Timeline expectations; Jane Sender asked for confirmation again`);
    // Tom confirms again; the next edit starts a new list of changes.
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(s.handoff().state).toBe('confirmed');
  });

  it('an optional field changed keeps a confirmed handoff confirmed', () => {
    const s = driveTo('confirmed');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$12,000 a month' } });
    expect(s.handoff()).toMatchObject({ state: 'confirmed', lastEdit: { fieldIds: ['budget'] } });
  });

  it('refuses an edit whose reconfirm flag does not match what it changes, and an edit that changes nothing', () => {
    const s = driveTo('confirmed');
    expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'Later.' } }))).toBe('This edit changes a required field: the receiver must confirm it again.');
    expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$1' }, reconfirm: true }))).toBe('Only a change to a required field asks the receiver to confirm again.');
    const same = s.handoff().fields.timeline;
    expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: same } }))).toBe('Nothing changed: change a field before saving.');
  });

  it('moves the confirm-by of a confirmed handoff only with a new confirmation asked for', () => {
    const s = driveTo('confirmed');
    const due = '2025-04-20T17:00:00.000Z';
    expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { dueBy: due, fields: { budget: '$3,000' } }))).toBe('This handoff is confirmed: it has no confirm-by to move unless a required field changes.');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { dueBy: due, fields: { timeline: 'April.' }, reconfirm: true });
    expect(s.handoff()).toMatchObject({ state: 'sent', dueBy: due, lastEdit: { fieldIds: ['timeline'], dueBy: true } });
  });

  it('is the sender’s alone, and never on a cancelled handoff or a draft', () => {
    expect(refusal(driveTo('sent').try('handoff.edited', TOM.id, HANDOFF_ID, { fields: { budget: 'x' } }))).toBe('Only the sender can edit it.');
    expect(refusal(driveTo('sent').try('handoff.edited', ADA.id, HANDOFF_ID, { fields: { budget: 'x' } }))).toBe('Only the sender can edit it.');
    expect(refusal(driveTo('cancelled').try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: 'x' } }))).toBe('A cancelled handoff cannot be edited.');
  });

  it('keeps every change since the receiver last confirmed', () => {
    const s = driveTo('sent');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$5,000' } });
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { title: 'Acme: spring launch', fields: { timeline: 'May.' }, reconfirm: true });
    expect(s.handoff()).toMatchObject({ state: 'sent', title: 'Acme: spring launch', lastEdit: { fieldIds: ['timeline', 'budget'], title: true } });
  });

  it('reads an emptied value and a value written in another key order as they are', () => {
    const t = template('sales-to-am');
    expect(describeEdit(t, { title: 'T', fields: {} }, { fields: { budget: '' } }).fieldIds).toEqual([]);
    const people = [{ name: 'Maria', role: 'CMO', email: 'm@acme.test' }];
    const reordered = [{ email: 'm@acme.test', role: 'CMO', name: 'Maria' }];
    expect(describeEdit(t, { title: 'T', fields: { stakeholders: people } }, { fields: { stakeholders: reordered } })).toMatchObject({ fieldIds: [], reconfirm: false });
  });

  it('the metrics fold follows it: back in flight with a new deadline, the first confirmation kept', () => {
    const s = driveTo('confirmed');
    const firstConfirmed = Date.parse(s.handoff().confirmedAt!);
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'May.' }, reconfirm: true });
    const reopened = collectFacts(s.events).handoffs.get(HANDOFF_ID)!;
    expect(reopened.state).toBe('sent');
    expect(reopened.deadlines).toHaveLength(2);
    expect(reopened.deadlines.at(-1)).toEqual({ due: Date.parse(s.handoff().dueBy!) });
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    const fact = collectFacts(s.events).handoffs.get(HANDOFF_ID)!;
    expect(fact).toMatchObject({ state: 'confirmed', confirmedAt: firstConfirmed });
    expect(fact.deadlines.at(-1)?.endedAt).toBe(Date.parse(s.handoff().confirmedAt!));
  });

  it('a handoff once confirmed cannot be cancelled, even re-opened by an edit: its client and open items were handed over at the first confirmation', () => {
    const s = driveTo('confirmed', {}, workspace());
    const firstConfirmedAt = s.handoff().confirmedAt;
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'Kick-off moved to May.' }, reconfirm: true });
    expect(s.handoff()).toMatchObject({ state: 'sent', firstConfirmedAt });
    const why = 'This handoff was confirmed once: its client and open items were handed over then, so it can no longer be cancelled. Edit it, or reassign it.';
    expect(refusal(s.try('handoff.cancelled', JANE.id, HANDOFF_ID, { reason: 'Changed my mind.' }))).toBe(why);
    expect(checkAction(s.handoff(), 'cancel', JANE)).toBe(why);
    // Confirmed again, then re-opened again: the first confirmation stays the one kept.
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'June.' }, reconfirm: true });
    expect(s.handoff().firstConfirmedAt).toBe(firstConfirmedAt);
    expect(refusal(s.try('handoff.cancelled', JANE.id, HANDOFF_ID, {}))).toBe(why);
    // A handoff never confirmed is still the sender's to cancel.
    expect(refusal(driveTo('sent').try('handoff.cancelled', JANE.id, HANDOFF_ID, {}))).toBeNull();
  });

  it('the metrics fold reads a cancel after a confirmation as the reducer does: refused, never counted both confirmed and cancelled', () => {
    const s = driveTo('confirmed');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'May.' }, reconfirm: true });
    const last = Date.parse(s.events.at(-1)!.at);
    // What a log could hold from before the rule: a cancel of the re-opened handoff.
    const cancel = makeEvent('handoff.cancelled', JANE.id, HANDOFF_ID, {}, { id: 'ev-old-cancel', at: new Date(last + 60_000) });
    const facts = collectFacts([...s.events, cancel]);
    expect(facts.handoffs.get(HANDOFF_ID)).toMatchObject({ state: 'sent', cancelledAt: undefined });
    expect(facts.skipped).toBe(1);
  });

  it('refuses emptying a required field that was filled, saying which; an optional one may be emptied', () => {
    for (const state of ['sent', 'confirmed'] as const) {
      const s = driveTo(state);
      const before = s.handoff();
      const why = (label: string) => `“${label}” is required: an edit cannot empty it. Write what it should say now instead.`;
      expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: '   ' }, reconfirm: true }))).toBe(why('Timeline expectations'));
      expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { primary_goals: [''], timeline: 'May.' }, reconfirm: true }))).toBe(why('Primary goals'));
      expect(refusal(s.try('handoff.edited', JANE.id, HANDOFF_ID, { fields: { stakeholders: [] }, reconfirm: true }))).toBe(why('Stakeholder contacts'));
      expect(s.handoff()).toEqual(before);
      s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$4,000' } });
      s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '' } });
      expect(s.handoff().fields.budget).toBe('');
    }
  });

  it('the dashboard: a re-opened handoff counts as confirmed once (its first confirmation) and is listed as open marked “confirm again”, never as never-confirmed', () => {
    const s = driveTo('confirmed');
    const days = () => MetricsQuerySchema.parse({ from: s.events[0]!.at.slice(0, 10), to: s.events.at(-1)!.at.slice(0, 10), timeZone: 'UTC' });
    const now = () => Date.parse(s.events.at(-1)!.at);
    const before = computeMetrics(collectFacts(s.events), days(), now());
    expect(before.current.confirmed).toBe(1);
    expect(before.open).toEqual([]);
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'May.' }, reconfirm: true });
    const reopened = computeMetrics(collectFacts(s.events), days(), now());
    expect(reopened.current.confirmed).toBe(1);
    expect(reopened.open.map((r) => [r.id, r.state, r.reconfirm])).toEqual([[HANDOFF_ID, 'sent', true]]);
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    const again = computeMetrics(collectFacts(s.events), days(), now());
    expect(again.current.confirmed).toBe(1);
    expect(again.open).toEqual([]);
    // A handoff never confirmed is open without the mark.
    const sent = driveTo('sent');
    expect(computeMetrics(collectFacts(sent.events), MetricsQuerySchema.parse({ from: sent.events[0]!.at.slice(0, 10), to: sent.events.at(-1)!.at.slice(0, 10), timeZone: 'UTC' }), Date.parse(sent.events.at(-1)!.at)).open.map((r) => r.reconfirm)).toEqual([false]);
  });

  it('the machine: only a required change reopens, and only a confirmed handoff', () => {
    expect(nextState('confirmed', 'edit', false, { reconfirm: true })).toBe('sent');
    expect(nextState('confirmed', 'edit', false, { reconfirm: false })).toBe('confirmed');
    expect(nextState('gaps_raised', 'edit', true, { reconfirm: true })).toBe('gaps_raised');
    expect(nextState('reassigned', 'nudge', false)).toBe('reassigned');
  });
});

describe('reassigning', () => {
  it('the sender or an admin moves it to another member; the new receiver is told who moved it and why', () => {
    const s = driveTo('sent');
    s.must('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: SAM.id, reason: 'Tom is on leave.' });
    expect(s.handoff()).toMatchObject({ state: 'reassigned', receiverId: SAM.id, reassignment: { by: JANE.id, fromId: TOM.id, reason: 'Tom is on leave.' } });
    s.must('handoff.reassigned', ADA.id, HANDOFF_ID, { receiverId: TOM.id });
    expect(s.handoff().reassignment).toMatchObject({ by: ADA.id, fromId: SAM.id });
  });

  it('refuses anyone else, the current receiver, and the sender as receiver, with reasons', () => {
    const s = driveTo('sent');
    expect(refusal(s.try('handoff.reassigned', TOM.id, HANDOFF_ID, { receiverId: SAM.id }))).toBe('Only the sender or an admin can reassign it.');
    expect(refusal(s.try('handoff.reassigned', SAM.id, HANDOFF_ID, { receiverId: SAM.id }))).toBe('Only the sender or an admin can reassign it.');
    expect(refusal(s.try('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: TOM.id }))).toBe('Tom Receiver already receives this handoff.');
    expect(refusal(s.try('handoff.reassigned', ADA.id, HANDOFF_ID, { receiverId: JANE.id }))).toBe('Jane Sender sent this handoff and cannot receive it.');
    expect(refusal(s.try('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: JANE.id }))).toBe('You cannot hand off to yourself.');
    expect(refusal(driveTo('confirmed').try('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: SAM.id }))).toBe('A confirmed handoff cannot be reassigned.');
  });
});

describe('nudging', () => {
  it('the sender nudges a handoff awaiting its receiver at most once every four hours, told when the next is allowed', () => {
    const s = driveTo('sent');
    s.must('handoff.nudged', JANE.id, HANDOFF_ID, {});
    expect(s.handoff().lastNudgedAt).toBe(s.events.at(-1)?.at);
    expect(s.model.timeline.at(-1)?.summary).toBe(`Jane Sender nudged Tom Receiver about “${s.handoff().title}”`);
    // The scenario's next event is one minute later.
    expect(refusal(s.try('handoff.nudged', JANE.id, HANDOFF_ID, {}))).toBe('Tom Receiver was nudged less than 4 hours ago: you can nudge again in 3 h 59 min.');
  });

  it('allows the next nudge four hours later, judged on the events’ times', () => {
    const s = workspace();
    driveTo('sent', {}, s);
    s.must('handoff.nudged', JANE.id, HANDOFF_ID, {});
    const later = s.next('handoff.nudged', JANE.id, HANDOFF_ID, {});
    const fourHoursOn = { ...later, at: new Date(Date.parse(s.handoff().lastNudgedAt!) + 4 * 3_600_000).toISOString() };
    expect(s.model.apply(fourHoursOn).ok).toBe(true);
  });

  it('is the sender’s, and only while the receiver is to move', () => {
    expect(refusal(driveTo('sent').try('handoff.nudged', TOM.id, HANDOFF_ID, {}))).toBe('Only the sender can nudge the receiver.');
    expect(refusal(driveTo('gaps_raised').try('handoff.nudged', JANE.id, HANDOFF_ID, {}))).toBe('A questioned handoff cannot be nudged.');
    expect(refusal(driveTo('confirmed').try('handoff.nudged', JANE.id, HANDOFF_ID, {}))).toBe('A confirmed handoff cannot be nudged.');
    expect(checkAction(driveTo('reassigned').handoff(), 'nudge', JANE)).toBeNull();
  });

  it('says a wait in hours and minutes', () => {
    expect(formatWait(3 * 3_600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatWait(4 * 3_600_000)).toBe('4 h');
    expect(formatWait(10_000)).toBe('1 min');
  });
});
