import { describe, expect, it } from 'vitest';
import { HANDOFF_STATES, type HandoffState } from '../../../lib/model/handoff';
import { WorkspaceSchema } from '../../../lib/model/member';
import {
  advance,
  awaitsReceiver,
  causeOf,
  confirmByHours,
  deadlineAfter,
  HANDOFF_ACTIONS,
  initialTitle,
  isInFlight,
  isOpen,
  nextState,
  startedDeadline,
} from '../../../lib/workflow/handoff-machine';

// The lifecycle as DOMAIN.md tells it, checked against the machine the reducer and the metrics share.

const statesWhere = (test: (s: HandoffState) => boolean) => HANDOFF_STATES.filter(test);

describe('whose move it is', () => {
  it('the receiver confirms or asks after a send, a reassignment, or answers to every gap', () => {
    expect(statesWhere(awaitsReceiver)).toEqual(['sent', 'gaps_answered', 'reassigned']);
  });

  it('a handoff is in flight from its send until it is confirmed or cancelled, and open from its draft', () => {
    expect(statesWhere(isInFlight)).toEqual(['sent', 'gaps_raised', 'gaps_answered', 'reassigned']);
    expect(statesWhere(isOpen)).toEqual(['draft', 'sent', 'gaps_raised', 'gaps_answered', 'reassigned']);
  });
});

describe('moving a handoff on', () => {
  it('counts a round of gaps each time a handoff not already questioned is questioned', () => {
    const h = { state: 'draft' as HandoffState, gapRounds: 0 };
    advance(h, 'send', false);
    advance(h, 'raise_gaps', true);
    advance(h, 'raise_gaps', true); // more questions in the same round
    expect(h).toEqual({ state: 'gaps_raised', gapRounds: 1 });
    advance(h, 'answer_gaps', true); // one answered, one still open
    expect(h).toEqual({ state: 'gaps_raised', gapRounds: 1 });
    advance(h, 'answer_gaps', false);
    advance(h, 'raise_gaps', true);
    expect(h).toEqual({ state: 'gaps_raised', gapRounds: 2 });
  });

  it('a reassignment with a gap open leaves it with the sender; without, it awaits the new receiver', () => {
    expect(nextState('gaps_raised', 'reassign', true)).toBe('gaps_raised');
    expect(nextState('gaps_answered', 'reassign', false)).toBe('reassigned');
    expect(nextState('sent', 'update', false)).toBe('sent');
  });
});

describe('deadlines', () => {
  const at = Date.parse('2026-03-02T10:00:00.000Z');

  it('a send keeps the confirm-by asked for, else the draft’s, else the template’s hours after it', () => {
    expect(startedDeadline('send', 1, 2, 3)).toBe(1);
    expect(startedDeadline('send', undefined, 2, 3)).toBe(2);
    expect(startedDeadline('send', undefined, undefined, 3)).toBe(3);
    expect(deadlineAfter(at, confirmByHours({ confirmWithinHours: 24 }))).toBe(Date.parse('2026-03-03T10:00:00.000Z'));
  });

  it('a reassignment starts afresh: the draft’s confirm-by no longer counts', () => {
    expect(startedDeadline('reassign', undefined, 2, 3)).toBe(3);
  });

  it('an unknown template gives the receiver 48 hours', () => {
    expect(deadlineAfter(at, confirmByHours(undefined))).toBe(Date.parse('2026-03-04T10:00:00.000Z'));
  });
});

describe('titles and defaults', () => {
  it('names an untitled handoff after its template and client, trims a typed one, and cuts both at 300', () => {
    expect(initialTitle(undefined, 'Sales → AM', 'Acme')).toBe('Sales → AM — Acme');
    expect(initialTitle('   ', 'Sales → AM', 'Acme')).toBe('Sales → AM — Acme');
    expect(initialTitle('  Spring launch  ', 'Sales → AM', 'Acme')).toBe('Spring launch');
    expect(initialTitle(undefined, 'T'.repeat(200), 'C'.repeat(200))).toHaveLength(300);
  });

  it('a workspace without a rate prices an hour at 75 USD', () => {
    expect(WorkspaceSchema.parse({ id: 'ws', name: 'Brightlane', createdAt: '2026-03-01T09:00:00.000Z' })).toMatchObject({ hourlyRate: 75, currency: 'USD' });
  });
});

describe('what each action follows (its cause, never dated after it)', () => {
  const gap = (id: string, raisedAt: string, answeredAt?: string) => ({ id, fieldIds: ['brief'], question: '?', raisedBy: 'tom', raisedAt, ...(answeredAt ? { answer: 'Yes.', answeredBy: 'jane', answeredAt } : {}) });
  const handoff = {
    createdAt: '2026-03-02T09:00:00.000Z',
    sentAt: '2026-03-02T10:00:00.000Z',
    gaps: [gap('g1', '2026-03-02T11:00:00.000Z', '2026-03-02T12:00:00.000Z'), gap('g2', '2026-03-02T13:00:00.000Z')],
  };

  it('follows the start, the send, the gaps answered and the answers, each as the person acting has seen it', () => {
    const causes = HANDOFF_ACTIONS.map((action) => [action, causeOf(handoff, action, ['g2']).what]);
    expect(Object.fromEntries(causes)).toEqual({
      update: 'the handoff was started',
      send: 'the handoff was started',
      raise_gaps: 'the handoff was sent',
      answer_gaps: 'the gap was raised',
      confirm: 'a gap was answered',
      cancel: 'the handoff was started',
      reassign: 'the handoff was sent',
      withdraw_gap: 'the gap was raised',
      edit: 'the handoff was sent',
      nudge: 'the handoff was sent',
    });
    expect(causeOf(handoff, 'answer_gaps', ['g2']).at).toBe('2026-03-02T13:00:00.000Z');
    expect(causeOf(handoff, 'confirm').at).toBe('2026-03-02T12:00:00.000Z');
    expect(causeOf({ createdAt: handoff.createdAt, gaps: [] }, 'confirm')).toEqual({ at: handoff.createdAt, what: 'the handoff was started' });
  });
});
