import { useMemo } from 'react';
import { BubbleController, Chart, LinearScale, PointElement, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import type { FlowRow, Flows } from '../../lib/metrics';
import { FLOW_RISK_FORMULA } from '../../lib/metrics';
import { ChartCanvas, chartPalette } from './chart-canvas';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMoney, formatNumber } from './format';

let registered = false;

/**
 * The map's own Chart.js parts, registered while the configuration is built (before the canvas
 * draws): only the dashboard imports this file, so the sankey module stays out of the panel and popup.
 */
function registerMapParts(): void {
  if (registered) return;
  Chart.register(SankeyController, Flow, BubbleController, PointElement, LinearScale, Tooltip);
  registered = true;
}

export const flowName = (f: Pick<FlowRow, 'from' | 'to'>) => `${f.from} → ${f.to}`;

/** What a flow's row and picture call it automated by, in words. */
export const automatedText = (f: FlowRow) => (f.automatedBy.length ? `Automated: ${f.automatedBy.join(', ')}` : 'By hand');

/** A canvas label can never run away: long or broken names are cut, the table has them whole. */
const short = (s: string) => {
  // Control characters (a NUL) drawn as spaces.
  const chars = [...s].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c));
  return chars.length > 28 ? `${chars.slice(0, 27).join('')}…` : chars.join('');
};

export function HandoffMapChart({ flows, byPeople }: { flows: Flows; byPeople: boolean }) {
  const rows = flows.flows;
  const config = useMemo((): ChartConfiguration => {
    registerMapParts();
    const p = chartPalette();
    // The legend's swatches are the same two colours (indigo by hand, emerald automated).
    const automated = p.series[2]!;
    const labels: Record<string, string> = {};
    const data = rows.map((f) => {
      // Senders on the left, receivers on the right: a role that hands off to itself (coverage) stays two nodes.
      const from = `from:${f.fromId ?? f.from}`;
      const to = `to:${f.toId ?? f.to}`;
      labels[from] = short(f.from);
      labels[to] = short(f.to);
      return { from, to, flow: f.handoffs };
    });
    const colour = (i: number | undefined) => (i !== undefined && rows[i]?.automatedBy.length ? automated : p.series[0]!);
    const sankey: ChartConfiguration<'sankey'> = {
      type: 'sankey',
      data: {
        datasets: [
          {
            label: 'Handoffs',
            data,
            labels,
            colorFrom: (c) => colour(c.dataIndex),
            colorTo: (c) => colour(c.dataIndex),
            colorMode: 'gradient',
            color: p.text,
            borderWidth: 0,
            nodeWidth: 8,
            size: 'max',
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => { const f = rows[item.dataIndex]; return f ? `${flowName(f)}: ${f.handoffs} handoffs` : ''; } } } },
      },
    };
    return sankey as unknown as ChartConfiguration;
  }, [rows]);
  const total = rows.reduce((n, f) => n + f.handoffs, 0);
  const summary = rows.length
    ? `Sankey diagram of ${total} handoffs sent in the period, ${byPeople ? 'from sender to receiver' : 'from role to role'}, width by volume: ${rows.map((f) => `${flowName(f)} ${f.handoffs}${f.automatedBy.length ? ' (automated)' : ''}`).join('; ')}.`
    : 'No handoff was sent in this period.';
  const automatedFlows = rows.filter((f) => f.automatedBy.length);
  return (
    <ChartFigure
      id="chart-handoff-map"
      title="Handoff map"
      description={`Every handoff point ${byPeople ? 'between people (sender → receiver)' : 'between client-team roles'}: the width of a flow is the number of handoffs sent on it in the period.`}
      empty={rows.length ? undefined : 'No handoff was sent in this period.'}
      table={<DataTable caption="Handoff map" head={[byPeople ? 'From' : 'From role', byPeople ? 'To' : 'To role', 'Handoffs', 'Automated']} numeric={[2]} rows={rows.map((f) => [f.from, f.to, f.handoffs, automatedText(f)])} />}
    >
      <ChartCanvas config={config} label={summary} height={Math.max(220, Math.min(520, rows.length * 48 + 80))} />
      <ul aria-label="Legend" className="flex flex-col gap-1 text-sm">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-indigo-600 dark:bg-indigo-400" />
          Started by hand
        </li>
        <li className="flex items-start gap-2">
          <span aria-hidden="true" className="mt-1 inline-block h-3 w-6 shrink-0 rounded-sm bg-emerald-600 dark:bg-emerald-400" />
          <span className="min-w-0 break-words">
            Automated by a workflow rule{automatedFlows.length ? `: ${automatedFlows.map((f) => `${flowName(f)} (${f.automatedBy.join(', ')})`).join('; ')}` : ' (none in this period)'}
          </span>
        </li>
      </ul>
    </ChartFigure>
  );
}

