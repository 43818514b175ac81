import type { Template } from '../model/template';
import { matchesHandoff } from './compute';
import type { MetricFacts } from './facts';
import { formatInstant } from './instant';
import type { MetricsQuery } from './query';
import { ratio } from './stats';
import { addDays, startOfDay } from './time-zone';

export interface FieldReview {
  fieldId: string;
  label: string;
  required: boolean;
  /** In the newest version: false for a field an older version had and receivers still asked about. */
  current: boolean;
  gaps: number;
  /** Handoffs sent without this required field (an override). */
  missingAtSend: number;
  /** What receivers asked, newest first. */
  questions: { question: string; at: string; handoffId: string; handoffTitle: string; clientName: string }[];
}

export interface TemplateReview {
  template: Template;
  versions: number[];
  sent: number;
  confirmed: number;
  firstPassRate: number | null;
  gaps: number;
  /** Every field of the newest version, the ones asked about most first, then the rest in template order. */
  fields: FieldReview[];
}

const MAX_QUESTIONS = 20;

/**
 * The audit half of the audit-and-improve loop: for one template over the query's period, which
 * fields receivers raised gaps about (and what they asked), and which went out missing. The other
 * filters (client, person) narrow it like the dashboard.
 */
export function templateReview(facts: MetricFacts, templateId: string, query: MetricsQuery): TemplateReview | null {
  const template = facts.template(templateId);
  if (!template) return null;
  const start = startOfDay(query.from, query.timeZone);
  const end = startOfDay(addDays(query.to, 1), query.timeZone);
  const within = (ms: number | undefined) => ms !== undefined && ms >= start && ms < end;
  const versions = new Set<number>();
  const fields = new Map<string, FieldReview>(
    template.fields.map((f) => [f.id, { fieldId: f.id, label: f.label, required: f.required, current: true, gaps: 0, missingAtSend: 0, questions: [] }]),
  );
  const field = (id: string, version: number): FieldReview => {
    let review = fields.get(id);
    if (!review) {
      const old = facts.template(templateId, version)?.fields.find((f) => f.id === id);
      review = { fieldId: id, label: old?.label ?? id, required: old?.required ?? false, current: false, gaps: 0, missingAtSend: 0, questions: [] };
      fields.set(id, review);
    }
    return review;
  };
  let sent = 0;
  let confirmed = 0;
  let firstPass = 0;
  let gaps = 0;
  for (const h of facts.handoffs.values()) {
    if (h.templateId !== templateId || !matchesHandoff(h, { ...query, templateId })) continue;
    versions.add(h.templateVersion);
    if (within(h.sentAt)) {
      sent += 1;
      for (const id of h.completeness?.missing ?? []) field(id, h.templateVersion).missingAtSend += 1;
    }
    if (within(h.confirmedAt) && h.sentAt !== undefined) {
      confirmed += 1;
      if (h.gapRounds === 0) firstPass += 1;
    }
    for (const gap of h.gaps) {
      // Withdrawn: the receiver found the answer in the handoff, so the field needs no work (compute.ts counts it among the gaps raised).
      if (!within(gap.raisedAt) || gap.withdrawnAt !== undefined) continue;
      gaps += 1;
      for (const id of gap.fieldIds) {
        const review = field(id, h.templateVersion);
        review.gaps += 1;
        review.questions.push({ question: gap.question, at: formatInstant(gap.raisedAt), handoffId: h.id, handoffTitle: h.title, clientName: facts.clients.get(h.clientId)?.name ?? 'Unknown client' });
      }
    }
  }
  const order = new Map(template.fields.map((f, i) => [f.id, i]));
  const list = [...fields.values()]
    .map((f) => ({ ...f, questions: f.questions.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_QUESTIONS) }))
    .sort((a, b) => b.gaps - a.gaps || b.missingAtSend - a.missingAtSend || (order.get(a.fieldId) ?? 999) - (order.get(b.fieldId) ?? 999));
  return { template, versions: [...versions].sort((a, b) => a - b), sent, confirmed, firstPassRate: ratio(firstPass, confirmed), gaps, fields: list };
}
