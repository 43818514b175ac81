import type { HandoffState } from '../model/handoff';
import type { Template } from '../model/template';
import { HOUR_MS, isInFlight } from '../workflow/handoff-machine';
import { awaitsReconfirmation, type FailureCategory, type FailureFact, type HandoffFact, type MetricFacts } from './facts';
import { formatInstant } from './instant';
import type { MetricsQuery } from './query';
import { mean, median, quantile, ratio, round } from './stats';
import { addDays, daysBetween, mondayOf, startOfDay } from './time-zone';
/** Average month: the cost model speaks in months, periods come in days. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** One period's figures. Each says which handoffs it counts: the ones whose event fell in the period. */
export interface PeriodTotals {
  /** Handoffs started, first sent, confirmed, cancelled, and reassignments made, in the period. */
  created: number;
  sent: number;
  confirmed: number;
  cancelled: number;
  reassigned: number;
  /** Of the handoffs sent in the period: the mean share of required fields satisfied at send (0..1). */
  completenessAtSend: number | null;
  /** …how many were complete, and how many went out incomplete with an override reason. */
  sentComplete: number;
  overrides: number;
  /** Of the handoffs confirmed in the period: hours from first send to confirmation. */
  timeToConfirm: { medianHours: number | null; p90Hours: number | null };
  /** …the share confirmed with no gap raised, and how many. */
  firstPassRate: number | null;
  firstPass: number;
  /** …gaps raised per handoff, and rounds of gaps (rework) per handoff. */
  gapsPerHandoff: number | null;
  reworkRounds: number | null;
  /** Gaps raised in the period, on any handoff. */
  gapsRaised: number;
  /** Confirm-by dates that fell in the period (and have passed), and how many were missed. */
  due: number;
  overdue: number;
  overdueRate: number | null;
  /** Failures logged in the period, their repair hours and what those cost at the workspace's rate. */
  failures: number;
  failureHours: number;
  failureCost: number;
}

export interface SeriesPoint {
  /** First day of the bucket, in the query's zone. */
  start: string;
  confirmed: number;
  medianHours: number | null;
}

export interface Breakdown {
  key: string;
  label: string;
  count: number;
  hours: number;
  cost: number;
}

export interface OpenHandoffRow {
  id: string;
  title: string;
  clientId: string;
  clientName: string;
  templateName: string;
  state: HandoffState;
  senderName: string;
  receiverName: string;
  sentAt: string | null;
  dueBy: string | null;
  overdueHours: number;
  /** Confirmed once, then sent back by an edit of a required field: counted as confirmed, open again. */
  reconfirm: boolean;
}

export interface FailureRow {
  id: string;
  at: string;
  clientId: string;
  clientName: string;
  category: FailureCategory;
  categoryLabel: string;
  hours: number;
  cost: number;
  description: string;
  handoffId: string | null;
  handoffTitle: string | null;
  templateName: string | null;
  loggedByName: string;
}

export interface Metrics {
  query: MetricsQuery;
  period: { start: string; end: string; days: number; previousFrom: string; previousTo: string };
  currency: string;
  hourlyRate: number;
  current: PeriodTotals;
  previous: PeriodTotals;
  timeToConfirm: { bucket: 'day' | 'week' | 'month'; points: SeriesPoint[] };
  firstPassByTemplate: { templateId: string; name: string; confirmed: number; firstPass: number; rate: number | null }[];
  /** The template fields gaps were raised about in the period, most first. */
  gapsByField: { templateId: string; templateName: string; fieldId: string; label: string; gaps: number }[];
  failuresByCategory: Breakdown[];
  failuresByClient: Breakdown[];
  failuresByType: Breakdown[];
  /** Handoffs sent in the period with an override, the latest MAX_OVERRIDE_ROWS: what was missing and why they went anyway (current.overrides counts them all). */
  overrides: { handoffId: string; title: string; clientName: string; senderName: string; sentAt: string; reason: string; missing: string[] }[];
  /** Handoffs waiting on someone now (not period-bound), most overdue first. */
  open: OpenHandoffRow[];
  failures: FailureRow[];
  /** DOMAIN.md's cost model on the period's own figures: accounts × failures per account per month × hours × rate. */
  projection: { accounts: number; failuresPerAccountPerMonth: number; hoursPerFailure: number; monthlyHours: number; monthlyCost: number; annualCost: number };
}

