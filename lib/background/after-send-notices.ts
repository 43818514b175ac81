import type { BatonEvent } from '../model/event';
import type { Handoff } from '../model/handoff';
import { awaitsReceiver } from '../workflow/handoff-machine';

/**
 * What the sender's moves after the send tell the receiver, as a notification: a nudge (a reminder
 * now), a reassignment to them, an edit that asks them to confirm again. Null when the event says
 * nothing to `meId` (not their handoff, or no longer theirs to move).
 */
export function afterSendNotice(event: BatonEvent, handoff: Handoff, meId: string, who: string): { title: string; message: string } | null {
  if (handoff.receiverId !== meId || !awaitsReceiver(handoff.state)) return null;
  switch (event.type) {
    case 'handoff.nudged':
      return { title: `${who} nudged you`, message: `${handoff.title}: waiting for you to confirm receipt or raise gaps.` };
    case 'handoff.reassigned':
      return { title: `${who} reassigned a handoff to you`, message: `${handoff.title}: review it and confirm, or raise gaps.` };
    case 'handoff.edited':
      return event.payload.reconfirm ? { title: `${who} edited a handoff`, message: `${handoff.title}: a required field changed; confirm it again.` } : null;
    default:
      return null;
  }
}
