import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import { computeMetrics, DAYS_PER_MONTH, type Metrics, type PeriodTotals } from '../../../lib/metrics/compute';
import { collectFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema, type MetricsQueryInput } from '../../../lib/metrics/query';
import type { BatonEvent } from '../../../lib/model/event';
import { fullStory, NOW, t } from './story';

// Every expectation below is worked out by hand from the table in story.ts; the comments say how.
// Hours are real elapsed hours; "due" means the confirm-by date; the week is Mon 2 – Sun 8 March
// 2026 in UTC and the previous period Mon 23 Feb – Sun 1 March.

const WEEK = { from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' } as const;
const metrics = (events: BatonEvent[], q: MetricsQueryInput = WEEK, now = NOW): Metrics => computeMetrics(collectFacts(events), MetricsQuerySchema.parse(q), now);

const log = fullStory();
let week: Metrics;
beforeAll(() => {
  week = metrics(log);
});

const EMPTY_TOTALS: PeriodTotals = {
  created: 0,
  sent: 0,
  confirmed: 0,
  cancelled: 0,
  reassigned: 0,
  completenessAtSend: null,
  sentComplete: 0,
  overrides: 0,
  timeToConfirm: { medianHours: null, p90Hours: null },
  firstPassRate: null,
  firstPass: 0,
  gapsPerHandoff: null,
  reworkRounds: null,
  gapsRaised: 0,
  due: 0,
  overdue: 0,
  overdueRate: null,
  failures: 0,
  failureHours: 0,
  failureCost: 0,
};

describe('the story log', () => {
  it('is a valid log: the reducer accepts every event', () => {
    const { rejected, model } = replay(log);
    expect(rejected.map((r) => `${r.event.id} ${r.event.type}: ${r.reason}`)).toEqual([]);
    expect(model.handoffs.size).toBe(12);
    const facts = collectFacts(log);
    expect(facts.skipped).toBe(0);
    expect(facts.events).toBe(log.length);
  });
});

describe('computeMetrics on the story, the week of 2 March in UTC', () => {
  it('states the period, the previous one and the workspace’s rate', () => {
    expect(week.query).toEqual({ from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' });
    // Seven days; the previous period is the seven days before.
    expect(week.period).toEqual({ start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', days: 7, previousFrom: '2026-02-23', previousTo: '2026-03-01' });
    // No workspace.updated: the schema's default rate.
    expect(week.currency).toBe('USD');
    expect(week.hourlyRate).toBe(75);
  });

  it('counts what happened in the week', () => {
    const c = week.current;
    // Created: h1 h2 h3 h4 h5 h6 h7 h10 h11 h12 (h8 on 26 Feb and h9 on 28 Feb are earlier).
    expect(c.created).toBe(10);
    // Sent: h1 h2 h3 h4 h5 h6 h10 h11 h12 (h9 went on 1 March, h7 never).
    expect(c.sent).toBe(9);
    // Confirmed: h9 (sent last week) h1 h2 h3 h11 h4 h12.
    expect(c.confirmed).toBe(7);
    expect(c.cancelled).toBe(1); // h5
    expect(c.reassigned).toBe(1); // h4
  });

  it('measures completeness at send as the mean share of required fields, with the overrides', () => {
    // Shares of the nine sent: h2 7/9 (tone of voice and brand guidelines missing), h11 1/2 (access
    // missing), the seven others 1. Mean = (7 + 7/9 + 1/2) / 9 = 149/162 = 0.91975… → 0.9198.
    expect(week.current.completenessAtSend).toBe(0.9198);
    expect(149 / 162).toBeCloseTo(0.9198, 4);
    expect(week.current.sentComplete).toBe(7);
    expect(week.current.overrides).toBe(2);
    // Newest send first; the missing fields by label, from the version the handoff was made on
    // (h11 is on onboarding v1, where "access" is labelled "Access granted").
    expect(week.overrides).toEqual([
      { handoffId: 'h11', title: 'Onboarding — Kestrel Bikes', clientName: 'Kestrel Bikes', senderName: 'Jane Doe', sentAt: t('03-03 11:00'), reason: 'Access requests are still pending with IT.', missing: ['Access granted'] },
      { handoffId: 'h2', title: 'Brief → creative — Northwind Outfitters', clientName: 'Northwind Outfitters', senderName: 'Jane Doe', sentAt: t('03-02 12:00'), reason: 'The client has not shared its tone of voice yet.', missing: ['Approved tone of voice', 'Brand guidelines'] },
    ]);
  });

  it('takes time to confirm from the send, median and p90 interpolated between closest ranks', () => {
    // Hours: h9 24 (03-01 10:00 → 03-02 10:00), h1 6, h2 48, h3 48, h11 58 (03-03 11:00 → 03-05 21:00),
    // h4 46 (sent to Tom 03-04 10:00, confirmed by Ada 03-06 08:00: from the first send), h12 24.
    // Sorted 6 24 24 46 48 48 58: median rank 3 → 46; p90 rank 0.9 × 6 = 5.4 → 48 + 0.4 × (58 − 48) = 52.
    expect(week.current.timeToConfirm).toEqual({ medianHours: 46, p90Hours: 52 });
  });

  it('counts first-pass confirmations, gaps per handoff and rework rounds over the confirmed ones', () => {
    // Of the seven confirmed, h9 h1 h4 had no gap: 3/7 = 0.42857 → 0.4286.
    expect(week.current.firstPass).toBe(3);
    expect(week.current.firstPassRate).toBe(0.4286);
    // Gaps: h2 2, h3 3, h11 1, h12 2, others 0 → 8/7 = 1.142857 → 1.1429.
    expect(week.current.gapsPerHandoff).toBe(1.1429);
    // Rounds: h2 1, h3 2, h11 1, h12 1 → 5/7 = 0.714285 → 0.7143.
    expect(week.current.reworkRounds).toBe(0.7143);
    // Raised in the week on any handoff: those 8, and g6 on h10, still open.
    expect(week.current.gapsRaised).toBe(9);
    expect(week.firstPassByTemplate).toEqual([
      // Most confirmed first, then by name; a template's name is its newest version's.
      { templateId: 'brief-to-creative', name: 'Brief → creative', confirmed: 3, firstPass: 2, rate: 0.6667 }, // h1 h2 h4: 2 / 3, rounded to 4 places like every rate
      { templateId: 'onboarding', name: 'Client onboarding', confirmed: 2, firstPass: 0, rate: 0 }, // h11 h12
      { templateId: 'sales-to-am', name: 'Sales → account management', confirmed: 2, firstPass: 1, rate: 0.5 }, // h9 h3
    ]);
  });

  it('lists the fields gaps were raised about, most first, then by template name and label', () => {
    // Each gap counts once for every field it names: onboarding kickoff g7 g8 g9 = 3 (label of v2,
    // the newest version asked about); brief tone_of_voice g1 g2 = 2; sales commitments g3 g4 = 2;
    // brief brand_guidelines g2, brief deadline g6, onboarding access g9, sales stakeholders g5 = 1.
    expect(week.gapsByField).toEqual([
      { templateId: 'onboarding', templateName: 'Client onboarding', fieldId: 'kickoff', label: 'Kickoff call', gaps: 3 },
      { templateId: 'brief-to-creative', templateName: 'Brief → creative', fieldId: 'tone_of_voice', label: 'Approved tone of voice', gaps: 2 },
      { templateId: 'sales-to-am', templateName: 'Sales → account management', fieldId: 'commitments', label: 'Commitments made', gaps: 2 },
      { templateId: 'brief-to-creative', templateName: 'Brief → creative', fieldId: 'brand_guidelines', label: 'Brand guidelines', gaps: 1 },
      { templateId: 'brief-to-creative', templateName: 'Brief → creative', fieldId: 'deadline', label: 'Deadline', gaps: 1 },
      { templateId: 'onboarding', templateName: 'Client onboarding', fieldId: 'access', label: 'Platform access', gaps: 1 },
      { templateId: 'sales-to-am', templateName: 'Sales → account management', fieldId: 'stakeholders', label: 'Stakeholder contacts', gaps: 1 },
    ]);
  });

  it('counts confirm-by dates that passed in the week, and the missed ones, once per handoff', () => {
    // Due in the week and before now: h9 03-03 10:00 (met 03-02), h1 03-03 10:00 (met 03-02 16:00),
    // h2 03-03 12:00 (missed: confirmed 03-04 12:00), h3 03-05 09:00 (met: confirmed at that very
    // minute), h4 03-05 10:00 (missed: reassigned 03-05 12:00) and its new one 03-06 12:00 (met
    // 03-06 08:00) — one handoff, counted once, overdue —, h12 03-05 21:00 (12 h on v2; missed,
    // confirmed 03-06 09:00), h11 03-06 11:00 (72 h on v1; met 03-05 21:00), h5 03-07 10:00 (cancelled
    // before), h6 03-07 10:00 (still open at now: missed). h10's 03-09 21:00 is after the week.
    expect(week.current.due).toBe(9);
    expect(week.current.overdue).toBe(4); // h2 h4 h12 h6
    expect(week.current.overdueRate).toBe(0.4444);
  });

  it('lists what waits on someone now, most overdue first', () => {
    expect(week.open).toEqual([
      // Due 03-07 10:00, now 03-09 12:00: 50 hours over.
      { id: 'h6', title: 'Brief → creative — Kestrel Bikes', clientId: 'kestrel', clientName: 'Kestrel Bikes', templateName: 'Brief → creative', state: 'sent', senderName: 'Jane Doe', receiverName: 'Sam Park', sentAt: t('03-06 10:00'), dueBy: t('03-07 10:00'), overdueHours: 50, reconfirm: false },
      { id: 'h10', title: 'Autumn catalogue brief', clientId: 'northwind', clientName: 'Northwind Outfitters', templateName: 'Brief → creative', state: 'gaps_raised', senderName: 'Jane Doe', receiverName: 'Tom Reyes', sentAt: t('03-08 21:00'), dueBy: t('03-09 21:00'), overdueHours: 0, reconfirm: false },
    ]);
  });

  it('costs the week’s failures at the workspace rate, by category, client and type', () => {
    // f1 3 h + f5 1.5 h + f2 2.5 h + f3 4 h (at the time of the failure, though logged on Sunday) = 11 h × 75.
    expect(week.current).toMatchObject({ failures: 4, failureHours: 11, failureCost: 825 });
    expect(week.failuresByCategory).toEqual([
      { key: 'missing_context', label: 'Missing context', count: 2, hours: 4.5, cost: 337.5 },
      { key: 'client_complaint', label: 'Client complaint', count: 1, hours: 4, cost: 300 },
      { key: 'wrong_expectations', label: 'Wrong expectations', count: 1, hours: 2.5, cost: 187.5 },
    ]);
    // A failure's client follows its handoff; the label is the client's name now (Oakridge was renamed).
    expect(week.failuresByClient).toEqual([
      { key: 'kestrel', label: 'Kestrel Bikes', count: 2, hours: 5.5, cost: 412.5 },
      { key: 'northwind', label: 'Northwind Outfitters', count: 1, hours: 3, cost: 225 },
      { key: 'oakridge', label: 'Oakridge Dental Group', count: 1, hours: 2.5, cost: 187.5 },
    ]);
    expect(week.failuresByType).toEqual([
      { key: 'brief-to-creative', label: 'Brief → creative', count: 2, hours: 5.5, cost: 412.5 },
      { key: '', label: 'Not linked to a handoff', count: 1, hours: 4, cost: 300 },
      { key: 'sales-to-am', label: 'Sales → account management', count: 1, hours: 1.5, cost: 112.5 },
    ]);
    expect(week.failures.map((f) => [f.id, f.at, f.cost])).toEqual([
      ['f3', t('03-07 12:00'), 300],
      ['f2', t('03-06 15:00'), 187.5],
      ['f5', t('03-06 10:00'), 112.5],
      ['f1', t('03-05 10:00'), 225],
    ]);
    expect(week.failures[1]).toEqual({
      id: 'f2',
      at: t('03-06 15:00'),
      clientId: 'oakridge',
      clientName: 'Oakridge Dental Group',
      category: 'wrong_expectations',
      categoryLabel: 'Wrong expectations',
      hours: 2.5,
      cost: 187.5,
      description: 'Failure f2: repaired',
      handoffId: 'h4',
      // The title was made when the client was still "Oakridge Dental".
      handoffTitle: 'Brief → creative — Oakridge Dental',
      templateName: 'Brief → creative',
      loggedByName: 'Ada Lind',
    });
    expect(week.failures[0]).toMatchObject({ id: 'f3', clientName: 'Kestrel Bikes', handoffId: null, handoffTitle: null, templateName: null, loggedByName: 'Sam Park' });
  });

  it('projects the cost model: accounts × failures per account per month × hours × rate', () => {
    // Accounts: northwind, kestrel, oakridge (zephyr is archived) = 3. Months = 7 / (365.25 / 12).
    const months = 7 / DAYS_PER_MONTH;
    expect(DAYS_PER_MONTH).toBe(30.4375);
    // 4 failures / 3 accounts / 0.22998 months = 5.797619 → 5.7976; 11 h / 4 = 2.75 h each.
    // Monthly hours 3 × 5.797619 × 2.75 = 47.830357 → 47.8; × 75 = 3587.28 → 3587; × 12 = 43047.32 → 43047.
    expect(week.projection).toEqual({ accounts: 3, failuresPerAccountPerMonth: 5.7976, hoursPerFailure: 2.75, monthlyHours: 47.8, monthlyCost: 3587, annualCost: 43047 });
    expect(4 / 3 / months).toBeCloseTo(5.797619, 6);
    expect(3 * (4 / 3 / months) * 2.75).toBeCloseTo(47.830357, 6);
  });

  it('draws the daily series of median time to confirm, empty days with no median', () => {
    // 03-02: h9 24 and h1 6 → 15; 03-04: h2 48; 03-05: h3 48 and h11 58 → 53; 03-06: h4 46 and h12 24 → 35.
    expect(week.timeToConfirm).toEqual({
      bucket: 'day',
      points: [
        { start: '2026-03-02', confirmed: 2, medianHours: 15 },
        { start: '2026-03-03', confirmed: 0, medianHours: null },
        { start: '2026-03-04', confirmed: 1, medianHours: 48 },
        { start: '2026-03-05', confirmed: 2, medianHours: 53 },
        { start: '2026-03-06', confirmed: 2, medianHours: 35 },
        { start: '2026-03-07', confirmed: 0, medianHours: null },
        { start: '2026-03-08', confirmed: 0, medianHours: null },
      ],
    });
  });

  it('computes the previous period by the same rules', () => {
    // 23 Feb – 1 Mar: h8 created, sent 02-26 10:00, confirmed 02-27 10:00 (24 h, no gaps, due
    // 02-27 10:00 met to the minute); h9 created 02-28 and sent 03-01 (its confirm-by falls in the
    // week); f4 1 h.
    expect(week.previous).toEqual({
      ...EMPTY_TOTALS,
      created: 2,
      sent: 2,
      confirmed: 1,
      completenessAtSend: 1,
      sentComplete: 2,
      timeToConfirm: { medianHours: 24, p90Hours: 24 },
      firstPassRate: 1,
      firstPass: 1,
      gapsPerHandoff: 0,
      reworkRounds: 0,
      due: 1,
      overdueRate: 0,
      failures: 1,
      failureHours: 1,
      failureCost: 75,
    });
  });

  it('is pure: the same facts, query and now give the same answer', () => {
    const facts = collectFacts(log);
    const q = MetricsQuerySchema.parse(WEEK);
    expect(computeMetrics(facts, q, NOW)).toEqual(computeMetrics(facts, q, NOW));
    expect(computeMetrics(facts, q, NOW)).toEqual(week);
  });
});

describe('deadlines against now', () => {
  it('counts a deadline only once it has passed, and an open one as missed from then on', () => {
    // At 03-07 10:30, h6's deadline (03-07 10:00) has just passed with h6 still open: missed.
    const early = metrics(log, WEEK, Date.parse(t('03-07 10:30')));
    expect(early.current.due).toBe(9);
    expect(early.current.overdue).toBe(4);
    expect(early.open[0]).toMatchObject({ id: 'h6', overdueHours: 0.5 });
    // At 03-07 09:59 it has not: h6 and h5 (due 03-07 10:00) are not due yet.
    const before = metrics(log, WEEK, Date.parse(t('03-07 09:59')));
    expect(before.current.due).toBe(7);
    expect(before.current.overdue).toBe(3);
    expect(before.open.find((o) => o.id === 'h6')).toMatchObject({ overdueHours: 0 });
  });
});

describe('filters', () => {
  it('narrows to one client: its handoffs and failures, and one account in the projection', () => {
    const m = metrics(log, { ...WEEK, clientId: 'northwind' });
    // Northwind: h1 h2 h5 h10 in the week (h8 before); f1 in the week, f4 before.
    expect(m.current).toEqual({
      created: 4,
      sent: 4,
      confirmed: 2, // h1 6 h, h2 48 h
      cancelled: 1, // h5
      reassigned: 0,
      completenessAtSend: 0.9444, // (1 + 7/9 + 1 + 1) / 4 = 34/36
      sentComplete: 3,
      overrides: 1,
      timeToConfirm: { medianHours: 27, p90Hours: 43.8 }, // (6 + 48) / 2; 6 + 0.9 × 42
      firstPassRate: 0.5,
      firstPass: 1,
      gapsPerHandoff: 1, // (0 + 2) / 2
      reworkRounds: 0.5, // (0 + 1) / 2
      gapsRaised: 3, // g1 g2 g6
      due: 3, // h1 met, h2 missed, h5 cancelled before
      overdue: 1,
      overdueRate: 0.3333,
      failures: 1,
      failureHours: 3,
      failureCost: 225,
    });
    expect(m.previous).toMatchObject({ created: 1, sent: 1, confirmed: 1, failures: 1 });
    expect(m.open.map((o) => o.id)).toEqual(['h10']);
    expect(m.failuresByClient.map((b) => b.key)).toEqual(['northwind']);
    // One account: 1 failure / 1 / (7 / 30.4375) = 4.348214; 3 h; monthly 13.044643 h → 13.0;
    // × 75 = 978.35 → 978; × 12 = 11740.18 → 11740.
    expect(m.projection).toEqual({ accounts: 1, failuresPerAccountPerMonth: 4.3482, hoursPerFailure: 3, monthlyHours: 13, monthlyCost: 978, annualCost: 11740 });
  });

  it('narrows to one handoff type: failures count only through a handoff of that type', () => {
    const m = metrics(log, { ...WEEK, templateId: 'sales-to-am' });
    // Sales: h3 (sent in the week, confirmed 48 h), h5 (sent, cancelled), h9 (confirmed in the week, 24 h).
    expect(m.current).toMatchObject({ created: 2, sent: 2, confirmed: 2, cancelled: 1, timeToConfirm: { medianHours: 36, p90Hours: 45.6 }, firstPass: 1, gapsPerHandoff: 1.5, reworkRounds: 1, gapsRaised: 3, due: 3, overdue: 0, overdueRate: 0 });
    // f5 is on h3; f3 (no handoff) belongs to no type.
    expect(m.current).toMatchObject({ failures: 1, failureHours: 1.5, failureCost: 112.5 });
    expect(m.previous).toMatchObject({ created: 1, sent: 1, confirmed: 0, failures: 0 });
    expect(m.firstPassByTemplate.map((r) => r.templateId)).toEqual(['sales-to-am']);
    expect(m.gapsByField.map((g) => [g.fieldId, g.gaps])).toEqual([['commitments', 2], ['stakeholders', 1]]);
    expect(m.overrides).toEqual([]);
    expect(m.open).toEqual([]);
  });

  it('narrows to one person: sender, every receiver a reassigned handoff had, and the failures they logged or are party to', () => {
    const ada = metrics(log, { ...WEEK, personId: 'ada' });
    // Ada: h4 (second receiver), h11, h12. f2 (logged by her, on h4).
    expect(ada.current).toEqual({
      created: 3,
      sent: 3,
      confirmed: 3,
      cancelled: 0,
      reassigned: 1,
      completenessAtSend: 0.8333, // (1 + 1/2 + 1) / 3
      sentComplete: 2,
      overrides: 1,
      timeToConfirm: { medianHours: 46, p90Hours: 55.6 }, // 24 46 58: rank 1.8 → 46 + 0.8 × 12
      firstPassRate: 0.3333,
      firstPass: 1,
      gapsPerHandoff: 1, // (0 + 1 + 2) / 3
      reworkRounds: 0.6667, // (0 + 1 + 1) / 3
      gapsRaised: 3,
      due: 3,
      overdue: 2, // h4 (first deadline), h12
      overdueRate: 0.6667,
      failures: 1,
      failureHours: 2.5,
      failureCost: 187.5,
    });
    // Tom, h4's first receiver, keeps it too: h1 h2 h3 h4 h5 h10 h12 created; h9 h1 h2 h3 h4 h12
    // confirmed; f1 and f5 (logged by him) and f2 (on h4, which he received first).
    const tom = metrics(log, { ...WEEK, personId: 'tom' });
    expect(tom.current).toMatchObject({ created: 7, sent: 7, confirmed: 6, cancelled: 1, reassigned: 1, failures: 3, failureHours: 7, failureCost: 525 });
    expect(tom.failures.map((f) => f.id)).toEqual(['f2', 'f5', 'f1']);
    // Sam: h3 (sender), h6 (receiver); f3 (logged by him) and f5 (on h3).
    const sam = metrics(log, { ...WEEK, personId: 'sam' });
    expect(sam.current).toMatchObject({ created: 2, sent: 2, confirmed: 1, failures: 2, failureHours: 5.5 });
    expect(sam.open.map((o) => o.id)).toEqual(['h6']);
  });

  it('combines filters', () => {
    const m = metrics(log, { ...WEEK, clientId: 'kestrel', templateId: 'brief-to-creative' });
    // Only h6: sent, open, missed.
    expect(m.current).toMatchObject({ created: 1, sent: 1, confirmed: 0, due: 1, overdue: 1, failures: 0 });
    expect(metrics(log, { ...WEEK, clientId: 'kestrel', personId: 'ada' }).current).toMatchObject({ created: 1, confirmed: 1, overrides: 1 }); // h11
    expect(metrics(log, { ...WEEK, personId: 'nobody' }).current).toEqual(EMPTY_TOTALS);
  });
});

describe('empty periods', () => {
  it('counts nothing, rates none, and draws a series with no medians', () => {
    const january = metrics(log, { from: '2026-01-01', to: '2026-01-31', timeZone: 'UTC' });
    expect(january.current).toEqual(EMPTY_TOTALS);
    expect(january.previous).toEqual(EMPTY_TOTALS);
    expect(january.period).toEqual({ start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z', days: 31, previousFrom: '2025-12-01', previousTo: '2025-12-31' });
    expect(january.timeToConfirm.bucket).toBe('day');
    expect(january.timeToConfirm.points).toHaveLength(31);
    expect(january.timeToConfirm.points.every((p) => p.confirmed === 0 && p.medianHours === null)).toBe(true);
    expect(january).toMatchObject({ firstPassByTemplate: [], gapsByField: [], failuresByCategory: [], failuresByClient: [], failuresByType: [], overrides: [], failures: [] });
    expect(january.projection).toEqual({ accounts: 3, failuresPerAccountPerMonth: 0, hoursPerFailure: 0, monthlyHours: 0, monthlyCost: 0, annualCost: 0 });
    // What waits on someone now is not bound to the period.
    expect(january.open.map((o) => o.id)).toEqual(['h6', 'h10']);
  });

  it('works on an empty log', () => {
    const m = metrics([]);
    expect(m.current).toEqual(EMPTY_TOTALS);
    expect(m.projection).toEqual({ accounts: 0, failuresPerAccountPerMonth: 0, hoursPerFailure: 0, monthlyHours: 0, monthlyCost: 0, annualCost: 0 });
    expect(m.open).toEqual([]);
    expect(m.hourlyRate).toBe(75);
  });
});

describe('the hourly rate', () => {
  it('costs failures at the rate the workspace set, and in its currency', () => {
    const raised = [...log, makeEvent('workspace.updated', 'jane', 'ws', { hourlyRate: 120, currency: 'EUR' }, { id: 'rate', at: t('03-09 08:00') })];
    expect(replay(raised).rejected).toEqual([]);
    const m = metrics(raised);
    expect(m).toMatchObject({ hourlyRate: 120, currency: 'EUR' });
    // 11 h × 120; the week before 1 h × 120.
    expect(m.current.failureCost).toBe(1320);
    expect(m.previous.failureCost).toBe(120);
    expect(m.failuresByCategory.map((b) => b.cost)).toEqual([540, 480, 300]); // 4.5, 4, 2.5 h
    expect(m.failures.map((f) => f.cost)).toEqual([480, 300, 180, 360]); // f3 4, f2 2.5, f5 1.5, f1 3 h
    // 47.830357 h × 120 = 5739.64 → 5740 a month; × 12 = 68875.71 → 68876 a year.
    expect(m.projection).toMatchObject({ monthlyHours: 47.8, monthlyCost: 5740, annualCost: 68876 });
  });

  it('takes the rate a workspace was created with, and the latest change', () => {
    const events = [
      makeEvent('workspace.created', 'jane', 'ws', { workspace: { id: 'ws', name: 'Brightlane', hourlyRate: 90, currency: 'GBP' }, admin: { id: 'jane', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' } }, { id: 'w', at: t('01-01 09:00') }),
      makeEvent('client.created', 'jane', 'c', { name: 'C' }, { id: 'c', at: t('01-01 09:01') }),
      makeEvent('failure.logged', 'jane', 'f', { failure: { id: 'f', clientId: 'c', category: 'other', hours: 2, description: 'x', loggedBy: 'jane', at: t('03-03 09:00') } }, { id: 'f', at: t('03-03 09:00') }),
    ];
    expect(replay(events).rejected).toEqual([]);
    expect(metrics(events).current.failureCost).toBe(180);
    expect(metrics(events)).toMatchObject({ hourlyRate: 90, currency: 'GBP' });
    const changed = [...events, makeEvent('workspace.updated', 'jane', 'ws', { hourlyRate: 60, currency: 'GBP' }, { id: 'u', at: t('03-04 09:00') })];
    expect(metrics(changed)).toMatchObject({ hourlyRate: 60, currency: 'GBP', current: { failureCost: 120 } });
  });

  // An update carries only what it changes: saving the reminders keeps the rate, currency and domains.
  it('keeps the rate and currency when another workspace setting changes', () => {
    const events = [
      makeEvent('workspace.created', 'jane', 'ws', { workspace: { id: 'ws', name: 'Brightlane', hourlyRate: 90, currency: 'GBP' }, admin: { id: 'jane', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' } }, { id: 'w', at: t('01-01 09:00') }),
      makeEvent('workspace.updated', 'jane', 'ws', { reminders: { remindEveryHours: 2, escalateAfterHours: 8 } }, { id: 'u', at: t('01-02 09:00') }),
    ];
    expect(replay(events).model.workspace_).toMatchObject({ hourlyRate: 90, currency: 'GBP', ownDomains: [] });
    expect(metrics(events)).toMatchObject({ hourlyRate: 90, currency: 'GBP' });
    const withDomains = [events[0]!, makeEvent('workspace.updated', 'jane', 'ws', { ownDomains: ['brightlane.agency'] }, { id: 'd', at: t('01-02 08:00') }), events[1]!];
    expect(replay(withDomains).model.workspace_).toMatchObject({ hourlyRate: 90, ownDomains: ['brightlane.agency'], reminders: { remindEveryHours: 2 } });
  });
});
