import { describe, expect, it } from 'vitest';
import { driveTo, HANDOFF_ID, JANE, TOM } from '../events/builders';

// Review 2, item 11: a confirmation held 8 s for undo says which version its receiver read (the
// last edit they saw, or none); a required-field edit that arrived meanwhile makes the reducer refuse
// it, so nobody confirms a version they never saw. Old confirmations, without it, are judged as before.

const refusal = (decision: { ok: boolean; problem?: { message: string } }) => (decision.ok ? null : decision.problem?.message);
const READ_THE_CHANGES = 'The sender changed a required field since you read this handoff: read the changes, then confirm again.';

describe('a confirmation names the version its receiver read', () => {
  it('refused when a required field changed after the version read; accepted for the version read', () => {
    const s = driveTo('sent');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'Kick-off moved to May.' }, reconfirm: true });
    expect(refusal(s.try('handoff.confirmed', TOM.id, HANDOFF_ID, { seenEditAt: null }))).toBe(READ_THE_CHANGES);
    expect(s.handoff().state).toBe('sent');
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, { seenEditAt: s.handoff().lastEdit!.at });
    expect(s.handoff().state).toBe('confirmed');
  });

  it('a re-opened handoff edited again while the confirmation was held: refused for the older version', () => {
    const s = driveTo('confirmed');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'May.' }, reconfirm: true });
    const read = s.handoff().lastEdit!.at;
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'June.' }, reconfirm: true });
    expect(refusal(s.try('handoff.confirmed', TOM.id, HANDOFF_ID, { seenEditAt: read }))).toBe(READ_THE_CHANGES);
  });

  it('an optional field changed meanwhile, or a confirmation that names no version (an older event), is accepted', () => {
    const s = driveTo('sent');
    s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$12,000 a month' } });
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, { seenEditAt: null });
    expect(s.handoff().state).toBe('confirmed');
    const old = driveTo('sent');
    old.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'May.' }, reconfirm: true });
    old.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(old.handoff().state).toBe('confirmed');
  });
});
