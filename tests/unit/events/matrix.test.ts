import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../../lib/events/make-event';
import type { HandoffState } from '../../../lib/model/handoff';
import { GAP_A, HANDOFF_ID, PEOPLE, SAM, driveTo, frozen, type Who } from './builders';

// The expected table, written from issue 3 §3 (not computed from lib/workflow/rules.ts):
// - only the sender edits, sends, answers gaps and cancels (cancel only before confirmation);
// - only the receiver confirms or raises gaps;
// - admins (or the sender) reassign, which restarts confirmation for the new receiver;
// - draft → sent → (gaps_raised ⇄ gaps_answered)* → confirmed, plus cancelled and reassigned
//   (reassigned behaves like sent, for the new receiver).

const STATES = ['draft', 'sent', 'gaps_raised', 'gaps_answered', 'confirmed', 'cancelled', 'reassigned'] as const satisfies readonly HandoffState[];
const COMMANDS = [
  'handoff.updated',
  'handoff.sent',
  'handoff.gaps_raised',
  'handoff.gaps_answered',
  'handoff.confirmed',
  'handoff.cancelled',
  'handoff.reassigned',
] as const;
type Command = (typeof COMMANDS)[number];

type Role = 'sender' | 'receiver' | 'admin' | 'other';
const ROLES: readonly Role[] = ['sender', 'receiver', 'admin', 'other'];
/** In every state Jane sent it and Tom is the current receiver (in "reassigned", Sam was the first one). */
const ACTOR: Record<Role, Who> = { sender: 'jane', receiver: 'tom', admin: 'ada', other: 'sam' };

const OPEN: readonly HandoffState[] = ['sent', 'gaps_raised', 'gaps_answered', 'reassigned'];

const WHO_MAY: Record<Command, readonly Role[]> = {
  'handoff.updated': ['sender'],
  'handoff.sent': ['sender'],
  'handoff.gaps_raised': ['receiver'],
  'handoff.gaps_answered': ['sender'],
  'handoff.confirmed': ['receiver'],
  'handoff.cancelled': ['sender'],
  'handoff.reassigned': ['sender', 'admin'],
};

const WHEN: Record<Command, readonly HandoffState[]> = {
  'handoff.updated': ['draft', ...OPEN],
  'handoff.sent': ['draft'],
  'handoff.gaps_raised': OPEN,
  'handoff.gaps_answered': ['gaps_raised'],
  'handoff.confirmed': ['sent', 'gaps_answered', 'reassigned'],
  'handoff.cancelled': ['draft', ...OPEN],
  'handoff.reassigned': OPEN,
};

/** The state an allowed command leaves the handoff in. */
const AFTER: Record<Command, (before: HandoffState) => HandoffState> = {
  'handoff.updated': (s) => s,
  'handoff.sent': () => 'sent',
  'handoff.gaps_raised': () => 'gaps_raised',
  'handoff.gaps_answered': () => 'gaps_answered', // the only open gap is answered
  'handoff.confirmed': () => 'confirmed',
  'handoff.cancelled': () => 'cancelled',
  // Open gaps stay open across a reassignment: the sender answers them before anyone confirms.
  'handoff.reassigned': (state) => (state === 'gaps_raised' ? 'gaps_raised' : 'reassigned'),
};

// The reasons a person sees, checked word for word.
const WRONG_PERSON: Record<Command, string> = {
  'handoff.updated': 'Only the sender can edit it.',
  'handoff.sent': 'Only the sender can send it.',
  'handoff.gaps_raised': 'Only the receiver can raise gaps.',
  'handoff.gaps_answered': 'Only the sender can answer gaps.',
  'handoff.confirmed': 'Only the receiver can confirm receipt.',
  'handoff.cancelled': 'Only the sender can cancel it.',
  'handoff.reassigned': 'Only the sender or an admin can reassign it.',
};
const STATE_WORD: Record<HandoffState, string> = {
  draft: 'A draft',
  sent: 'A sent',
  gaps_raised: 'A questioned',
  gaps_answered: 'An answered',
  confirmed: 'A confirmed',
  cancelled: 'A cancelled',
  reassigned: 'A reassigned',
};
const VERB: Record<Command, string> = {
  'handoff.updated': 'edited',
  'handoff.sent': 'sent',
  'handoff.gaps_raised': 'questioned',
  'handoff.gaps_answered': 'answered',
  'handoff.confirmed': 'confirmed',
  'handoff.cancelled': 'cancelled',
  'handoff.reassigned': 'reassigned',
};

function expectedRefusal(state: HandoffState, command: Command, role: Role): string | null {
  if (!WHO_MAY[command].includes(role)) return WRONG_PERSON[command];
  if (!WHEN[command].includes(state)) {
    if (command === 'handoff.confirmed' && state === 'gaps_raised') return 'Gaps are open: the sender must answer them before you confirm.';
    return `${STATE_WORD[state]} handoff cannot be ${VERB[command]}.`;
  }
  return null;
}

/** Payloads that are valid whenever the command is allowed. */
const PAYLOAD: { [C in Command]: EventInput<C> } = {
  'handoff.updated': { title: 'Acme Outdoor: signed for search + PMax', fields: { notes: 'They left their last agency over reporting.' } },
  'handoff.sent': {},
  'handoff.gaps_raised': { gaps: [{ id: 'gap-new', fieldIds: ['commitments'], question: 'Over which window was ROAS 4.0 measured?' }] },
  'handoff.gaps_answered': { answers: [{ gapId: GAP_A, answer: 'Online sales first; leads are a nice-to-have.' }] },
  'handoff.confirmed': { comment: 'Enough to start.' },
  'handoff.cancelled': { reason: 'The client postponed the start to next quarter.' },
  'handoff.reassigned': { receiverId: SAM.id, reason: 'Tom is on leave from Monday.' },
};

