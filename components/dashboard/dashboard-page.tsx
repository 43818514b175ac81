import { useEffect, useMemo, useState } from 'react';
import { computeMetrics, MetricsQuerySchema, type MetricFacts, type MetricsQuery } from '../../lib/metrics';
import { failure, type Result, succeed } from '../../lib/result';
import { BUILT_IN_TEMPLATES } from '../../lib/templates';
import { AppHeader } from '../app-header';
import { ErrorAlert } from '../error-alert';
import { FailuresChart, FirstPassChart, GapsByFieldChart, TimeToConfirmChart } from './charts';
import { ExportButtons } from './export-buttons';
import { Filters, type FilterOptions, type FilterValues } from './filters';
import { formatDay } from './format';
import { KpiTiles } from './kpi-tiles';
import { MapPage } from './map-page';
import { browserTimeZone, PERIOD_PRESETS } from './period';
import { WindowIdProvider } from './open-in-panel';
import { ReviewPage } from './review-page';
import { CostProjection, FailureBreakdowns, FailuresTable, OpenHandoffsTable, OverridesTable } from './tables';
import { useDashboardParams, useRoute } from './use-dashboard-params';
import { useMetricFacts } from './use-facts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function filterOptions(facts: MetricFacts): FilterOptions {
  const templateIds = new Set([...BUILT_IN_TEMPLATES, ...facts.templates].map((t) => t.id));
  return {
    clients: [...facts.clients.entries()].filter(([, c]) => !c.archived).map(([id, c]) => ({ id, name: c.name })).sort(byName),
    templates: [...templateIds].map((id) => ({ id, name: facts.template(id)?.name ?? id })).sort(byName),
    people: [...facts.members.entries()].map(([id, name]) => ({ id, name })).sort(byName),
  };
}

/** The query the filters describe, or why it cannot run (custom dates out of order). */
function toQuery(values: FilterValues, timeZone: string): Result<MetricsQuery> {
  const parsed = MetricsQuerySchema.safeParse({
    from: values.from,
    to: values.to,
    timeZone,
    ...(values.clientId ? { clientId: values.clientId } : {}),
    ...(values.templateId ? { templateId: values.templateId } : {}),
    ...(values.personId ? { personId: values.personId } : {}),
  });
  if (parsed.success) return succeed(parsed.data);
  return failure('invalid', `Choose a period whose first day comes before its last: ${parsed.error.issues[0]?.message ?? 'invalid dates'}.`);
}

/** Overdue is measured against now: the view moves on by itself while it stays open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function DashboardPage() {
  const state = useMetricFacts();
  const route = useRoute();
  const timeZone = useMemo(browserTimeZone, []);
  const now = useNow(60_000);
  const [values, setValues] = useDashboardParams(now, timeZone);
  const query = useMemo(() => toQuery(values, timeZone), [values, timeZone]);
  const version = state.status === 'ready' ? state.version : 0;
  const facts = state.status === 'ready' ? state.facts : undefined;
  const options = useMemo(() => (facts ? filterOptions(facts) : undefined), [facts, version]);
  const metrics = useMemo(() => {
    if (!facts || !query.ok) return undefined;
    const computed = computeMetrics(facts, query.data, now);
    // Milestones the benchmark reads; nothing else depends on them.
    performance.mark('baton:metrics-computed');
    return computed;
  }, [facts, version, query, now]);

  const title = route.view === 'review' ? 'Template review' : route.view === 'map' ? 'Map' : 'Handoff health';
  useEffect(() => {
    document.title = `${title} · Baton`;
  }, [title]);

  const previousLabel = metrics ? `${formatDay(metrics.period.previousFrom)} – ${formatDay(metrics.period.previousTo)}` : '';
  const periodLabel = values.period === 'custom' ? `${formatDay(values.from, true)} – ${formatDay(values.to, true)}` : PERIOD_PRESETS[values.period];

  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <AppHeader>
        <nav aria-label="Baton pages" className="flex gap-4 text-sm">
          <a href="#" className="text-brand-700 hover:underline dark:text-indigo-300" aria-current={route.view === 'dashboard' ? 'page' : undefined}>
            Dashboard
          </a>
          <a href="/options.html" className="text-brand-700 hover:underline dark:text-indigo-300">
            Settings
          </a>
        </nav>
      </AppHeader>
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-6 py-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {route.view === 'review' ? 'Which fields receivers ask about, and the template to improve.' : route.view === 'map' ? `Every handoff point of the agency in ${periodLabel.toLowerCase()}, and which protocol to improve first.` : `How handoffs went in ${periodLabel.toLowerCase()}: how complete, how fast, where they broke and what it cost.`}
            </p>
          </div>
          {facts && query.ok && route.view === 'dashboard' && metrics ? <ExportButtons facts={facts} query={query.data} metrics={metrics} now={now} /> : null}
        </div>
        <ViewLinks view={route.view} />
        {options ? <Filters values={route.view === 'review' ? { ...values, templateId: route.templateId } : values} options={options} timeZone={timeZone} onChange={route.view === 'review' ? reviewFilter(setValues) : setValues} /> : null}
        <ErrorAlert message={state.status === 'error' ? state.message : state.status === 'ready' ? state.error : undefined} />
        <ErrorAlert message={query.ok ? undefined : query.problem.message} />
        {state.status === 'loading' ? (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Reading the handoff log…
          </p>
        ) : null}
        {facts && query.ok && route.view === 'map' ? <MapPage facts={facts} version={version} query={query.data} /> : null}
        {facts && query.ok && route.view === 'review' ? <ReviewPage facts={facts} version={version} query={query.data} templateId={route.templateId} /> : null}
        {metrics && route.view === 'dashboard' ? (
          <WindowIdProvider>
            <KpiTiles metrics={metrics} previousLabel={previousLabel} />
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <TimeToConfirmChart metrics={metrics} />
              <FirstPassChart metrics={metrics} reviewHref={reviewHref} />
              <GapsByFieldChart metrics={metrics} reviewHref={reviewHref} />
              <FailuresChart metrics={metrics} />
            </div>
            <CostProjection metrics={metrics} />
            <OpenHandoffsTable metrics={metrics} />
            <FailuresTable metrics={metrics} />
            <FailureBreakdowns metrics={metrics} />
            <OverridesTable metrics={metrics} />
          </WindowIdProvider>
        ) : null}
      </main>
    </div>
  );
}

/** The dashboard's views, side by side (the template review opens from a template's name). */
function ViewLinks({ view }: { view: string }) {
  const link = (href: string, name: string, current: boolean) => (
    <a href={href} aria-current={current ? 'page' : undefined} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white dark:text-indigo-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-400 dark:aria-[current=page]:text-slate-950">
      {name}
    </a>
  );
  return (
    <nav aria-label="Dashboard views" className="flex flex-wrap gap-2">
      {link('#', 'Handoff health', view === 'dashboard')}
      {link('#map', 'Map', view === 'map')}
    </nav>
  );
}

const reviewHref = (templateId: string) => `#review/${encodeURIComponent(templateId)}`;

/** On a review, the handoff type is the template reviewed: picking another reviews that one, "All types" goes back to the dashboard. */
function reviewFilter(setValues: (patch: Partial<FilterValues>) => void) {
  return ({ templateId, ...patch }: Partial<FilterValues>) => {
    if (templateId !== undefined) location.hash = templateId ? reviewHref(templateId) : '';
    if (Object.keys(patch).length > 0) setValues(patch);
  };
}
