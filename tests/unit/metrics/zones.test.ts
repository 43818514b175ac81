import { describe, expect, it } from 'vitest';
import { replay } from '../../../lib/events/memory-model';
import { computeMetrics } from '../../../lib/metrics/compute';
import { collectFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema, type MetricsQueryInput } from '../../../lib/metrics/query';
import type { BatonEvent } from '../../../lib/model/event';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { LogBuilder, setupEvents } from './story';

// Periods are calendar days where the agency is: the same log read in another zone puts events on
// other days. All times below are UTC; the comments give the local time that decides.

/** A confirmed brief (Jane → Tom): created, sent and confirmed at these UTC instants. */
function brief(b: LogBuilder, id: string, created: string, sent: string, confirmed?: string) {
  b.add('handoff.created', 'jane', id, { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: 'tom', fields: COMPLETE_BRIEF }, created);
  b.add('handoff.sent', 'jane', id, {}, sent);
  if (confirmed) b.add('handoff.confirmed', 'tom', id, {}, confirmed);
}

function world(build: (b: LogBuilder) => void): BatonEvent[] {
  const b = new LogBuilder('z');
  b.add('client.created', 'jane', 'northwind', { name: 'Northwind Outfitters' }, '2026-01-01T09:00:00.000Z');
  build(b);
  const events = [...setupEvents(), ...b.events];
  expect(replay(events).rejected.map((r) => r.reason)).toEqual([]);
  return events;
}

const compute = (events: BatonEvent[], q: MetricsQueryInput, now: string) => computeMetrics(collectFacts(events), MetricsQuerySchema.parse(q), Date.parse(now));

