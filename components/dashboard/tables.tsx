import { useState, type ReactNode } from 'react';
import type { Metrics } from '../../lib/metrics';
import { StateBadge } from '../panel/state-badge';
import { formatDateTime } from '../panel/format';
import { Button } from '../button';
import { DataTable } from './chart-figure';
import { formatHours, formatMoney, formatNumber } from './format';
import { OpenInPanel } from './open-in-panel';

const PAGE = 25;

function TableSection({ id, title, description, count, children }: { id: string; title: string; description: string; count: number; children: (limit: number) => ReactNode }) {
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title} <span className="font-normal text-slate-600 dark:text-slate-400">({count})</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </div>
      <div className="overflow-x-auto">{children(all ? count : PAGE)}</div>
      {count > PAGE ? (
        <div>
          <Button variant="secondary" onClick={() => setAll((a) => !a)} aria-expanded={all}>
            {all ? `Show the first ${PAGE}` : `Show all ${count}`}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

export function OpenHandoffsTable({ metrics }: { metrics: Metrics }) {
  const rows = metrics.open;
  const overdue = rows.filter((r) => r.overdueHours > 0).length;
  return (
    <TableSection id="open-handoffs" title="Open and overdue handoffs" description={`Sent and waiting on someone now, most overdue first: ${overdue} overdue. The sender owns completeness; the receiver owes the confirmation.`} count={rows.length}>
      {(limit) =>
        rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing is waiting: every handoff sent is confirmed or cancelled.</p>
        ) : (
          <DataTable
            caption="Open and overdue handoffs"
            head={['Handoff', 'Client', 'Type', 'State', 'Owner (sender)', 'Receiver', 'Confirm by', 'Overdue']}
            numeric={[7]}
            rows={rows.slice(0, limit).map((r) => [
              <OpenInPanel key="h" handoffId={r.id} title={r.title} />,
              r.clientName,
              r.templateName,
              // Confirmed once, sent back by an edit: counted as confirmed, and waiting on its receiver again.
              r.reconfirm ? (
                <span key="s">
                  <StateBadge state={r.state} /> · confirm again
                </span>
              ) : (
                <StateBadge key="s" state={r.state} />
              ),
              r.senderName,
              r.receiverName,
              r.dueBy ? formatDateTime(r.dueBy) : '—',
              r.overdueHours > 0 ? <span className="font-medium text-red-700 dark:text-red-300">{formatHours(r.overdueHours)}</span> : 'no',
            ])}
          />
        )
      }
    </TableSection>
  );
}

export function FailuresTable({ metrics }: { metrics: Metrics }) {
  const rows = metrics.failures;
  return (
    <TableSection id="failures" title="Failures" description="What broke after a handoff in the period, newest first, with the hours it took to repair." count={rows.length}>
      {(limit) =>
        rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No failure was logged in this period. Log one from the side panel when a handoff goes wrong.</p>
        ) : (
          <DataTable
            caption="Failures"
            head={['Logged', 'Client', 'Category', 'Hours', 'Cost', 'What happened', 'Handoff', 'Logged by']}
            numeric={[3, 4]}
            rows={rows.slice(0, limit).map((r) => [formatDateTime(r.at), r.clientName, r.categoryLabel, formatNumber(r.hours), formatMoney(r.cost, metrics.currency), r.description, r.handoffId ? <OpenInPanel key="h" handoffId={r.handoffId} title={r.handoffTitle ?? 'Open handoff'} /> : '—', r.loggedByName])}
          />
        )
      }
    </TableSection>
  );
}

export function OverridesTable({ metrics }: { metrics: Metrics }) {
  const rows = metrics.overrides;
  const total = metrics.current.overrides;
  const latest = total > rows.length ? ` The latest ${rows.length} of ${total} are listed.` : '';
  return (
    <TableSection id="overrides" title="Sent incomplete" description={`Handoffs sent in the period with required content missing, and the reason the sender gave.${latest}`} count={rows.length}>
      {(limit) =>
        rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Every handoff sent in this period was complete.</p>
        ) : (
          <DataTable
            caption="Sent incomplete"
            head={['Sent', 'Handoff', 'Client', 'Sender', 'Missing', 'Reason']}
            rows={rows.slice(0, limit).map((r) => [formatDateTime(r.sentAt), r.title, r.clientName, r.senderName, r.missing.join(', '), r.reason])}
          />
        )
      }
    </TableSection>
  );
}

/** DOMAIN.md's cost model, on the period's own figures. */
export function CostProjection({ metrics }: { metrics: Metrics }) {
  const p = metrics.projection;
  const money = (n: number) => formatMoney(n, metrics.currency);
  return (
    <section aria-labelledby="projection-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <h2 id="projection-title" className="text-base font-semibold">
        What failures cost at this rate
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Repair hours are priced at the agency’s loaded cost of an hour, {money(metrics.hourlyRate)} (
        <a href="/options.html#cost" className="text-brand-700 underline dark:text-indigo-300">
          change it in the settings
        </a>
        ).
      </p>
      {metrics.current.failures === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No failure was logged in this period, so there is nothing to project.</p>
      ) : (
        <>
          <p className="text-sm">
            {formatNumber(p.accounts)} {p.accounts === 1 ? 'account' : 'accounts'} × {p.failuresPerAccountPerMonth.toFixed(2)} failures per account a month × {formatNumber(p.hoursPerFailure)} hours each × {money(metrics.hourlyRate)} an hour
          </p>
          <p className="text-sm">
            = <strong className="text-lg tabular-nums">{formatNumber(p.monthlyHours)} unbillable hours</strong> and <strong className="text-lg tabular-nums">{money(p.monthlyCost)}</strong> a month,{' '}
            <strong className="text-lg tabular-nums">{money(p.annualCost)}</strong> a year, before lost renewals.
          </p>
        </>
      )}
    </section>
  );
}

/** Failures by client and by handoff type: where the repairs go. */
export function FailureBreakdowns({ metrics }: { metrics: Metrics }) {
  const money = (n: number) => formatMoney(n, metrics.currency);
  const groups: [title: string, rows: Metrics['failuresByClient']][] = [
    ['Failures by client', metrics.failuresByClient],
    ['Failures by handoff type', metrics.failuresByType],
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {groups.map(([title, rows]) => (
        <TableSection key={title} id={title.toLowerCase().replace(/\W+/g, '-')} title={title} description="Repair hours and their cost in the period, most first." count={rows.length}>
          {(limit) =>
            rows.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No failure was logged in this period.</p>
            ) : (
              <DataTable caption={title} head={[title.endsWith('client') ? 'Client' : 'Handoff type', 'Failures', 'Hours', 'Cost']} numeric={[1, 2, 3]} rows={rows.slice(0, limit).map((r) => [r.label, r.count, formatNumber(r.hours), money(r.cost)])} />
            )
          }
        </TableSection>
      ))}
    </div>
  );
}
