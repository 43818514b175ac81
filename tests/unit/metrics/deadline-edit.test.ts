import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import { collectFacts, computeMetrics, MetricsQuerySchema } from '../../../lib/metrics';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const t = (s: string) => `2026-03-${s}:00.000Z`;

describe('a confirm-by date moved after the send', () => {
  // Sent on the 2nd with 48 h to confirm (due the 4th, 09:00); the sender then gives the receiver
  // until the 6th, 09:00. Confirmed on the 5th: within the agreed date, so not overdue.
  const log = [
    makeEvent('workspace.created', 'jane', 'ws', { workspace: { id: 'ws', name: 'Brightlane' }, admin: { id: 'jane', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' } }, { id: 'w', at: t('01T09:00') }),
    makeEvent('member.added', 'jane', 'tom', { member: { id: 'tom', name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' } }, { id: 'm', at: t('01T09:01') }),
    makeEvent('client.created', 'jane', 'nw', { name: 'Northwind' }, { id: 'c', at: t('01T09:02') }),
    makeEvent('handoff.created', 'jane', 'h', { clientId: 'nw', templateId: 'brief-to-creative', templateVersion: 1, receiverId: 'tom', fields: COMPLETE_BRIEF }, { id: 'h1', at: t('02T08:00') }),
    makeEvent('handoff.sent', 'jane', 'h', {}, { id: 'h2', at: t('02T09:00') }),
    makeEvent('handoff.updated', 'jane', 'h', { dueBy: t('06T09:00') }, { id: 'h3', at: t('03T09:00') }),
  ];
  const query = MetricsQuerySchema.parse({ from: '2026-03-01', to: '2026-03-31' });

  it('is the deadline the metrics hold the receiver to, as the reducer does', () => {
    expect(replay(log).rejected).toEqual([]);
    expect(replay(log).model.handoff('h')?.dueBy).toBe(t('06T09:00'));
    const facts = collectFacts(log);
    expect(facts.handoffs.get('h')?.deadlines).toEqual([{ due: Date.parse(t('06T09:00')) }]);
    // On the 5th it is open and not yet due; on the 7th it is overdue by a day.
    expect(computeMetrics(facts, query, Date.parse(t('05T09:00'))).open[0]).toMatchObject({ dueBy: t('06T09:00'), overdueHours: 0 });
    expect(computeMetrics(facts, query, Date.parse(t('07T09:00'))).open[0]).toMatchObject({ overdueHours: 24 });
    const confirmed = collectFacts([...log, makeEvent('handoff.confirmed', 'tom', 'h', {}, { id: 'h4', at: t('05T09:00') })]);
    expect(computeMetrics(confirmed, query, Date.parse(t('10T09:00'))).current).toMatchObject({ due: 1, overdue: 0 });
  });
});