describe('a period in another time zone', () => {
  // 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Berlin (UTC+1).
  const events = world((b) => {
    brief(b, 'b1', '2026-03-01T23:30:00.000Z', '2026-03-01T23:45:00.000Z', '2026-03-02T05:45:00.000Z');
    // 23:30 UTC on Sunday 8 March: still the week in UTC, Monday 9 March in Berlin.
    b.add('failure.logged', 'tom', 'f1', { failure: { id: 'f1', handoffId: 'b1', category: 'other', hours: 2, description: 'Late rework', loggedBy: 'tom', at: '2026-03-08T23:30:00.000Z' } }, '2026-03-08T23:30:00.000Z');
  });
  const week = { from: '2026-03-02', to: '2026-03-08' };
  const now = '2026-03-10T12:00:00.000Z';

  it('moves an event between periods: the week in Berlin starts at 23:00 UTC the evening before', () => {
    const berlin = compute(events, { ...week, timeZone: 'Europe/Berlin' }, now);
    expect(berlin.period).toMatchObject({ start: '2026-03-01T23:00:00.000Z', end: '2026-03-08T23:00:00.000Z', days: 7 });
    // Created and sent at 00:30 and 00:45 on Monday: in the week. The failure on Monday 9 March: after it.
    expect(berlin.current).toMatchObject({ created: 1, sent: 1, confirmed: 1, timeToConfirm: { medianHours: 6, p90Hours: 6 }, failures: 0 });
    expect(berlin.previous).toMatchObject({ created: 0, sent: 0, confirmed: 0 });
    expect(berlin.timeToConfirm.points[0]).toEqual({ start: '2026-03-02', confirmed: 1, medianHours: 6 });

    const utc = compute(events, { ...week, timeZone: 'UTC' }, now);
    expect(utc.period).toMatchObject({ start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' });
    // In UTC the handoff was created and sent on Sunday 1 March (the week before) and confirmed on Monday.
    expect(utc.current).toMatchObject({ created: 0, sent: 0, confirmed: 1, failures: 1, failureHours: 2 });
    expect(utc.previous).toMatchObject({ created: 1, sent: 1, confirmed: 0 });
  });
});

describe('a period across a clock change (Europe/London, clocks forward at 01:00 GMT on Sunday 29 March 2026)', () => {
  const events = world((b) => {
    // d1: created 23:30 GMT Friday 27th (before the period); sent 00:30 GMT Sunday 29th, confirmed
    // 13:00 BST = 12:00 UTC. The wall clock moved 12.5 hours, real time 11.5.
    brief(b, 'd1', '2026-03-27T23:30:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T12:00:00.000Z');
    // d2: created at the first instant of Saturday 28th; sent 21:00 BST Sunday, confirmed 00:30 BST
    // Monday 30th (23:30 UTC Sunday): 3.5 hours.
    brief(b, 'd2', '2026-03-28T00:00:00.000Z', '2026-03-29T20:00:00.000Z', '2026-03-29T23:30:00.000Z');
    // d3: created 19:00 BST Monday 30th, sent 19:30 BST, confirmed 00:30 BST Tuesday 31st: 5 hours.
    brief(b, 'd3', '2026-03-30T18:00:00.000Z', '2026-03-30T18:30:00.000Z', '2026-03-30T23:30:00.000Z');
    // d4: sent 18:30 BST Tuesday 31st, confirmed 00:30 BST Wednesday 1 April: 6 hours.
    brief(b, 'd4', '2026-03-31T17:00:00.000Z', '2026-03-31T17:30:00.000Z', '2026-03-31T23:30:00.000Z');
  });
  const now = '2026-04-10T12:00:00.000Z';

  it('edges the days at local midnights: a 71-hour period of three days, and times in real hours', () => {
    const m = compute(events, { from: '2026-03-28', to: '2026-03-30', timeZone: 'Europe/London' }, now);
    // Saturday 00:00 GMT to Tuesday 00:00 BST (23:00 UTC Monday): 24 + 23 + 24 hours.
    expect(m.period).toEqual({ start: '2026-03-28T00:00:00.000Z', end: '2026-03-30T23:00:00.000Z', days: 3, previousFrom: '2026-03-25', previousTo: '2026-03-27' });
    expect(Date.parse(m.period.end) - Date.parse(m.period.start)).toBe(71 * 3_600_000);
    // Created: d2 (at the very start), d3; d1 on Friday. Sent: d1 d2 d3. Confirmed: d1 (11.5 h), d2 (3.5 h);
    // d3's confirmation is on Tuesday in London. Median (3.5 + 11.5) / 2 = 7.5; p90 3.5 + 0.9 × 8 = 10.7.
    expect(m.current).toMatchObject({ created: 2, sent: 3, confirmed: 2, timeToConfirm: { medianHours: 7.5, p90Hours: 10.7 } });
    expect(m.previous).toMatchObject({ created: 1, sent: 0, confirmed: 0 });
    // d1 due 01:30 BST Monday (00:30 UTC), d2 due 21:00 BST Monday: both in the period, both met.
    // d3 is due on Tuesday.
    expect(m.current).toMatchObject({ due: 2, overdue: 0 });
    // Daily buckets from local midnight: d2's confirmation at 00:30 BST belongs to Monday.
    expect(m.timeToConfirm).toEqual({
      bucket: 'day',
      points: [
        { start: '2026-03-28', confirmed: 0, medianHours: null },
        { start: '2026-03-29', confirmed: 1, medianHours: 11.5 },
        { start: '2026-03-30', confirmed: 1, medianHours: 3.5 },
      ],
    });
  });

  it('reads the same log differently in UTC', () => {
    const m = compute(events, { from: '2026-03-28', to: '2026-03-30', timeZone: 'UTC' }, now);
    expect(m.period).toMatchObject({ start: '2026-03-28T00:00:00.000Z', end: '2026-03-31T00:00:00.000Z' });
    // d3 confirmed 23:30 UTC Monday: in. Waits 11.5, 3.5, 5 → median 5.
    expect(m.current).toMatchObject({ created: 2, sent: 3, confirmed: 3, timeToConfirm: { medianHours: 5 } });
    expect(m.timeToConfirm.points).toEqual([
      { start: '2026-03-28', confirmed: 0, medianHours: null },
      { start: '2026-03-29', confirmed: 2, medianHours: 7.5 },
      { start: '2026-03-30', confirmed: 1, medianHours: 5 },
    ]);
  });

  it('starts weekly buckets at local midnight on Mondays', () => {
    // 42 days: weekly buckets, Mondays.
    const london = compute(events, { from: '2026-03-02', to: '2026-04-12', timeZone: 'Europe/London' }, now);
    expect(london.timeToConfirm.bucket).toBe('week');
    // The week of 30 March starts at 00:00 BST = 23:00 UTC on Sunday: d2 (confirmed 23:30 UTC Sunday)
    // is in it, with d3 and d4: 3.5, 5, 6 → 5. The week of 23 March keeps d1 alone.
    expect(london.timeToConfirm.points).toEqual([
      { start: '2026-03-02', confirmed: 0, medianHours: null },
      { start: '2026-03-09', confirmed: 0, medianHours: null },
      { start: '2026-03-16', confirmed: 0, medianHours: null },
      { start: '2026-03-23', confirmed: 1, medianHours: 11.5 },
      { start: '2026-03-30', confirmed: 3, medianHours: 5 },
      { start: '2026-04-06', confirmed: 0, medianHours: null },
    ]);
    const utc = compute(events, { from: '2026-03-02', to: '2026-04-12', timeZone: 'UTC' }, now);
    // In UTC d2 is confirmed on Sunday: 11.5 and 3.5 → 7.5 in the week of 23 March; d3 d4 → 5.5.
    expect(utc.timeToConfirm.points.slice(3, 5)).toEqual([
      { start: '2026-03-23', confirmed: 2, medianHours: 7.5 },
      { start: '2026-03-30', confirmed: 2, medianHours: 5.5 },
    ]);
    // A period that starts mid-week: the first bucket is that week's Monday.
    const midweek = compute(events, { from: '2026-03-04', to: '2026-04-14', timeZone: 'Europe/London' }, now);
    expect(midweek.timeToConfirm.points.map((p) => p.start)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13']);
  });

  it('starts monthly buckets at local midnight on the first', () => {
    // 351 days: monthly buckets. d4's confirmation (00:30 BST on 1 April) is April's in London.
    const london = compute(events, { from: '2026-01-15', to: '2026-12-31', timeZone: 'Europe/London' }, now);
    expect(london.timeToConfirm.bucket).toBe('month');
    expect(london.timeToConfirm.points.map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']);
    expect(london.timeToConfirm.points.slice(2, 4)).toEqual([
      { start: '2026-03-01', confirmed: 3, medianHours: 5 }, // 11.5, 3.5, 5
      { start: '2026-04-01', confirmed: 1, medianHours: 6 },
    ]);
    const utc = compute(events, { from: '2026-01-15', to: '2026-12-31', timeZone: 'UTC' }, now);
    expect(utc.timeToConfirm.points.slice(2, 4)).toEqual([
      { start: '2026-03-01', confirmed: 4, medianHours: 5.5 }, // 3.5 5 6 11.5
      { start: '2026-04-01', confirmed: 0, medianHours: null },
    ]);
  });
});

describe('a 25-hour day (Europe/London, clocks back at 02:00 BST on Sunday 25 October 2026)', () => {
  const events = world((b) => {
    // Sent 01:30 BST (00:30 UTC), confirmed 23:30 GMT: 22 hours on the wall clock, 23 real hours.
    brief(b, 'o1', '2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T23:30:00.000Z');
    // Created 00:30 BST on Sunday = 23:30 UTC on Saturday.
    b.add('handoff.created', 'jane', 'o2', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1 }, '2026-10-24T23:30:00.000Z');
  });

  it('counts the whole day, from 00:00 BST to 00:00 GMT', () => {
    const m = compute(events, { from: '2026-10-25', to: '2026-10-25', timeZone: 'Europe/London' }, '2026-11-01T00:00:00.000Z');
    expect(m.period).toMatchObject({ start: '2026-10-24T23:00:00.000Z', end: '2026-10-26T00:00:00.000Z', days: 1 });
    expect(m.current).toMatchObject({ created: 2, sent: 1, confirmed: 1, timeToConfirm: { medianHours: 23, p90Hours: 23 } });
    expect(m.timeToConfirm.points).toEqual([{ start: '2026-10-25', confirmed: 1, medianHours: 23 }]);
    // In UTC o2 was created on Saturday.
    expect(compute(events, { from: '2026-10-25', to: '2026-10-25', timeZone: 'UTC' }, '2026-11-01T00:00:00.000Z').current).toMatchObject({ created: 1, confirmed: 1 });
  });
});

describe('Sydney, where the clocks go back on Sunday 5 April 2026 at 03:00 AEDT', () => {
  it('puts 00:30 AEDT on the Sunday, not the Saturday', () => {
    // 13:30 UTC on 4 April is 00:30 AEDT (+11) on Sunday 5 April.
    const events = world((b) => b.add('handoff.created', 'jane', 's1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1 }, '2026-04-04T13:30:00.000Z'));
    const sunday = compute(events, { from: '2026-04-05', to: '2026-04-05', timeZone: 'Australia/Sydney' }, '2026-04-10T00:00:00.000Z');
    expect(sunday.period).toMatchObject({ start: '2026-04-04T13:00:00.000Z', end: '2026-04-05T14:00:00.000Z' });
    expect(sunday.current.created).toBe(1);
    expect(sunday.previous.created).toBe(0);
  });
});