/** Each point's name beside it: a bubble chart of a dozen flows is read by its labels. */
function pointLabels(names: string[], colour: string): Plugin<'bubble'> {
  return {
    id: 'batonPointLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = colour;
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      // Highest score first: a label that would cover one already drawn is left out (the table has them all).
      const drawn: { left: number; right: number; top: number; bottom: number }[] = [];
      chart.getDatasetMeta(0).data.forEach((point, i) => {
        const { x, y } = point.getProps(['x', 'y'], true) as { x: number; y: number };
        const text = names[i] ?? '';
        const width = ctx.measureText(text).width;
        const right = x < chart.chartArea.left + chart.chartArea.width * 0.6;
        const left = right ? x + 12 : x - 12 - width;
        const box = { left, right: left + width, top: y - 8, bottom: y + 8 };
        if (drawn.some((d) => box.left < d.right && d.left < box.right && box.top < d.bottom && d.top < box.bottom)) return;
        drawn.push(box);
        ctx.textAlign = 'left';
        ctx.fillText(text, left, y);
      });
      ctx.restore();
    },
  };
}

export function RiskChart({ flows }: { flows: Flows }) {
  const rows = flows.flows;
  const money = (n: number) => formatMoney(n, flows.currency);
  const config = useMemo((): ChartConfiguration => {
    registerMapParts();
    const p = chartPalette();
    const maxCost = Math.max(1, ...rows.map((f) => f.failureCost));
    const axis = (text: string) => ({ beginAtZero: true, title: { display: true, text, color: p.text }, ticks: { color: p.text }, grid: { color: p.grid } });
    return {
      type: 'bubble',
      data: {
        datasets: [
          {
            label: 'Flows',
            data: rows.map((f) => ({ x: f.frequency, y: f.risk, r: 5 + 15 * Math.sqrt(f.failureCost / maxCost) })),
            backgroundColor: `${p.bad}99`,
            borderColor: p.bad,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: 16 },
        scales: { x: axis('Handoffs per 30 days'), y: axis(`Risk: expected cost per handoff (${flows.currency})`) },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => { const f = rows[item.dataIndex]; return f ? `${flowName(f)}: ${formatNumber(f.frequency)} a month, risk ${money(f.risk)}, failures ${money(f.failureCost)}` : ''; } } },
        },
      },
      plugins: [pointLabels(rows.map((f) => short(flowName(f))), p.text) as unknown as Plugin],
    };
  }, [rows, flows.currency]);
  const summary = rows.length
    ? `Bubble chart of risk against frequency, bubble size by failure cost, the flow to improve first first: ${rows.map((f) => `${flowName(f)} score ${money(f.score)} (${formatNumber(f.frequency)} handoffs per 30 days, risk ${money(f.risk)})`).join('; ')}.`
    : 'No handoff was sent in this period.';
  return (
    <ChartFigure
      id="chart-risk-frequency"
      title="Risk × frequency"
      description={`Which protocol to improve first: up and to the right. ${FLOW_RISK_FORMULA.replace('the agency’s rate', `the agency’s rate (${money(flows.hourlyRate)})`)}`}
      empty={rows.length ? undefined : 'No handoff was sent in this period.'}
      table={
        <DataTable
          caption="Risk × frequency"
          head={['Flow', 'Handoffs per 30 days', 'Risk per handoff', 'Failure cost', 'Score (expected cost per 30 days)']}
          numeric={[1, 2, 3, 4]}
          rows={rows.map((f) => [flowName(f), formatNumber(f.frequency), money(f.risk), money(f.failureCost), money(f.score)])}
        />
      }
    >
      <ChartCanvas config={config} label={summary} height={300} />
    </ChartFigure>
  );
}
