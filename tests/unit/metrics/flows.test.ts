import { describe, expect, it } from 'vitest';
import { collectFacts, MetricFacts } from '../../../lib/metrics/facts';
import { computeFlows, type FlowRow } from '../../../lib/metrics/flows';
import { MetricsQuerySchema, type MetricsQueryInput } from '../../../lib/metrics/query';
import type { Rule } from '../../../lib/model/rule';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';
import { FIXED_CAST, fullStory, LogBuilder, t } from './story';

// The story of story.ts, the week of 2 – 8 March 2026 (UTC), worked out by hand. Sent in the week:
// briefs (strategist → creative) h1 h2 h4 h6 h10; sales → AM h3 h5; onboarding (a custom template
// without roles: "Sales ops" → "Account manager") h11 (v1) and h12 (v2). The rate is the default 75.

const WEEK = { from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' } as const;

function rule(id: string, name: string, templateId: string, enabled: boolean): Rule {
  return {
    id,
    name,
    enabled,
    trigger: { kind: 'asana.section', sectionName: 'Ready' },
    start: { templateId, sender: { role: 'strategist' }, receiver: { role: 'creative' }, watchers: [], prefill: {} },
    writeBack: { comment: true, assignOnConfirm: false },
    createdAt: t('02-01 10:00'),
    updatedAt: t('02-01 10:00'),
  };
}

/** The story, the creative role renamed, and three rules: one on briefs, one off (sales), one deleted (onboarding). */
function log() {
  const b = new LogBuilder('w');
  b.add('workspace.updated', FIXED_CAST.jane, 'ws', { roles: DEFAULT_TEAM_ROLES.map((r) => (r.id === 'creative' ? { ...r, name: 'Design studio' } : r)) }, '02-01 10:00');
  b.add('rule.saved', FIXED_CAST.jane, 'r1', { rule: rule('r1', 'Brief from Asana', 'brief-to-creative', true) }, '02-01 10:01');
  b.add('rule.saved', FIXED_CAST.jane, 'r2', { rule: rule('r2', 'Sales won', 'sales-to-am', false) }, '02-01 10:02');
  b.add('rule.saved', FIXED_CAST.jane, 'r3', { rule: rule('r3', 'Onboard', 'onboarding', true) }, '02-01 10:03');
  b.add('rule.deleted', FIXED_CAST.jane, 'r3', {}, '02-01 10:04');
  return [...fullStory(), ...b.events];
}

const flows = (facts: MetricFacts, q: MetricsQueryInput = WEEK, by: 'roles' | 'people' = 'roles') => computeFlows(facts, MetricsQuerySchema.parse(q), by);
const pick = (f: FlowRow) => ({ from: f.from, to: f.to, handoffs: f.handoffs, confirmed: f.confirmed, median: f.medianHoursToConfirm, firstPass: f.firstPass, rate: f.firstPassRate, gaps: f.gapsPerHandoff, failures: f.failures, hours: f.failureHours, cost: f.failureCost, automatedBy: f.automatedBy, frequency: f.frequency, risk: f.risk, score: f.score });

describe('computeFlows by role', () => {
  const facts = collectFacts(log());
  const week = flows(facts);

  it('draws one flow per pair of roles, a template without roles as its own, highest score first', () => {
    expect(facts.skipped).toBe(0);
    expect(week.days).toBe(7);
    expect(week.flows.map(pick)).toEqual([
      // h1 6 h, h2 48 h, h4 46 h to confirm (h6, h10 open): median 46; h1 and h4 with no gap; gaps g1 g2 (h2) g6 (h10) over 5.
      // Failures f1 (h2, 3 h) and f2 (h4, 2.5 h): 5.5 h × 75 = 412.5. Frequency 5 / 7 × 30 = 21.43.
      // Risk 412.5 / 5 + (1 − 2/3) × 75 = 82.5 + 25 = 107.5; score 107.5 × 150 / 7 = 2303.57.
      { from: 'Strategist', to: 'Design studio', handoffs: 5, confirmed: 3, median: 46, firstPass: 2, rate: 0.6667, gaps: 0.6, failures: 2, hours: 5.5, cost: 412.5, automatedBy: ['Brief from Asana'], frequency: 21.43, risk: 107.5, score: 2303.57 },
      // h3 48 h, two rounds (3 gaps); h5 cancelled. f5 1.5 h = 112.5. Risk 56.25 + 75; score 131.25 × 60 / 7 = 1125. Its rule is off.
      { from: 'Sales', to: 'Account manager', handoffs: 2, confirmed: 1, median: 48, firstPass: 0, rate: 0, gaps: 1.5, failures: 1, hours: 1.5, cost: 112.5, automatedBy: [], frequency: 8.57, risk: 131.25, score: 1125 },
      // h11 58 h (1 gap), h12 24 h (2 gaps): median 41; both with a round. No failure. Risk 75; score 75 × 60 / 7 = 642.86. Its rule was deleted.
      { from: 'Sales ops', to: 'Account manager', handoffs: 2, confirmed: 2, median: 41, firstPass: 0, rate: 0, gaps: 1.5, failures: 0, hours: 0, cost: 0, automatedBy: [], frequency: 8.57, risk: 75, score: 642.86 },
    ]);
  });

  it('lists the handoffs behind each flow, latest sent first', () => {
    expect(week.flows.map((f) => [f.key, f.handoffIds])).toEqual([
      ['role:strategist>creative', ['h10', 'h6', 'h4', 'h2', 'h1']],
      ['role:sales>account_manager', ['h5', 'h3']],
      ['template:onboarding', ['h12', 'h11']],
    ]);
  });

  it('follows the dashboard’s filters', () => {
    // Kestrel: h3 (sales), h6 (brief, open), h11 (onboarding).
    const kestrel = flows(facts, { ...WEEK, clientId: 'kestrel' });
    expect(kestrel.flows.map((f) => [f.key, f.handoffs, f.medianHoursToConfirm])).toEqual([
      ['role:sales>account_manager', 1, 48],
      ['template:onboarding', 1, 58],
      ['role:strategist>creative', 1, null],
    ]);
    // The week before: h8 (brief, 24 h) and h9 (sales, 24 h).
    const before = flows(facts, { from: '2026-02-23', to: '2026-03-01', timeZone: 'UTC' });
    expect(before.flows.map((f) => [f.key, f.handoffs, f.medianHoursToConfirm, f.failures])).toEqual([
      ['role:strategist>creative', 1, 24, 1],
      ['role:sales>account_manager', 1, 24, 0],
    ]);
    expect(flows(facts, { from: '2026-04-01', to: '2026-04-30', timeZone: 'UTC' }).flows).toEqual([]);
  });

  it('reads the same from a saved copy of the facts', () => {
    const saved = MetricFacts.fromJSON(JSON.parse(JSON.stringify(facts)))!;
    expect(flows(saved)).toEqual(week);
  });
});

describe('computeFlows by person', () => {
  it('draws sender → receiver now (a reassignment moves the handoff to its new receiver)', () => {
    const people = flows(collectFacts(log()), WEEK, 'people');
    const rows = people.flows.map((f) => [f.from, f.to, f.handoffIds.length, f.automatedBy]);
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        // h1 h2 h5 h10; the briefs' rule marks it.
        ['Jane Doe', 'Tom Reyes', 4, ['Brief from Asana']],
        // h4 (reassigned from Tom) and h11.
        ['Jane Doe', 'Ada Lind', 2, ['Brief from Asana']],
        ['Sam Park', 'Tom Reyes', 1, []],
        ['Tom Reyes', 'Ada Lind', 1, []],
        ['Jane Doe', 'Sam Park', 1, ['Brief from Asana']],
      ]),
    );
  });
});
