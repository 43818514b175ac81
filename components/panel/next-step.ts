import { isOpenGap, type Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import { memberName } from './format';

/** One sentence saying whose move it is, from the reader's side of the handoff. */
export function nextStep(handoff: Handoff, me: Member, members: readonly Member[]): string | null {
  const receiver = memberName(members, handoff.receiverId);
  const sender = memberName(members, handoff.senderId);
  const openGaps = handoff.gaps.filter(isOpenGap).length;
  const mine = me.id === handoff.receiverId;
  switch (handoff.state) {
    case 'sent':
    case 'reassigned':
    case 'gaps_answered':
      return mine ? 'Your move: confirm you have enough to proceed, or name the gaps.' : `Waiting for ${receiver} to confirm receipt.`;
    case 'gaps_raised':
      if (me.id === handoff.senderId) return `${receiver} asked ${openGaps === 1 ? 'one question' : `${openGaps} questions`}: answer them so they can confirm.`;
      return `Waiting for ${sender} to answer ${openGaps === 1 ? 'one gap' : `${openGaps} gaps`}.`;
    case 'confirmed':
      return `${receiver} confirmed receipt. Nothing left to do.`;
    case 'cancelled':
      return 'Cancelled. Kept for the record.';
    case 'draft':
      return `${sender} is still writing this handoff.`;
  }
}