/** Reasons enough to read for a pattern; the count of overrides is in the totals. */
export const MAX_OVERRIDE_ROWS = 200;

export const CATEGORY_LABELS: Record<FailureCategory, string> = {
  missing_context: 'Missing context',
  wrong_expectations: 'Wrong expectations',
  missed_deadline: 'Missed deadline',
  duplicated_work: 'Duplicated work',
  client_complaint: 'Client complaint',
  other: 'Other',
};

const iso = formatInstant;
const rounded = (n: number | null, digits = 4) => (n === null ? null : round(n, digits));
const inRange = (ms: number | undefined, start: number, end: number): ms is number => ms !== undefined && ms >= start && ms < end;

/**
 * Hours from a handoff's first send to its confirmation; undefined when it has not been both. Never
 * negative: the hub refuses a confirmation dated before its send beyond the clocks' tolerance, and
 * what the tolerance lets through (or a log written before that rule) counts as confirmed at once.
 * The one place a duration is measured: the dashboard and its spreadsheet read it from here.
 */
export function hoursToConfirm(h: Pick<HandoffFact, 'sentAt' | 'confirmedAt'>): number | undefined {
  if (h.sentAt === undefined || h.confirmedAt === undefined) return undefined;
  return Math.max(0, h.confirmedAt - h.sentAt) / HOUR_MS;
}

/**
 * Every figure of the manager's view, for the query's period and the one of equal length before it.
 * Pure: the same facts, query and `now` give the same answer in the extension and on the hub.
 */
export function computeMetrics(facts: MetricFacts, query: MetricsQuery, now: number): Metrics {
  const days = daysBetween(query.from, query.to) + 1;
  const start = startOfDay(query.from, query.timeZone);
  const end = startOfDay(addDays(query.to, 1), query.timeZone);
  const previousFrom = addDays(query.from, -days);
  const previousTo = addDays(query.from, -1);
  const previousStart = startOfDay(previousFrom, query.timeZone);

  const handoffs = [...facts.handoffs.values()].filter((h) => matchesHandoff(h, query));
  const failures = facts.failures.filter((f) => matchesFailure(facts, f, query));
  const names = namesOf(facts);
  const cost = (hours: number) => round(hours * facts.hourlyRate, 2);

  const current = totals(handoffs, failures, start, end, now, cost);
  const confirmed = handoffs.filter((h) => inRange(h.confirmedAt, start, end) && h.sentAt !== undefined);
  const periodFailures = failures.filter((f) => inRange(f.at, start, end)).sort((a, b) => b.at - a.at);
  const breakdown = (keyOf: (f: FailureFact) => string, labelOf: (key: string) => string) => failureBreakdown(periodFailures, keyOf, labelOf, cost);
  const handoffOf = (f: FailureFact) => (f.handoffId ? facts.handoffs.get(f.handoffId) : undefined);

  return {
    query,
    period: { start: iso(start), end: iso(end), days, previousFrom, previousTo },
    currency: facts.currency,
    hourlyRate: facts.hourlyRate,
    current,
    previous: totals(handoffs, failures, previousStart, start, now, cost),
    timeToConfirm: series(confirmed, query, days),
    firstPassByTemplate: firstPassByTemplate(confirmed, names),
    gapsByField: gapsByField(handoffs, start, end, names),
    failuresByCategory: breakdown((f) => f.category, (k) => CATEGORY_LABELS[k as FailureCategory] ?? k),
    failuresByClient: breakdown((f) => f.clientId, names.client),
    failuresByType: breakdown((f) => handoffOf(f)?.templateId ?? '', (k) => (k ? names.template(k) : 'Not linked to a handoff')),
    overrides: overrideRows(handoffs, start, end, names),
    open: openRows(handoffs, now, names),
    failures: periodFailures.map((f) => failureRow(f, handoffOf(f), names, cost)),
    projection: projection(facts, query, current, days),
  };
}

/** How rows name what they show. Thousands of rows name a handful of templates: each is looked up, and its labels indexed, once. */
interface Names {
  member: (id: string | undefined) => string;
  client: (id: string) => string;
  /** The template's name in that version (the latest without one); its id when it is unknown. */
  template: (id: string, version?: number) => string;
  field: (templateId: string, version: number | undefined, fieldId: string) => string;
  knowsTemplate: (id: string, version: number) => boolean;
}

