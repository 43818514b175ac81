// @vitest-environment happy-dom
// The dashboard's completeness tile: two figures that cannot be misread for each other.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { KpiTiles } from '../../../components/dashboard/kpi-tiles';
import type { Metrics, PeriodTotals } from '../../../lib/metrics';

const totals = (over: Partial<PeriodTotals>): PeriodTotals => ({
  created: 16, sent: 16, confirmed: 12, cancelled: 0, reassigned: 0,
  completenessAtSend: 0.99, sentComplete: 15, overrides: 1,
  timeToConfirm: { medianHours: 4, p90Hours: 20 }, firstPassRate: 0.75, firstPass: 9,
  gapsPerHandoff: 0.3, reworkRounds: 0.2, gapsRaised: 4, due: 10, overdue: 1, overdueRate: 0.1,
  failures: 2, failureHours: 5, failureCost: 375,
  ...over,
});

const view = reactRootPerTest(() => ({ ok: true, data: null }));

describe('the completeness tile', () => {
  it('calls the percentage an average and counts the handoffs sent complete', () => {
    const metrics = { current: totals({}), previous: totals({ completenessAtSend: 0.9 }), currency: 'USD', hourlyRate: 75 } as unknown as Metrics;
    act(() => view.root.render(createElement(KpiTiles, { metrics, previousLabel: 'the month before' })));
    const tile = view.host.querySelector('li[aria-label="Average completeness at send"]');
    expect(tile?.querySelector('[data-kpi]')?.textContent).toBe('99%');
    expect(tile?.textContent).toContain('15 of 16 sent complete · 1 sent with an override');
    expect(view.host.textContent).not.toContain('Complete when sent');
  });
});
