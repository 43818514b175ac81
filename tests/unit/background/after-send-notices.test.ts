import { describe, expect, it } from 'vitest';
import { afterSendNotice } from '../../../lib/background/after-send-notices';
import { driveTo, HANDOFF_ID, JANE, SAM, TOM } from '../events/builders';

// The receiver hears of the sender's moves after the send: a nudge now, a reassignment to them, an
// edit that needs their confirmation again.

describe('what the receiver is told after the send', () => {
  it('a nudge reminds the receiver now, and no one else', () => {
    const s = driveTo('sent');
    const nudge = s.must('handoff.nudged', JANE.id, HANDOFF_ID, {});
    expect(afterSendNotice(nudge, s.handoff(), TOM.id, 'Jane Sender')).toEqual({ title: 'Jane Sender nudged you', message: `${s.handoff().title}: waiting for you to confirm receipt or raise gaps.` });
    expect(afterSendNotice(nudge, s.handoff(), SAM.id, 'Jane Sender')).toBeNull();
  });

  it('the new receiver of a reassigned handoff is told it is theirs now', () => {
    const s = driveTo('sent');
    const moved = s.must('handoff.reassigned', JANE.id, HANDOFF_ID, { receiverId: SAM.id });
    expect(afterSendNotice(moved, s.handoff(), SAM.id, 'Jane Sender')?.title).toBe('Jane Sender reassigned a handoff to you');
    expect(afterSendNotice(moved, s.handoff(), TOM.id, 'Jane Sender')).toBeNull();
  });

  it('an edit is told only when it asks for confirmation again', () => {
    const s = driveTo('confirmed');
    const optional = s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { budget: '$9,000' } });
    expect(afterSendNotice(optional, s.handoff(), TOM.id, 'Jane Sender')).toBeNull();
    const required = s.must('handoff.edited', JANE.id, HANDOFF_ID, { fields: { timeline: 'June.' }, reconfirm: true });
    expect(afterSendNotice(required, s.handoff(), TOM.id, 'Jane Sender')?.message).toContain('confirm it again');
  });
});
