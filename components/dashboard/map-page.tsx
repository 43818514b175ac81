import { useEffect, useMemo, useRef, useState } from 'react';
import { computeFlows, type FlowRow, type Flows, type MetricFacts, type MetricsQuery } from '../../lib/metrics';
import { formatDateTime } from '../panel/format';
import { StateBadge } from '../panel/state-badge';
import { DataTable } from './chart-figure';
import { formatHours, formatMoney, formatPercent, formatRatio } from './format';
import { automatedText, flowName, HandoffMapChart, RiskChart } from './map-charts';
import { OpenInPanel, WindowIdProvider } from './open-in-panel';

const toggleClass =
  'rounded-md border px-3 py-1.5 text-sm font-medium aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:aria-pressed:border-indigo-400 dark:aria-pressed:bg-indigo-400 dark:aria-pressed:text-slate-950';

/** The handoff map: the agency's handoff points as flows, which to improve first, and the handoffs behind each. */
export function MapPage({ facts, version, query }: { facts: MetricFacts; version: number; query: MetricsQuery }) {
  const [byPeople, setByPeople] = useState(false);
  const [openKey, setOpenKey] = useState<string>();
  const flows = useMemo(() => computeFlows(facts, query, byPeople ? 'people' : 'roles'), [facts, version, query, byPeople]);
  const open = flows.flows.find((f) => f.key === openKey);
  return (
    <WindowIdProvider>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={toggleClass} aria-pressed={byPeople} onClick={() => (setByPeople((b) => !b), setOpenKey(undefined))}>
          Show people
        </button>
        <p className="text-sm text-slate-600 dark:text-slate-400">{byPeople ? 'Flows from sender to receiver.' : 'Flows between client-team roles, by the handoff’s template.'} Every figure is about the handoffs sent in the period.</p>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <HandoffMapChart flows={flows} byPeople={byPeople} />
        <RiskChart flows={flows} />
      </div>
      <FlowsTable flows={flows} byPeople={byPeople} openKey={openKey} onToggle={(key) => setOpenKey((k) => (k === key ? undefined : key))} />
      {open ? <FlowHandoffs facts={facts} flow={open} /> : null}
    </WindowIdProvider>
  );
}

function FlowsTable({ flows, byPeople, openKey, onToggle }: { flows: Flows; byPeople: boolean; openKey: string | undefined; onToggle: (key: string) => void }) {
  const money = (n: number) => formatMoney(n, flows.currency);
  const rows = flows.flows;
  return (
    <section aria-labelledby="flows-title" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id="flows-title" className="text-base font-semibold">
          Handoff flows <span className="font-normal text-slate-600 dark:text-slate-400">({rows.length})</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The flows to improve first come first. Time to confirm and first-pass rate are of the ones confirmed so far; failures are those logged against these handoffs, costed at {money(flows.hourlyRate)} an hour.
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No handoff was sent in this period.</p>
      ) : (
        // Relative: each button's screen-reader text is placed inside the scroller, which clips it (else it widens the page at 360 px).
        <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label="Handoff flows, scrolls sideways">
          <DataTable
            caption="Handoff flows"
            head={[byPeople ? 'From (sender)' : 'From role', byPeople ? 'To (receiver)' : 'To role', 'Handoffs', 'Median time to confirm', 'First-pass rate', 'Gaps per handoff', 'Failures', 'Cost', 'Automated', 'Risk × frequency', 'Handoffs behind it']}
            numeric={[2, 3, 4, 5, 6, 7, 9]}
            rows={rows.map((f) => [
              <span key="f" className="break-words">{f.from}</span>,
              <span key="t" className="break-words">{f.to}</span>,
              f.handoffs,
              formatHours(f.medianHoursToConfirm),
              formatPercent(f.firstPassRate),
              formatRatio(f.gapsPerHandoff),
              f.failures,
              money(f.failureCost),
              f.automatedBy.length ? <span key="a" className="font-medium text-emerald-800 dark:text-emerald-300">{automatedText(f)}</span> : 'No',
              money(f.score),
              <button key="s" type="button" aria-expanded={openKey === f.key} aria-controls={openKey === f.key ? 'flow-handoffs' : undefined} onClick={() => onToggle(f.key)} className="whitespace-nowrap text-brand-700 underline dark:text-indigo-300">
                Show handoffs<span className="sr-only"> {flowName(f)}</span>
              </button>,
            ])}
          />
        </div>
      )}
    </section>
  );
}

/** The handoffs behind one flow, each opening in the side panel like the dashboard's other rows. */
function FlowHandoffs({ facts, flow }: { facts: MetricFacts; flow: FlowRow }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the list is where the reader goes next.
  useEffect(() => heading.current?.focus(), [flow.key]);
  const failures = useMemo(() => {
    const count = new Map<string, number>();
    for (const f of facts.failures) if (f.handoffId) count.set(f.handoffId, (count.get(f.handoffId) ?? 0) + 1);
    return count;
  }, [facts]);
  const member = (id: string | undefined) => (id && facts.members.get(id)) || '—';
  const title = `Handoffs: ${flowName(flow)}`;
  return (
    <section id="flow-handoffs" aria-labelledby="flow-handoffs-title" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id="flow-handoffs-title" ref={heading} tabIndex={-1} className="text-base font-semibold break-words">
          {title} <span className="font-normal text-slate-600 dark:text-slate-400">({flow.handoffIds.length})</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Sent on this flow in the period, latest first. Open one in the side panel.</p>
      </div>
      <div className="relative overflow-x-auto">
        <DataTable
          caption={title}
          head={['Handoff', 'Client', 'Type', 'State', 'Sender', 'Receiver', 'Sent', 'Failures']}
          numeric={[7]}
          rows={flow.handoffIds.map((id) => {
            const h = facts.handoffs.get(id)!;
            return [
              <OpenInPanel key="h" handoffId={h.id} title={h.title} />,
              facts.clients.get(h.clientId)?.name ?? 'Unknown client',
              facts.template(h.templateId, h.templateVersion)?.name ?? h.templateId,
              <StateBadge key="s" state={h.state} />,
              member(h.senderId),
              member(h.receiverId),
              h.sentAt === undefined ? '—' : formatDateTime(new Date(h.sentAt).toISOString()),
              failures.get(h.id) ?? 0,
            ];
          })}
        />
      </div>
    </section>
  );
}
