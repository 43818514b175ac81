import type { HandoffSummary } from '../../lib/db/queries';
import { CATEGORY_LABELS } from '../../lib/metrics/compute';
import type { TimelineEntry } from '../../lib/model/timeline';
import type { Failure, Note } from '../../lib/model/note';
import type { Template } from '../../lib/model/template';
import { findTemplate } from '../../lib/templates';

/** The kinds of history a person filters by. */
export const HISTORY_KINDS = ['handoff', 'decision', 'call_summary', 'commitment', 'failure', 'other'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  handoff: 'Handoffs',
  decision: 'Decisions',
  call_summary: 'Call summaries',
  commitment: 'Commitments',
  failure: 'Failures',
  other: 'Other',
};

/** One entry's kind, as its line says it. */
export const HISTORY_KIND_SINGULAR: Record<HistoryKind, string> = {
  handoff: 'Handoff',
  decision: 'Decision',
  call_summary: 'Call summary',
  commitment: 'Commitment',
  failure: 'Failure',
  other: 'Client',
};

// Notes share one event type; the reducer writes each kind's summary with its own prefix.
const NOTE_PREFIXES: [prefix: string, kind: HistoryKind][] = [
  ['Decision:', 'decision'],
  ['Call summary:', 'call_summary'],
  ['Commitment', 'commitment'],
];

export function historyKind(entry: Pick<TimelineEntry, 'type' | 'summary'>): HistoryKind {
  if (entry.type.startsWith('handoff.')) return 'handoff';
  if (entry.type === 'failure.logged') return 'failure';
  if (entry.type === 'note.added') return NOTE_PREFIXES.find(([prefix]) => entry.summary.startsWith(prefix))?.[1] ?? 'other';
  return 'other';
}

export interface HistoryFilter {
  kind: HistoryKind | 'all';
  query: string;
}

/** The entries of one kind whose words contain every word of the query (case and accents ignored). */
export function filterHistory<T extends Pick<TimelineEntry, 'type' | 'summary'>>(entries: readonly T[], filter: HistoryFilter, extraText?: (entry: T) => string): T[] {
  const words = normalise(filter.query).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.kind !== 'all' && historyKind(entry) !== filter.kind) return false;
    if (words.length === 0) return true;
    const text = normalise(`${entry.summary} ${extraText?.(entry) ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

function normalise(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Which kinds occur, in the fixed order, so the filter offers only what there is. */
export function kindsPresent(entries: readonly Pick<TimelineEntry, 'type' | 'summary'>[]): HistoryKind[] {
  const present = new Set(entries.map(historyKind));
  return HISTORY_KINDS.filter((k) => present.has(k));
}

/** One labelled line under a history entry. */
export interface HistoryDetail {
  label: string;
  text: string;
}

/** What a note adds under its history line: the why of a decision, who was on a call, the evidence. */
export function noteDetails(note: Note): HistoryDetail[] {
  const details: HistoryDetail[] = [];
  const add = (label: string, text: string) => {
    if (text.trim()) details.push({ label, text: text.trim() });
  };
  switch (note.kind) {
    case 'decision':
      add('Why', note.rationale);
      add('Considered and rejected', note.consideredAndRejected);
      break;
    case 'call_summary':
      // The history line carries the first 500 characters; the rest is here.
      if (note.summary.length > 480) add('Summary', note.summary);
      add('Attendees', note.attendees.join(', '));
      break;
    case 'commitment':
      add('Evidence', note.evidence);
      break;
    case 'note':
      if (note.text.length > 480) add('Note', note.text);
      break;
  }
  return details;
}

export type FailureCategory = Failure['category'];
/** The categories in the order people choose from, with the labels the dashboard uses too. */
export const FAILURE_CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as FailureCategory[]).map((value) => ({ value, label: CATEGORY_LABELS[value] }));

/** A handoff as a list names it: its title, else its template's name. */
export function handoffLabel(handoff: Pick<HandoffSummary, 'title' | 'templateId' | 'templateVersion'>, templates: readonly Template[]): string {
  return handoff.title.trim() || findTemplate(templates, handoff.templateId, handoff.templateVersion)?.name || findTemplate(templates, handoff.templateId)?.name || 'Untitled handoff';
}

const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatHours(hours: number): string {
  return `${hoursFormat.format(hours)} h`;
}

/** The repair hours at the agency's loaded hourly cost, in its currency. */
export function formatCost(hours: number, cost: { hourlyRate: number; currency: string }): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency, maximumFractionDigits: 0 }).format(hours * cost.hourlyRate);
  } catch {
    // An unknown currency code: the figure still says what it cost.
    return `${Math.round(hours * cost.hourlyRate)} ${cost.currency}`;
  }
}

/** A failure's history line: what happened (the reducer's summary carries a shortened copy). */
export function failureLine(failure: Pick<Failure, 'description'>): string {
  return `Failure: ${failure.description}`;
}

/** What a failure adds under its line: the kind of failure, the hours (and cost) to repair it, the handoff it followed. */
export function failureDetails(failure: Failure, context: { handoff?: string; cost?: { hourlyRate: number; currency: string } } = {}): HistoryDetail[] {
  const details: HistoryDetail[] = [
    { label: 'Category', text: CATEGORY_LABELS[failure.category] ?? failure.category },
    { label: 'Hours to repair', text: formatHours(failure.hours) },
  ];
  if (context.cost && context.cost.hourlyRate > 0) details.push({ label: 'Cost', text: formatCost(failure.hours, context.cost) });
  if (failure.handoffId && context.handoff) details.push({ label: 'Handoff', text: context.handoff });
  return details;
}
