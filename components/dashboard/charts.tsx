import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { Metrics } from '../../lib/metrics';
import { ChartCanvas, chartPalette, type ChartPalette } from './chart-canvas';
import { ChartFigure, DataTable } from './chart-figure';
import { formatDay, formatHours, formatMoney, formatMonth, formatNumber, formatPercent } from './format';

const MAX_BARS = 10;

function axes(p: ChartPalette, horizontal: boolean, y: { title: string; max?: number; percent?: boolean; whole?: boolean }) {
  const value = {
    beginAtZero: true,
    ...(y.max !== undefined ? { max: y.max } : {}),
    title: { display: true, text: y.title, color: p.text },
    ticks: { color: p.text, ...(y.whole ? { precision: 0 } : {}), ...(y.percent ? { callback: (v: string | number) => `${Math.round(Number(v) * 100)}%` } : {}) },
    grid: { color: p.grid },
  };
  const category = { ticks: { color: p.text, autoSkip: !horizontal }, grid: { display: false } };
  return horizontal ? { x: value, y: category } : { x: category, y: value };
}

function base(p: ChartPalette): NonNullable<ChartConfiguration['options']> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Figures, not motion: drawn at once (and faster to first render).
    animation: false,
    plugins: { legend: { display: false, labels: { color: p.text } } },
  };
}

const bucketLabel = (m: Metrics, start: string) => (m.timeToConfirm.bucket === 'month' ? formatMonth(start) : m.timeToConfirm.bucket === 'week' ? `Week of ${formatDay(start)}` : formatDay(start));

export function TimeToConfirmChart({ metrics }: { metrics: Metrics }) {
  const { points, bucket } = metrics.timeToConfirm;
  const config = useMemo((): ChartConfiguration => {
    const p = chartPalette();
    return {
      type: 'line',
      data: {
        labels: points.map((pt) => bucketLabel(metrics, pt.start)),
        datasets: [{ label: 'Median hours to confirm', data: points.map((pt) => pt.medianHours), borderColor: p.series[0], backgroundColor: p.series[0], spanGaps: true, tension: 0 }],
      },
      options: { ...base(p), scales: axes(p, false, { title: 'Median hours' }) },
    };
  }, [metrics, points]);
  const measured = points.filter((pt) => pt.medianHours !== null);
  const summary = measured.length
    ? `Line chart of the median time from sent to confirmed per ${bucket}: from ${formatHours(measured[0]!.medianHours)} to ${formatHours(measured.at(-1)!.medianHours)}, ${metrics.current.confirmed} handoffs confirmed.`
    : 'No handoff was confirmed in this period.';
  return (
    <ChartFigure
      id="chart-time-to-confirm"
      title="Time to confirm"
      description={`Median hours from sent to confirmed, per ${bucket}.`}
      empty={measured.length ? undefined : 'No handoff was confirmed in this period.'}
      table={<DataTable caption="Time to confirm" head={[bucket[0]!.toUpperCase() + bucket.slice(1), 'Confirmed', 'Median']} numeric={[1, 2]} rows={points.map((pt) => [bucketLabel(metrics, pt.start), pt.confirmed, formatHours(pt.medianHours)])} />}
    >
      <ChartCanvas config={config} label={summary} />
    </ChartFigure>
  );
}

export function FirstPassChart({ metrics, reviewHref }: { metrics: Metrics; reviewHref: (templateId: string) => string }) {
  const rows = metrics.firstPassByTemplate;
  const config = useMemo((): ChartConfiguration => {
    const p = chartPalette();
    return {
      type: 'bar',
      data: { labels: rows.map((r) => r.name), datasets: [{ label: 'First-pass confirmation', data: rows.map((r) => r.rate ?? 0), backgroundColor: p.series[2] }] },
      options: { ...base(p), indexAxis: 'y', scales: axes(p, true, { title: 'Confirmed with no gap raised', max: 1, percent: true }) },
    };
  }, [rows]);
  const summary = rows.length ? `Bar chart of the share confirmed with no gap raised, by template: ${rows.map((r) => `${r.name} ${formatPercent(r.rate)}`).join(', ')}.` : 'No handoff was confirmed in this period.';
  return (
    <ChartFigure
      id="chart-first-pass"
      title="First-pass rate by template"
      description="Of the handoffs confirmed in the period, the share the receiver confirmed without raising a gap."
      empty={rows.length ? undefined : 'No handoff was confirmed in this period.'}
      table={
        <DataTable
          caption="First-pass rate by template"
          head={['Template', 'Confirmed', 'First pass', 'Rate', 'Review']}
          numeric={[1, 2, 3]}
          rows={rows.map((r) => [r.name, r.confirmed, r.firstPass, formatPercent(r.rate), <a key="r" className="text-brand-700 underline dark:text-indigo-300" href={reviewHref(r.templateId)}>Review {r.name}</a>])}
        />
      }
    >
      <ChartCanvas config={config} label={summary} height={Math.max(160, rows.length * 40 + 60)} />
      {rows.length ? (
        // The review of each template, in view: not only in the folded table of numbers.
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Review template:</span>
          {rows.map((r) => (
            <a key={r.templateId} aria-label={`Review ${r.name}`} className="text-brand-700 underline dark:text-indigo-300" href={reviewHref(r.templateId)}>
              {r.name}
            </a>
          ))}
        </p>
      ) : null}
    </ChartFigure>
  );
}

