import type { Metrics, PeriodTotals } from '../../lib/metrics';
import { describeChange, formatHours, formatMoney, formatNumber, formatPercent, formatRatio, type Better, type Tone } from './format';

interface Tile {
  label: string;
  value: string;
  detail: string;
  change: { text: string; tone: Tone };
}

const TONE_CLASS: Record<Tone, string> = {
  good: 'text-emerald-700 dark:text-emerald-300',
  bad: 'text-red-700 dark:text-red-300',
  flat: 'text-slate-600 dark:text-slate-400',
};
const ARROW: Record<Tone, string> = { good: '▲', bad: '▼', flat: '•' };

function tiles(m: Metrics): Tile[] {
  const c = m.current;
  const p = m.previous;
  const money = (n: number) => formatMoney(n, m.currency);
  const change = (pick: (t: PeriodTotals) => number | null, kind: 'rate' | 'count' | 'hours' | 'money', better: Better) => describeChange(pick(c), pick(p), kind, better, m.currency);
  return [
    { label: 'Handoffs sent', value: formatNumber(c.sent), detail: `${c.created} started · ${c.confirmed} confirmed · ${c.cancelled} cancelled`, change: change((t) => t.sent, 'count', 'up') },
    // Two figures that once read alike ("99%" beside "15 of 16 complete"): the label says the first is an
    // average of how complete each was, the detail counts the ones that went out with nothing missing.
    { label: 'Average completeness at send', value: formatPercent(c.completenessAtSend), detail: `${c.sentComplete} of ${c.sent} sent complete · ${c.overrides} sent with an override`, change: change((t) => t.completenessAtSend, 'rate', 'up') },
    { label: 'Median time to confirm', value: formatHours(c.timeToConfirm.medianHours), detail: `90th percentile ${formatHours(c.timeToConfirm.p90Hours)}`, change: change((t) => t.timeToConfirm.medianHours, 'hours', 'down') },
    { label: 'First-pass confirmation', value: formatPercent(c.firstPassRate), detail: `${c.firstPass} of the ${c.confirmed} confirmed had no gap raised`, change: change((t) => t.firstPassRate, 'rate', 'up') },
    { label: 'Gaps per handoff', value: formatRatio(c.gapsPerHandoff), detail: `of the ${c.confirmed} confirmed, with ${formatRatio(c.reworkRounds)} rounds of rework each · ${c.gapsRaised} gaps raised in the period`, change: change((t) => t.gapsPerHandoff, 'count', 'down') },
    { label: 'Overdue confirmations', value: formatNumber(c.overdue), detail: `${c.overdue} of ${c.due} confirm-by dates missed (${formatPercent(c.overdueRate)})`, change: change((t) => t.overdue, 'count', 'down') },
    { label: 'Failures logged', value: formatNumber(c.failures), detail: `${formatNumber(c.failureHours)} hours to repair`, change: change((t) => t.failures, 'count', 'down') },
    { label: 'Cost of failures', value: money(c.failureCost), detail: `at ${money(m.hourlyRate)} an hour`, change: change((t) => t.failureCost, 'money', 'down') },
  ];
}

/** The period's headline figures, each with how it moved against the period before. */
export function KpiTiles({ metrics, previousLabel }: { metrics: Metrics; previousLabel: string }) {
  return (
    <section aria-labelledby="kpi-title">
      <h2 id="kpi-title" className="sr-only">
        Key figures
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {tiles(metrics).map((t) => (
          <li key={t.label} aria-label={t.label} className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-300">{t.label}</p>
            <p className="text-2xl font-semibold tabular-nums" data-kpi={t.label}>
              {t.value}
            </p>
            <p className={`text-xs font-medium ${TONE_CLASS[t.change.tone]}`}>
              <span aria-hidden="true">{ARROW[t.change.tone]} </span>
              {t.change.text} <span className="font-normal text-slate-600 dark:text-slate-400">vs {previousLabel}</span>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{t.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