function namesOf(facts: MetricFacts): Names {
  const templates = new Map<string, Map<number, { template: Template | undefined; labels: Map<string, string> }>>();
  const templateOf = (id: string, version?: number) => {
    let versions = templates.get(id);
    if (!versions) templates.set(id, (versions = new Map()));
    let entry = versions.get(version ?? 0);
    if (!entry) {
      const template = facts.template(id, version);
      entry = { template, labels: new Map(template?.fields.map((f) => [f.id, f.label])) };
      versions.set(version ?? 0, entry);
    }
    return entry;
  };
  return {
    member: (id) => (id && facts.members.get(id)) || '—',
    client: (id) => facts.clients.get(id)?.name ?? 'Unknown client',
    template: (id, version) => templateOf(id, version).template?.name ?? id,
    field: (id, version, fieldId) => templateOf(id, version).labels.get(fieldId) ?? fieldId,
    knowsTemplate: (id, version) => templateOf(id, version).template !== undefined,
  };
}

function firstPassByTemplate(confirmed: HandoffFact[], names: Names): Metrics['firstPassByTemplate'] {
  const byTemplate = new Map<string, { confirmed: number; firstPass: number }>();
  for (const h of confirmed) {
    const t = byTemplate.get(h.templateId) ?? { confirmed: 0, firstPass: 0 };
    t.confirmed += 1;
    if (h.gapRounds === 0) t.firstPass += 1;
    byTemplate.set(h.templateId, t);
  }
  return [...byTemplate.entries()]
    .map(([templateId, t]) => ({ templateId, name: names.template(templateId), confirmed: t.confirmed, firstPass: t.firstPass, rate: rounded(ratio(t.firstPass, t.confirmed)) }))
    .sort((a, b) => b.confirmed - a.confirmed || a.name.localeCompare(b.name));
}

function gapsByField(handoffs: HandoffFact[], start: number, end: number, names: Names): Metrics['gapsByField'] {
  // Template → field → count: no key strings built per gap.
  const fieldGaps = new Map<string, Map<string, { templateId: string; version: number; fieldId: string; gaps: number }>>();
  for (const h of handoffs) {
    for (const gap of h.gaps) {
      // A withdrawn question was answered by the handoff itself: it counts among the gaps raised, not against its field.
      if (!inRange(gap.raisedAt, start, end) || gap.withdrawnAt !== undefined) continue;
      let fields = fieldGaps.get(h.templateId);
      if (!fields) fieldGaps.set(h.templateId, (fields = new Map()));
      for (const fieldId of gap.fieldIds) {
        let entry = fields.get(fieldId);
        if (!entry) fields.set(fieldId, (entry = { templateId: h.templateId, version: h.templateVersion, fieldId, gaps: 0 }));
        entry.gaps += 1;
        if (h.templateVersion > entry.version) entry.version = h.templateVersion;
      }
    }
  }
  return [...fieldGaps.values()]
    .flatMap((fields) => [...fields.values()])
    .map((g) => {
      const version = names.knowsTemplate(g.templateId, g.version) ? g.version : undefined;
      return { templateId: g.templateId, templateName: names.template(g.templateId, version), fieldId: g.fieldId, label: names.field(g.templateId, version, g.fieldId), gaps: g.gaps };
    })
    .sort((a, b) => b.gaps - a.gaps || a.templateName.localeCompare(b.templateName) || a.label.localeCompare(b.label));
}

function failureBreakdown(periodFailures: FailureFact[], keyOf: (f: FailureFact) => string, labelOf: (key: string) => string, cost: (hours: number) => number): Breakdown[] {
  const groups = new Map<string, Breakdown>();
  for (const f of periodFailures) {
    const key = keyOf(f);
    const g = groups.get(key) ?? { key, label: labelOf(key), count: 0, hours: 0, cost: 0 };
    g.count += 1;
    g.hours = round(g.hours + f.hours, 2);
    g.cost = cost(g.hours);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.hours - a.hours || b.count - a.count || a.label.localeCompare(b.label));
}

