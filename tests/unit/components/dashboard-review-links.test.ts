// @vitest-environment happy-dom
// The dashboard: each template's review is a visible link beside its first-pass figure, not only in the folded table.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './react-root';
import { FirstPassChart } from '../../../components/dashboard/charts';
import type { Metrics } from '../../../lib/metrics';

// The canvas drawing is Chart.js's business; what this test reads is the links around it.
vi.mock('../../../components/dashboard/chart-canvas', async (original) => ({ ...(await original<object>()), ChartCanvas: () => null }));

const view = reactRootPerTest(() => ({ ok: true, data: null }));

describe('the first-pass chart', () => {
  it('offers "Review template" links for each template, outside the folded table', () => {
    const metrics = {
      firstPassByTemplate: [
        { templateId: 'sales-to-am', name: 'Sales → account management', confirmed: 4, firstPass: 3, rate: 0.75 },
        { templateId: 'brief-to-creative', name: 'Brief → creative', confirmed: 2, firstPass: 1, rate: 0.5 },
      ],
    } as unknown as Metrics;
    act(() => view.root.render(createElement(FirstPassChart, { metrics, reviewHref: (id: string) => `#review/${id}` })));
    const visible = [...view.host.querySelectorAll('a')].filter((a) => !a.closest('details'));
    expect(visible.map((a) => [a.getAttribute('aria-label'), a.getAttribute('href')])).toEqual([
      ['Review Sales → account management', '#review/sales-to-am'],
      ['Review Brief → creative', '#review/brief-to-creative'],
    ]);
  });
});