const CASES = STATES.flatMap((state) =>
  COMMANDS.flatMap((command) =>
    ROLES.map((role) => {
      const refusal = expectedRefusal(state, command, role);
      return { state, command, role, who: ACTOR[role], refusal, outcome: refusal === null ? 'allowed' : 'rejected' };
    }),
  ),
);

describe('every state × command × role', () => {
  it('covers 7 states × 7 commands × 4 roles', () => {
    expect(CASES).toHaveLength(196);
    expect(CASES.filter((c) => c.refusal === null)).toHaveLength(
      // update 5 + send 1 + raise 4 + answer 1 + confirm 3 + cancel 5 + reassign 4 × 2 people
      5 + 1 + 4 + 1 + 3 + 5 + 8,
    );
  });

  it.each(CASES)('$state · $command by $role ($who) → $outcome', ({ state, command, who, refusal }) => {
    const s = driveTo(state);
    const before = s.handoff();
    const snapshot = frozen(s.model);

    const decision = s.try(command, who, HANDOFF_ID, PAYLOAD[command] as never);

    if (refusal !== null) {
      expect(decision).toEqual({ ok: false, problem: { code: 'invalid', message: refusal } });
      // The reason names the person who may do it, or the state the handoff is in.
      expect(refusal).toMatch(/sender|receiver|admin|draft|sent|questioned|answered|confirmed|cancelled|reassigned|Gaps are open/);
      expect(frozen(s.model)).toBe(snapshot);
      return;
    }

    expect(decision).toMatchObject({ ok: true, duplicate: false });
    const after = s.handoff();
    expect(after.state).toBe(AFTER[command](state));
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect(after.senderId).toBe(PEOPLE.jane.id);
    switch (command) {
      case 'handoff.updated':
        expect(after.title).toBe(PAYLOAD['handoff.updated'].title);
        expect(after.fields.notes).toBe('They left their last agency over reporting.');
        expect(after.receiverId).toBe(before.receiverId);
        break;
      case 'handoff.sent':
        expect(after.sentAt).toBeDefined();
        expect(after.completenessAtSend).toEqual({ required: 6, satisfied: 6, missing: [] });
        expect(after.override).toBeUndefined();
        expect(after.dueBy).toBeDefined();
        break;
      case 'handoff.gaps_raised':
        expect(after.gaps.at(-1)).toMatchObject({ id: 'gap-new', raisedBy: 'tom', fieldIds: ['commitments'] });
        expect(after.gapRounds).toBe(before.state === 'gaps_raised' ? before.gapRounds : before.gapRounds + 1);
        break;
      case 'handoff.gaps_answered':
        expect(after.gaps.find((g) => g.id === GAP_A)).toMatchObject({ answeredBy: 'jane', answer: expect.any(String) });
        break;
      case 'handoff.confirmed':
        expect(after.confirmedAt).toBeDefined();
        break;
      case 'handoff.cancelled':
        expect(after.cancelledAt).toBeDefined();
        break;
      case 'handoff.reassigned':
        expect(after.receiverId).toBe(SAM.id);
        expect(after.dueBy).not.toBe(before.dueBy);
        break;
    }
  });
});

describe('reassigned behaves like sent, for the new receiver', () => {
  it('the former receiver can neither confirm nor raise gaps; the new one can', () => {
    const s = driveTo('reassigned'); // sent to Sam, reassigned to Tom
    expect(s.handoff().receiverId).toBe('tom');
    expect(s.try('handoff.confirmed', 'sam', HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Only the receiver can confirm receipt.' } });
    expect(s.try('handoff.gaps_raised', 'sam', HANDOFF_ID, PAYLOAD['handoff.gaps_raised'])).toEqual({ ok: false, problem: { code: 'invalid', message: 'Only the receiver can raise gaps.' } });
    expect(s.try('handoff.confirmed', 'tom', HANDOFF_ID, {})).toMatchObject({ ok: true });
  });

  it('a reassignment needs a different receiver who is a member, and never the sender', () => {
    const s = driveTo('sent');
    const snapshot = frozen(s.model);
    expect(s.try('handoff.reassigned', 'ada', HANDOFF_ID, { receiverId: 'tom' })).toEqual({ ok: false, problem: { code: 'invalid', message: 'Tom Receiver already receives this handoff.' } });
    expect(s.try('handoff.reassigned', 'ada', HANDOFF_ID, { receiverId: 'jane' })).toEqual({ ok: false, problem: { code: 'invalid', message: 'Jane Sender sent this handoff and cannot receive it.' } });
    expect(s.try('handoff.reassigned', 'ada', HANDOFF_ID, { receiverId: 'nobody' })).toEqual({ ok: false, problem: { code: 'invalid', message: 'The receiver must be a member of the workspace.' } });
    expect(frozen(s.model)).toBe(snapshot);
  });

  it('after sending, the receiver changes only through a reassignment', () => {
    const s = driveTo('sent');
    expect(s.try('handoff.updated', 'jane', HANDOFF_ID, { receiverId: 'sam' })).toEqual({ ok: false, problem: { code: 'invalid', message: 'This handoff was sent: reassign it to change the receiver.' } });
  });
});
