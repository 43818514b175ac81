import { roleName, teamRoles } from '../model/team';
import { hoursToConfirm, matchesHandoff } from './compute';
import type { HandoffFact, MetricFacts } from './facts';
import { flowEnds, type FlowEnds } from './flow-ends';
import type { MetricsQuery } from './query';
import { median, ratio, round } from './stats';
import { addDays, daysBetween, startOfDay } from './time-zone';

/** Flows between client-team roles (from the handoff's template), or between people (sender → receiver). */
export type FlowsBy = 'roles' | 'people';

/** One handoff point of the agency: every figure is about the handoffs sent on it in the period. */
export interface FlowRow extends FlowEnds {
  /** Handoffs sent in the period. */
  handoffs: number;
  /** Of those: how many were confirmed (by now), the median hours from send to confirmation, and how many with no gap raised. */
  confirmed: number;
  medianHoursToConfirm: number | null;
  firstPass: number;
  firstPassRate: number | null;
  /** Gaps raised on them, per handoff sent. */
  gapsPerHandoff: number;
  /** Failures logged against them, their repair hours and what those cost at the workspace's rate. */
  failures: number;
  failureHours: number;
  failureCost: number;
  /** The enabled rules that start handoffs of the flow's templates: it is automated when there is one. */
  automatedBy: string[];
  /** Handoffs per 30 days in the period. */
  frequency: number;
  /** Expected cost of one handoff: see FLOW_RISK_FORMULA. */
  risk: number;
  /** risk × frequency: the expected cost per 30 days; the protocol to improve first has the highest. */
  score: number;
  /** The handoffs behind the flow, latest sent first. */
  handoffIds: string[];
}

export interface Flows {
  by: FlowsBy;
  days: number;
  currency: string;
  hourlyRate: number;
  /** Highest score first. */
  flows: FlowRow[];
}

/** The score's formula in one sentence, for the UI. */
export const FLOW_RISK_FORMULA =
  'Risk is the expected cost of one handoff on the flow: its failure cost per handoff, plus one hour at the agency’s rate times the share not confirmed on the first pass (1 − first-pass rate); the score is risk × handoffs per 30 days.';

/** Days a frequency is counted over. */
export const FREQUENCY_DAYS = 30;

/**
 * The agency's handoff points for the query's period (its client, template and person filters
 * included): one flow per pair of roles (or people), with its volume, speed, quality and cost, and a
 * risk × frequency score to pick which protocol to improve first. Pure, like computeMetrics.
 */
export function computeFlows(facts: MetricFacts, query: MetricsQuery, by: FlowsBy): Flows {
  const days = daysBetween(query.from, query.to) + 1;
  const start = startOfDay(query.from, query.timeZone);
  const end = startOfDay(addDays(query.to, 1), query.timeZone);
  const roles = teamRoles({ roles: facts.workflow.roles });
  const ends = flowEnds(facts, by, (id) => roleName(roles, id));
  const groups = new Map<string, { ends: FlowEnds; handoffs: HandoffFact[] }>();
  for (const h of facts.handoffs.values()) {
    if (h.sentAt === undefined || h.sentAt < start || h.sentAt >= end || !matchesHandoff(h, query)) continue;
    const flow = ends(h);
    const group = groups.get(flow.key) ?? { ends: flow, handoffs: [] };
    group.handoffs.push(h);
    groups.set(flow.key, group);
  }
  const failuresOf = new Map<string, { count: number; hours: number }>();
  for (const f of facts.failures) {
    if (!f.handoffId) continue;
    const sum = failuresOf.get(f.handoffId) ?? { count: 0, hours: 0 };
    sum.count += 1;
    sum.hours += f.hours;
    failuresOf.set(f.handoffId, sum);
  }
  const rulesFor = (templateIds: string[]) =>
    [...facts.workflow.rules.values()]
      .filter((r) => r.enabled && templateIds.includes(r.templateId))
      .map((r) => r.name)
      .sort();
  const flows = [...groups.values()].map(({ ends: flow, handoffs }) => {
    const templateIds = [...new Set(handoffs.map((h) => h.templateId))].sort();
    return flowRow({ ...flow, templateIds }, handoffs, failuresOf, rulesFor(templateIds), days, facts.hourlyRate);
  });
  flows.sort((a, b) => b.score - a.score || b.handoffs - a.handoffs || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { by, days, currency: facts.currency, hourlyRate: facts.hourlyRate, flows };
}

function flowRow(ends: FlowEnds, handoffs: HandoffFact[], failuresOf: Map<string, { count: number; hours: number }>, automatedBy: string[], days: number, hourlyRate: number): FlowRow {
  const confirmed = handoffs.filter((h) => h.confirmedAt !== undefined);
  const firstPass = confirmed.filter((h) => h.gapRounds === 0).length;
  const firstPassRate = ratio(firstPass, confirmed.length);
  let failures = 0;
  let hours = 0;
  for (const h of handoffs) {
    const f = failuresOf.get(h.id);
    if (!f) continue;
    failures += f.count;
    hours += f.hours;
  }
  const failureHours = round(hours, 2);
  const failureCost = round(failureHours * hourlyRate, 2);
  const frequency = (handoffs.length / days) * FREQUENCY_DAYS;
  // None confirmed yet: no sign of rework, only the failures count.
  const risk = failureCost / handoffs.length + (1 - (firstPassRate ?? 1)) * hourlyRate;
  const waits = confirmed.map((h) => hoursToConfirm(h)!);
  const m = median(waits);
  return {
    ...ends,
    handoffs: handoffs.length,
    confirmed: confirmed.length,
    medianHoursToConfirm: m === null ? null : round(m, 2),
    firstPass,
    firstPassRate: firstPassRate === null ? null : round(firstPassRate),
    gapsPerHandoff: round(handoffs.reduce((sum, h) => sum + h.gaps.length, 0) / handoffs.length),
    failures,
    failureHours,
    failureCost,
    automatedBy,
    frequency: round(frequency, 2),
    risk: round(risk, 2),
    score: round(risk * frequency, 2),
    handoffIds: [...handoffs].sort((a, b) => b.sentAt! - a.sentAt!).map((h) => h.id),
  };
}