function overrideRows(handoffs: HandoffFact[], start: number, end: number, names: Names): Metrics['overrides'] {
  return handoffs
    .filter((h) => inRange(h.sentAt, start, end) && h.overrideReason !== undefined)
    .sort((a, b) => b.sentAt! - a.sentAt!)
    .slice(0, MAX_OVERRIDE_ROWS)
    .map((h) => ({
      handoffId: h.id,
      title: h.title,
      clientName: names.client(h.clientId),
      senderName: names.member(h.senderId),
      sentAt: iso(h.sentAt!),
      reason: h.overrideReason!,
      missing: (h.completeness?.missing ?? []).map((id) => names.field(h.templateId, h.templateVersion, id)),
    }));
}

/** Handoffs in flight now, most overdue first. */
function openRows(handoffs: HandoffFact[], now: number, names: Names): OpenHandoffRow[] {
  return handoffs
    .filter((h) => h.sentAt !== undefined && isInFlight(h.state))
    .map((h): OpenHandoffRow => {
      const due = h.deadlines.at(-1)?.due;
      return {
        id: h.id,
        title: h.title,
        clientId: h.clientId,
        clientName: names.client(h.clientId),
        templateName: names.template(h.templateId, h.templateVersion),
        state: h.state,
        senderName: names.member(h.senderId),
        receiverName: names.member(h.receiverId),
        sentAt: h.sentAt === undefined ? null : iso(h.sentAt),
        dueBy: due === undefined ? null : iso(due),
        overdueHours: due !== undefined && now > due ? round((now - due) / HOUR_MS, 1) : 0,
        reconfirm: awaitsReconfirmation(h),
      };
    })
    .sort((a, b) => b.overdueHours - a.overdueHours || (a.dueBy ?? '').localeCompare(b.dueBy ?? ''));
}

function failureRow(f: FailureFact, handoff: HandoffFact | undefined, names: Names, cost: (hours: number) => number): FailureRow {
  return {
    id: f.id,
    at: iso(f.at),
    clientId: f.clientId,
    clientName: names.client(f.clientId),
    category: f.category,
    categoryLabel: CATEGORY_LABELS[f.category],
    hours: f.hours,
    cost: cost(f.hours),
    description: f.description,
    handoffId: handoff?.id ?? null,
    handoffTitle: handoff?.title ?? null,
    templateName: handoff ? names.template(handoff.templateId, handoff.templateVersion) : null,
    loggedByName: names.member(f.loggedBy),
  };
}

/** DOMAIN.md's cost model on the period's own figures. */
function projection(facts: MetricFacts, query: MetricsQuery, current: PeriodTotals, days: number): Metrics['projection'] {
  const accounts = query.clientId ? 1 : [...facts.clients.values()].filter((c) => !c.archived).length;
  const months = days / DAYS_PER_MONTH;
  const hoursPerFailure = current.failures === 0 ? 0 : current.failureHours / current.failures;
  const failuresPerAccountPerMonth = accounts === 0 ? 0 : current.failures / accounts / months;
  const monthlyHours = accounts * failuresPerAccountPerMonth * hoursPerFailure;
  return {
    accounts,
    failuresPerAccountPerMonth: round(failuresPerAccountPerMonth),
    hoursPerFailure: round(hoursPerFailure, 2),
    monthlyHours: round(monthlyHours, 1),
    monthlyCost: round(monthlyHours * facts.hourlyRate, 0),
    annualCost: round(monthlyHours * facts.hourlyRate * 12, 0),
  };
}

export function matchesHandoff(h: HandoffFact, q: MetricsQuery): boolean {
  if (q.clientId && h.clientId !== q.clientId) return false;
  if (q.templateId && h.templateId !== q.templateId) return false;
  if (q.personId && h.senderId !== q.personId && !h.receiverIds.includes(q.personId) && h.receiverId !== q.personId) return false;
  return true;
}

/** A failure belongs to a client, and through its handoff (if any) to a type and the people on it. */
export function matchesFailure(facts: MetricFacts, f: FailureFact, q: MetricsQuery): boolean {
  if (q.clientId && f.clientId !== q.clientId) return false;
  const handoff = f.handoffId ? facts.handoffs.get(f.handoffId) : undefined;
  if (q.templateId && handoff?.templateId !== q.templateId) return false;
  if (q.personId && f.loggedBy !== q.personId && !(handoff && matchesHandoff(handoff, { ...q, clientId: undefined, templateId: undefined }))) return false;
  return true;
}

