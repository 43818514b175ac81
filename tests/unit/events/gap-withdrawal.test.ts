import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../lib/metrics/compute';
import { collectFacts, MetricFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema } from '../../../lib/metrics/query';
import { templateReview } from '../../../lib/metrics/review';
import { HandoffSchema } from '../../../lib/model/handoff';
import { nextState } from '../../../lib/workflow/handoff-machine';
import { checkAction } from '../../../lib/workflow/rules';
import { ADA, GAP_A, GAP_B, HANDOFF_ID, JANE, SAM, TOM, driveTo, frozen, workspace } from './builders';

// Issue 14: a receiver takes back a gap they raised that is not answered yet; once none is open the
// handoff is theirs again to confirm. The reducer judges it, the machine moves it, the fold agrees.

const GOAL = 'primary_goals';

function refusal(s: ReturnType<typeof driveTo>, actor: string, gapId: string): string | undefined {
  const before = frozen(s.model);
  const decision = s.try('handoff.gap_withdrawn', actor, HANDOFF_ID, { gapId });
  expect(frozen(s.model)).toBe(before);
  return decision.ok ? undefined : decision.problem.message;
}

describe('withdrawing a gap', () => {
  it('today’s block: with a gap open the receiver cannot confirm; after withdrawing it they can', () => {
    const s = driveTo('gaps_raised');
    expect(s.try('handoff.confirmed', TOM.id, HANDOFF_ID, {})).toMatchObject({ ok: false, problem: { message: 'Gaps are open: the sender must answer them before you confirm.' } });
    const withdrawn = s.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_A, reason: '  Found it in the call notes.  ' });
    const h = s.handoff();
    expect(h.state).toBe('sent');
    expect(h.gaps[0]).toMatchObject({ id: GAP_A, withdrawnAt: withdrawn.at, withdrawnReason: 'Found it in the call notes.' });
    expect(h.gaps[0]!.answer).toBeUndefined();
    expect(HandoffSchema.safeParse(h).success).toBe(true);
    expect(s.model.timeline.find((t) => t.id === withdrawn.id)?.summary).toBe('Tom Receiver withdrew a gap: Which of these goals matters most to the CMO? (Found it in the call notes.)');
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(s.handoff().state).toBe('confirmed');
  });

  it('with another gap still open the handoff stays with the sender; with one answered it returns as “answers received”', () => {
    const s = driveTo('gaps_raised');
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: [GOAL], question: 'And the budget?' }] });
    s.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_A });
    expect(s.handoff().state).toBe('gaps_raised');
    expect(s.try('handoff.confirmed', TOM.id, HANDOFF_ID, {}).ok).toBe(false);

    const answered = driveTo('gaps_answered');
    answered.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: [GOAL], question: 'And the budget?' }] });
    answered.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_B });
    expect(answered.handoff().state).toBe('gaps_answered');
    expect(answered.handoff().gapRounds).toBe(2);
  });

  it('is refused, with the reason, to anyone but the receiver who raised it, and for a gap that is not open', () => {
    expect(refusal(driveTo('gaps_raised'), JANE.id, GAP_A)).toBe('Only the receiver can withdraw a gap.');
    expect(refusal(driveTo('gaps_raised'), ADA.id, GAP_A)).toBe('Only the receiver can withdraw a gap.');
    expect(refusal(driveTo('gaps_raised'), TOM.id, 'gap-nope')).toBe('That gap does not exist.');
    expect(refusal(driveTo('sent'), TOM.id, GAP_A)).toBe('No gap is open to withdraw.');
    expect(refusal(driveTo('gaps_answered'), TOM.id, GAP_A)).toBe('No gap is open to withdraw.');

    const twice = driveTo('gaps_raised');
    twice.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: [GOAL], question: 'And the budget?' }] });
    twice.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_A });
    expect(refusal(twice, TOM.id, GAP_A)).toBe('That gap is already withdrawn.');
    // …and the sender cannot answer it any more.
    expect(twice.try('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: GAP_A, answer: 'Online sales.' }] })).toMatchObject({ ok: false, problem: { message: 'That gap was withdrawn: it needs no answer.' } });

    const partly = driveTo('gaps_answered');
    partly.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: [GOAL], question: 'And the budget?' }] });
    expect(refusal(partly, TOM.id, GAP_A)).toBe('That gap is already answered: it can no longer be withdrawn.');
  });

  it('after a reassignment, the new receiver may withdraw the gap the former one raised (else it could only be answered); the former may not', () => {
    const s = driveTo('gaps_raised');
    s.must('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: SAM.id });
    expect(refusal(s, TOM.id, GAP_A)).toBe('Only the receiver can withdraw a gap.');
    const withdrawn = s.must('handoff.gap_withdrawn', SAM.id, HANDOFF_ID, { gapId: GAP_A, reason: 'Not needed for paid social.' });
    expect(s.handoff().gaps[0]).toMatchObject({ id: GAP_A, raisedBy: TOM.id, withdrawnAt: withdrawn.at, withdrawnBy: SAM.id });
    expect(s.handoff().state).toBe('sent');
    expect(s.model.timeline.find((t) => t.id === withdrawn.id)?.summary).toBe('Sam Other withdrew a gap Tom Receiver raised: Which of these goals matters most to the CMO? (Not needed for paid social.)');
    s.must('handoff.confirmed', SAM.id, HANDOFF_ID, {});
    expect(s.handoff().state).toBe('confirmed');
  });

  it('the machine and the rules say the same', () => {
    expect(nextState('gaps_raised', 'withdraw_gap', true)).toBe('gaps_raised');
    expect(nextState('gaps_raised', 'withdraw_gap', false)).toBe('sent');
    expect(nextState('gaps_raised', 'withdraw_gap', false, { answered: true })).toBe('gaps_answered');
    expect(checkAction({ state: 'gaps_raised', senderId: JANE.id, receiverId: TOM.id }, 'withdraw_gap', TOM)).toBeNull();
    expect(checkAction({ state: 'confirmed', senderId: JANE.id, receiverId: TOM.id }, 'withdraw_gap', TOM)).toBe('No gap is open to withdraw.');
  });

  it('the metrics fold moves the handoff as the reducer does and keeps the withdrawn question, marked', () => {
    const s = driveTo('gaps_raised');
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: [GOAL], question: 'And the budget?' }] });
    const first = s.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_A });
    const open = collectFacts(s.events).handoffs.get(HANDOFF_ID)!;
    expect(open.state).toBe('gaps_raised');
    const second = s.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_B });
    const facts = collectFacts(s.events);
    const fact = facts.handoffs.get(HANDOFF_ID)!;
    expect(fact.state).toBe(s.handoff().state);
    expect(fact.state).toBe('sent');
    expect(fact.gaps.map((g) => [g.id, g.withdrawnAt])).toEqual([
      [GAP_A, Date.parse(first.at)],
      [GAP_B, Date.parse(second.at)],
    ]);
    expect(fact.gapRounds).toBe(1);
    // A saved copy of the fold keeps the mark.
    expect(MetricFacts.fromJSON(JSON.parse(JSON.stringify(facts)))!.handoffs.get(HANDOFF_ID)).toEqual(fact);
  });

  it('the dashboard counts a withdrawn gap among the gaps raised (as the handoff shows it), not against its template field', () => {
    const s = driveTo('gaps_raised');
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: GAP_B, fieldIds: ['timeline'], question: 'When is kick-off?' }] });
    s.must('handoff.gap_withdrawn', TOM.id, HANDOFF_ID, { gapId: GAP_A });
    const days = { from: s.events[0]!.at.slice(0, 10), to: s.events.at(-1)!.at.slice(0, 10), timeZone: 'UTC' };
    const facts = collectFacts(s.events);
    const m = computeMetrics(facts, MetricsQuerySchema.parse(days), Date.parse(s.events.at(-1)!.at));
    expect(s.handoff().gaps).toHaveLength(2);
    expect(m.current.gapsRaised).toBe(2);
    expect(m.gapsByField.map((g) => [g.fieldId, g.gaps])).toEqual([['timeline', 1]]);
    const review = templateReview(facts, 'sales-to-am', MetricsQuerySchema.parse(days));
    expect(review?.gaps).toBe(1);
    expect(review?.fields.find((f) => f.fieldId === GOAL)?.gaps ?? 0).toBe(0);
  });

});

describe('confirming with a note', () => {
  it('the note is in the handoff’s activity, where the sender reads it', () => {
    const s = driveTo('sent', {}, workspace());
    const confirmed = s.must('handoff.confirmed', TOM.id, HANDOFF_ID, { comment: 'Got it — <b>kick-off</b> Monday.' });
    expect(s.model.timeline.find((t) => t.id === confirmed.id)?.summary).toBe('Tom Receiver confirmed receipt of “Sales → account management — Acme Outdoor”: Got it — <b>kick-off</b> Monday.');
  });
});
