// Bundled as an IIFE and run in a plain Chromium page by scripts/bench.mjs: the manager's metrics at
// agency scale. The page generates the benchmark agency's log (100,000 events, 500 of them failures, as
// the dashboard's benchmark seeds: bench/store-data.ts),
// then times folding it into facts (collectFacts) and computing every figure for a 90-day period
// (computeMetrics), cold (the first run in a fresh page, before the JIT has seen the code) and warm;
// then a warm recompute for one client, as when a manager changes a filter.
import { addDays, collectFacts, computeMetrics, MetricsQuerySchema, type MetricFacts, type MetricsQuery } from '../lib/metrics';
import { agencyLog, DASHBOARD_FAILURES } from './store-data';

const DAY = 86_400_000;

export interface MetricsRun {
  foldMs: number;
  computeMs: number;
  totalMs: number;
}

export interface MetricsPageResult {
  events: number;
  logSpan: { first: string; last: string; days: number };
  query: MetricsQuery;
  now: string;
  generateMs: number;
  runs: MetricsRun[];
  clientQuery: MetricsQuery;
  clientRecomputeMs: number[];
  /** Enough of the answer to show the computation did real work. */
  shape: { handoffs: number; failures: number; sent: number; confirmed: number; open: number; clientSent: number };
}

let state: { events: unknown[]; query: MetricsQuery; clientQuery: MetricsQuery; now: number; facts?: MetricFacts } | undefined;

/** Generates the log and settles the query; kept apart so the timed runs see only the metrics. */
function prepare(): Omit<MetricsPageResult, 'runs' | 'clientQuery' | 'clientRecomputeMs' | 'shape'> {
  const start = performance.now();
  const events = agencyLog(undefined, { failures: DASHBOARD_FAILURES });
  const generateMs = performance.now() - start;
  const first = events[0]!.at;
  const last = events.at(-1)!.at;
  // The 90 calendar days that cover the log (it spans about 70), in the manager's zone; `now` just
  // after the last event, so open handoffs and overdue confirm-by dates are measured as of then.
  const from = first.slice(0, 10);
  const query = MetricsQuerySchema.parse({ from, to: addDays(from, 89), timeZone: 'Europe/London' });
  const clientQuery = MetricsQuerySchema.parse({ ...query, clientId: 'c0' });
  const now = Date.parse(last) + 3_600_000;
  state = { events, query, clientQuery, now };
  return {
    events: events.length,
    logSpan: { first, last, days: Number(((Date.parse(last) - Date.parse(first)) / DAY).toFixed(1)) },
    query,
    now: new Date(now).toISOString(),
    generateMs,
  };
}

/** One fold + compute over the whole log. */
function runOnce(): MetricsRun {
  if (!state) throw new Error('prepare() first');
  const t0 = performance.now();
  const facts = collectFacts(state.events);
  const t1 = performance.now();
  computeMetrics(facts, state.query, state.now);
  const t2 = performance.now();
  state.facts = facts;
  return { foldMs: t1 - t0, computeMs: t2 - t1, totalMs: t2 - t0 };
}

/** computeMetrics alone on the facts already folded, for one client: a filter change. */
function recomputeForClient(): number {
  if (!state?.facts) throw new Error('runOnce() first');
  const t0 = performance.now();
  computeMetrics(state.facts, state.clientQuery, state.now);
  return performance.now() - t0;
}

function run(warmRuns: number, clientRuns: number): MetricsPageResult {
  const prepared = prepare();
  const runs = [runOnce()];
  for (let i = 0; i < warmRuns; i++) runs.push(runOnce());
  const clientRecomputeMs: number[] = [];
  for (let i = 0; i < clientRuns; i++) clientRecomputeMs.push(recomputeForClient());
  const { facts, query, clientQuery, now } = state!;
  const all = computeMetrics(facts!, query, now);
  const one = computeMetrics(facts!, clientQuery, now);
  return {
    ...prepared,
    runs,
    clientQuery,
    clientRecomputeMs,
    shape: { handoffs: facts!.handoffs.size, failures: facts!.failures.length, sent: all.current.sent, confirmed: all.current.confirmed, open: all.open.length, clientSent: one.current.sent },
  };
}

// Separate steps too, so the bench can profile a cold run without the log's generation in it.
(globalThis as unknown as { BatonMetricsBench: unknown }).BatonMetricsBench = { run, prepare, runOnce, recomputeForClient };
