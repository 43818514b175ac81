import type { Handoff } from '../model/handoff';
import type { Rule } from '../model/rule';
import { ruleActiveSince, type RuleTrigger } from './rule-engine';
import { startOfDateField } from './rule-prefill';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The templates the enabled rules of this kind fire on: only their handoffs need looking at. */
export function ruleTemplateIds(rules: readonly Rule[] | undefined, kind: 'handoff.confirmed' | 'date.reached'): Set<string> {
  const ids = new Set<string>();
  for (const rule of rules ?? []) if (rule.enabled && rule.trigger.kind === kind) ids.add(rule.trigger.templateId);
  return ids;
}

const wasConfirmed = (h: Handoff) => h.state === 'confirmed' || h.firstConfirmedAt !== undefined;

/**
 * The `date.reached` triggers due now: for each enabled date rule, the confirmed handoffs of its
 * template whose date field's day has begun — and had not ended before the rule was saved or turned on (a
 * new rule does not fire on every launch date of the past).
 */
export function dueDateTriggers(rules: readonly Rule[] | undefined, handoffs: Iterable<Handoff>, now: number): RuleTrigger[] {
  const dated = (rules ?? []).filter((r) => r.enabled && r.trigger.kind === 'date.reached');
  if (dated.length === 0) return [];
  const triggers: RuleTrigger[] = [];
  const seen = new Set<string>();
  for (const handoff of handoffs) {
    if (!wasConfirmed(handoff)) continue;
    for (const rule of dated) {
      if (rule.trigger.kind !== 'date.reached' || rule.trigger.templateId !== handoff.templateId) continue;
      const { fieldId } = rule.trigger;
      const start = startOfDateField(handoff.fields[fieldId]);
      if (start === undefined || start > now || start + DAY_MS < ruleActiveSince(rule)) continue;
      if (seen.has(`${handoff.id}\u0000${fieldId}`)) continue;
      seen.add(`${handoff.id}\u0000${fieldId}`);
      triggers.push({ kind: 'date.reached', handoff, fieldId });
    }
  }
  return triggers;
}

/** The `handoff.confirmed` triggers of confirmed handoffs of the templates chain rules name (a catch-up: ids make repeats harmless). */
export function confirmedTriggers(rules: readonly Rule[] | undefined, handoffs: Iterable<Handoff>): RuleTrigger[] {
  const templates = ruleTemplateIds(rules, 'handoff.confirmed');
  if (templates.size === 0) return [];
  const triggers: RuleTrigger[] = [];
  for (const handoff of handoffs) if (wasConfirmed(handoff) && templates.has(handoff.templateId)) triggers.push({ kind: 'handoff.confirmed', handoff });
  return triggers;
}