function totals(handoffs: HandoffFact[], failures: FailureFact[], start: number, end: number, now: number, cost: (hours: number) => number): PeriodTotals {
  let created = 0;
  let cancelled = 0;
  let reassigned = 0;
  let gapsRaised = 0;
  let due = 0;
  let overdue = 0;
  const sent: HandoffFact[] = [];
  const confirmed: HandoffFact[] = [];
  for (const h of handoffs) {
    if (inRange(h.createdAt, start, end)) created += 1;
    if (inRange(h.sentAt, start, end)) sent.push(h);
    if (inRange(h.confirmedAt, start, end) && h.sentAt !== undefined) confirmed.push(h);
    if (inRange(h.cancelledAt, start, end)) cancelled += 1;
    for (const at of h.reassignedAt) if (inRange(at, start, end)) reassigned += 1;
    for (const gap of h.gaps) if (inRange(gap.raisedAt, start, end)) gapsRaised += 1;
    // A deadline counts once it has passed; it is missed when it passed before the handoff was
    // confirmed, reassigned or cancelled. A handoff counts once however many deadlines it had.
    let passed = false;
    let missed = false;
    for (const d of h.deadlines) {
      if (!inRange(d.due, start, end) || d.due >= now) continue;
      passed = true;
      if (Math.min(d.endedAt ?? now, now) > d.due) missed = true;
    }
    if (passed) due += 1;
    if (missed) overdue += 1;
  }
  const waits = confirmed.map((h) => hoursToConfirm(h)!);
  const firstPass = confirmed.filter((h) => h.gapRounds === 0).length;
  const shares = sent.map((h) => (h.completeness && h.completeness.required > 0 ? h.completeness.satisfied / h.completeness.required : 1));
  const periodFailures = failures.filter((f) => inRange(f.at, start, end));
  const failureHours = round(periodFailures.reduce((sum, f) => sum + f.hours, 0), 2);
  const r = rounded;
  return {
    created,
    sent: sent.length,
    confirmed: confirmed.length,
    cancelled,
    reassigned,
    completenessAtSend: r(mean(shares)),
    sentComplete: sent.filter((h) => !h.completeness || h.completeness.missing.length === 0).length,
    overrides: sent.filter((h) => h.overrideReason !== undefined).length,
    timeToConfirm: { medianHours: r(median(waits), 2), p90Hours: r(quantile(waits, 0.9), 2) },
    firstPassRate: r(ratio(firstPass, confirmed.length)),
    firstPass,
    gapsPerHandoff: r(mean(confirmed.map((h) => h.gaps.length))),
    reworkRounds: r(mean(confirmed.map((h) => h.gapRounds))),
    gapsRaised,
    due,
    overdue,
    overdueRate: r(ratio(overdue, due)),
    failures: periodFailures.length,
    failureHours,
    failureCost: cost(failureHours),
  };
}

/** Median time to confirm per day (periods up to 31 days), week (up to 26 weeks) or month. */
function series(confirmed: HandoffFact[], q: MetricsQuery, days: number): Metrics['timeToConfirm'] {
  const bucket = days <= 31 ? 'day' : days <= 26 * 7 ? 'week' : 'month';
  const starts: string[] = [];
  const first = bucket === 'day' ? q.from : bucket === 'week' ? mondayOf(q.from) : `${q.from.slice(0, 7)}-01`;
  for (let d = first; d <= q.to; d = bucket === 'day' ? addDays(d, 1) : bucket === 'week' ? addDays(d, 7) : nextMonth(d)) starts.push(d);
  const edges = starts.map((d) => startOfDay(d, q.timeZone));
  const waits: number[][] = starts.map(() => []);
  for (const h of confirmed) {
    // The last bucket starting at or before the confirmation.
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid]! <= h.confirmedAt!) lo = mid;
      else hi = mid - 1;
    }
    waits[lo]?.push(hoursToConfirm(h)!);
  }
  return {
    bucket,
    points: starts.map((start, i) => {
      const m = median(waits[i] ?? []);
      return { start, confirmed: waits[i]?.length ?? 0, medianHours: m === null ? null : round(m, 2) };
    }),
  };
}

function nextMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

