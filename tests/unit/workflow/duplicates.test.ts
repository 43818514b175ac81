import { describe, expect, it } from 'vitest';
import type { HandoffState } from '../../../lib/model/handoff';
import { openDuplicate } from '../../../lib/workflow/duplicates';
import { isMyMove, sortYourMoveFirst } from '../../../lib/workflow/your-move';

const h = (id: string, state: HandoffState, more: Partial<{ clientId: string; templateId: string; senderId: string; receiverId: string; dueBy: string; updatedAt: string }> = {}) => ({
  id,
  state,
  clientId: 'acme',
  templateId: 'sales-to-am',
  senderId: 'sam',
  receiverId: 'ana',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...more,
});

describe('the duplicate guard', () => {
  it('finds the open handoff of the same template for the same client, draft or in flight', () => {
    expect(openDuplicate([h('a', 'draft')], { clientId: 'acme', templateId: 'sales-to-am' })?.id).toBe('a');
    expect(openDuplicate([h('a', 'gaps_raised')], { clientId: 'acme', templateId: 'sales-to-am' })?.id).toBe('a');
  });

  it('ignores settled handoffs, other clients and other templates', () => {
    const handoffs = [h('a', 'confirmed'), h('b', 'cancelled'), h('c', 'sent', { clientId: 'globex' }), h('d', 'sent', { templateId: 'brief-to-creative' })];
    expect(openDuplicate(handoffs, { clientId: 'acme', templateId: 'sales-to-am' })).toBeUndefined();
  });

  it('answers with the most recently active one when several are open', () => {
    const handoffs = [h('old', 'sent', { updatedAt: '2026-03-01T00:00:00.000Z' }), h('new', 'draft', { updatedAt: '2026-03-05T00:00:00.000Z' }), h('mid', 'sent', { updatedAt: '2026-03-03T00:00:00.000Z' })];
    expect(openDuplicate(handoffs, { clientId: 'acme', templateId: 'sales-to-am' })?.id).toBe('new');
  });
});

describe('your move first', () => {
  it('says whose move it is: the receiver once sent, the sender on a draft or with gaps to answer', () => {
    expect(isMyMove(h('a', 'sent'), 'ana')).toBe(true);
    expect(isMyMove(h('a', 'sent'), 'sam')).toBe(false);
    expect(isMyMove(h('a', 'gaps_answered'), 'ana')).toBe(true);
    expect(isMyMove(h('a', 'draft'), 'sam')).toBe(true);
    expect(isMyMove(h('a', 'gaps_raised'), 'sam')).toBe(true);
    expect(isMyMove(h('a', 'gaps_raised'), 'ana')).toBe(false);
    expect(isMyMove(h('a', 'confirmed'), 'ana')).toBe(false);
  });

  it('puts the overdue one that needs my move first, then my other moves, then the rest by recent activity', () => {
    const now = new Date('2026-03-10T00:00:00.000Z');
    const handoffs = [
      h('others-recent', 'sent', { receiverId: 'bo', updatedAt: '2026-03-09T00:00:00.000Z' }),
      h('mine-recent', 'sent', { updatedAt: '2026-03-08T00:00:00.000Z', dueBy: '2026-03-11T00:00:00.000Z' }),
      h('others-overdue', 'sent', { receiverId: 'bo', updatedAt: '2026-03-02T00:00:00.000Z', dueBy: '2026-03-03T00:00:00.000Z' }),
      h('mine-overdue', 'sent', { updatedAt: '2026-03-01T00:00:00.000Z', dueBy: '2026-03-02T00:00:00.000Z' }),
      h('others-old', 'draft', { senderId: 'bo', updatedAt: '2026-03-01T00:00:00.000Z' }),
    ];
    expect(sortYourMoveFirst(handoffs, 'ana', now).map((x) => x.id)).toEqual(['mine-overdue', 'mine-recent', 'others-overdue', 'others-recent', 'others-old']);
    expect(handoffs[0]!.id).toBe('others-recent');
  });
});