export function GapsByFieldChart({ metrics, reviewHref }: { metrics: Metrics; reviewHref: (templateId: string) => string }) {
  const rows = metrics.gapsByField;
  const top = useMemo(() => rows.slice(0, MAX_BARS), [rows]);
  const config = useMemo((): ChartConfiguration => {
    const p = chartPalette();
    return {
      type: 'bar',
      data: { labels: top.map((r) => `${r.label} (${r.templateName})`), datasets: [{ label: 'Gaps raised', data: top.map((r) => r.gaps), backgroundColor: p.series[3] }] },
      options: { ...base(p), indexAxis: 'y', scales: axes(p, true, { title: 'Gaps raised', whole: true }) },
    };
  }, [top]);
  const summary = top.length ? `Bar chart of the template fields receivers raised gaps about, most first: ${top.map((r) => `${r.label} in ${r.templateName}, ${r.gaps}`).join('; ')}.` : 'No gap was raised in this period.';
  return (
    <ChartFigure
      id="chart-gaps-by-field"
      title="Gaps by field"
      description={`The template fields receivers asked about most in the period${rows.length > MAX_BARS ? ` (top ${MAX_BARS} of ${rows.length})` : ''}.`}
      empty={top.length ? undefined : 'No gap was raised in this period.'}
      table={
        <DataTable
          caption="Gaps by field"
          head={['Field', 'Template', 'Gaps']}
          numeric={[2]}
          rows={rows.map((r) => [r.label, <a key="t" className="text-brand-700 underline dark:text-indigo-300" href={reviewHref(r.templateId)}>{r.templateName}</a>, r.gaps])}
        />
      }
    >
      <ChartCanvas config={config} label={summary} height={Math.max(160, top.length * 32 + 60)} />
    </ChartFigure>
  );
}

export function FailuresChart({ metrics }: { metrics: Metrics }) {
  const rows = metrics.failuresByCategory;
  const money = (n: number) => formatMoney(n, metrics.currency);
  const config = useMemo((): ChartConfiguration => {
    const p = chartPalette();
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [{ label: `Cost (${metrics.currency})`, data: rows.map((r) => r.cost), backgroundColor: p.bad }],
      },
      options: {
        ...base(p),
        scales: axes(p, false, { title: `Cost of repairs (${metrics.currency})` }),
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: (item) => `${rows[item.dataIndex]?.count ?? 0} failures, ${formatNumber(rows[item.dataIndex]?.hours ?? 0)} h` } },
        },
      },
    };
  }, [rows, metrics.currency]);
  const summary = rows.length ? `Bar chart of the cost of failures by category: ${rows.map((r) => `${r.label} ${money(r.cost)} (${r.count} failures, ${formatNumber(r.hours)} h)`).join('; ')}.` : 'No failure was logged in this period.';
  return (
    <ChartFigure
      id="chart-failures"
      title="Failures and cost by category"
      description={`What broke after handoffs, and the repair hours at ${money(metrics.hourlyRate)} an hour.`}
      empty={rows.length ? undefined : 'No failure was logged in this period.'}
      table={<DataTable caption="Failures and cost by category" head={['Category', 'Failures', 'Hours', 'Cost']} numeric={[1, 2, 3]} rows={rows.map((r) => [r.label, r.count, formatNumber(r.hours), money(r.cost)])} />}
    >
      <ChartCanvas config={config} label={summary} />
    </ChartFigure>
  );
}
