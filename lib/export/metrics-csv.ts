// The manager's view as spreadsheets: the handoffs behind the figures, and the failures logged.
import { hoursToConfirm, matchesHandoff, type FailureRow, type HandoffFact, type MetricFacts, type MetricsQuery } from '../metrics';
import { round } from '../metrics/stats';
import { awaitsReconfirmation } from '../metrics/facts';
import { addDays, startOfDay } from '../metrics/time-zone';
import { toCsv } from './csv';

export const HANDOFF_COLUMNS = [
  'id',
  'title',
  'client',
  'type',
  'state',
  'sender',
  'receiver',
  'created_at',
  'sent_at',
  'confirmed_at',
  'cancelled_at',
  'confirm_by',
  'overdue',
  'hours_to_confirm',
  'completeness_at_send',
  'missing_at_send',
  'override_reason',
  'gap_rounds',
  'gaps',
  'reassignments',
] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
const inRange = (ms: number | undefined, start: number, end: number) => ms !== undefined && ms >= start && ms < end;
const before = (ms: number | undefined, end: number) => ms !== undefined && ms < end;

/**
 * Whether the handoff was active in [start, end): started, sent, confirmed or cancelled then, or
 * sent before the end and still waiting on someone at the end (drafts nobody sent are not waiting; a
 * handoff confirmed and then sent back by an edit waits again).
 */
function activeIn(h: HandoffFact, start: number, end: number): boolean {
  if ([h.createdAt, h.sentAt, h.confirmedAt, h.cancelledAt].some((ms) => inRange(ms, start, end))) return true;
  return before(h.sentAt, end) && (!before(h.confirmedAt, end) || awaitsReconfirmation(h)) && !before(h.cancelledAt, end);
}

/**
 * Whether a confirm-by date was missed as of `now`: one passed before the handoff was confirmed,
 * reassigned or cancelled, or passed and it still waits (the metrics' rule, over the handoff's life).
 */
function wasOverdue(h: HandoffFact, now: number): boolean {
  return h.deadlines.some((d) => d.due < now && Math.min(d.endedAt ?? now, now) > d.due);
}

/**
 * One row per handoff the query's filters (client, type, person) select that was active in its
 * period: started, sent, confirmed or cancelled in it, or still open at its end. Oldest first.
 * Times are ISO 8601 UTC; `state` and the counts are as the facts stand now, `overdue` at `now`.
 */
export function handoffsCsv(facts: MetricFacts, query: MetricsQuery, now: number): string {
  const start = startOfDay(query.from, query.timeZone);
  const end = startOfDay(addDays(query.to, 1), query.timeZone);
  const person = (id: string | undefined) => (id ? (facts.members.get(id) ?? id) : '');
  const rows = [...facts.handoffs.values()]
    .filter((h) => matchesHandoff(h, query) && activeIn(h, start, end))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((h): string[] => {
      const template = facts.template(h.templateId, h.templateVersion);
      const c = h.completeness;
      const share = c ? (c.required > 0 ? c.satisfied / c.required : 1) : undefined;
      const confirmHours = hoursToConfirm(h);
      const labels = (c?.missing ?? []).map((id) => template?.fields.find((f) => f.id === id)?.label ?? id);
      return [
        h.id,
        h.title,
        facts.clients.get(h.clientId)?.name ?? 'Unknown client',
        template?.name ?? h.templateId,
        h.state,
        person(h.senderId),
        person(h.receiverId),
        iso(h.createdAt),
        iso(h.sentAt),
        iso(h.confirmedAt),
        iso(h.cancelledAt),
        iso(h.deadlines.at(-1)?.due),
        wasOverdue(h, now) ? 'yes' : 'no',
        confirmHours === undefined ? '' : String(round(confirmHours, 2)),
        share === undefined ? '' : String(round(share, 2)),
        labels.join('; '),
        h.overrideReason ?? '',
        String(h.gapRounds),
        String(h.gaps.length),
        String(h.reassignedAt.length),
      ];
    });
  return toCsv([[...HANDOFF_COLUMNS], ...rows]);
}

/** The cost column's name: "cost_usd" for USD; plain "cost" when the currency is not three letters. */
export function costColumn(currency: string): string {
  return /^[A-Za-z]{3}$/.test(currency) ? `cost_${currency.toLowerCase()}` : 'cost';
}

/** The failures of Metrics.failures (already filtered and in the period), as they come. */
export function failuresCsv(rows: readonly FailureRow[], currency: string): string {
  const header = ['at', 'client', 'category', 'hours', costColumn(currency), 'description', 'handoff', 'type', 'logged_by'];
  return toCsv([
    header,
    ...rows.map((f) => [f.at, f.clientName, f.categoryLabel, String(f.hours), String(f.cost), f.description, f.handoffTitle ?? '', f.templateName ?? '', f.loggedByName]),
  ]);
}
