import { makeEvent } from '../events/make-event';
import type { BatonEvent } from '../model/event';
import type { Rule } from '../model/rule';

/** The ids of the rules a new agency starts with (fixed: one workspace has each once). */
export const DEFAULT_RULE_IDS = { launchAfterMedia: 'default-launch-to-reporting', briefOnReady: 'default-brief-to-creative' } as const;

/**
 * The rules every new agency gets, on: a confirmed strategy → media buying handoff drafts
 * launch → reporting for the client's media buyer to its analyst, due at the launch date; and a task
 * of a linked Asana project moving to "Ready for creative" drafts brief → creative for the client's
 * strategist to its creative (it fires only once Asana is connected on the hub).
 */
export function defaultRules(at: string): Rule[] {
  const saved = { enabled: true, createdAt: at, updatedAt: at };
  const launch: Rule['start'] = {
    templateId: 'launch-to-reporting',
    sender: { role: 'media_buyer' },
    receiver: { role: 'analyst' },
    dueFromFieldId: 'flight_start',
    watchers: [],
    // The targets agreed in the plan are the ones to report against.
    prefill: { kpi_targets: { from: 'field', fieldId: 'kpi_targets' } },
  };
  const brief: Rule['start'] = {
    templateId: 'brief-to-creative',
    sender: { role: 'strategist' },
    receiver: { role: 'creative' },
    watchers: [],
    prefill: { objective: { from: 'task.notes' }, deadline: { from: 'task.due_on' }, references: { from: 'task.url' } },
  };
  return [
    { id: DEFAULT_RULE_IDS.launchAfterMedia, name: 'Launch → reporting after media buying is confirmed', ...saved, trigger: { kind: 'handoff.confirmed', templateId: 'strategy-to-media' }, start: launch, writeBack: { comment: true, assignOnConfirm: false } },
    { id: DEFAULT_RULE_IDS.briefOnReady, name: 'Brief → creative when a task moves to Ready for creative', ...saved, trigger: { kind: 'asana.section', sectionName: 'Ready for creative' }, start: brief, writeBack: { comment: true, assignOnConfirm: true } },
  ];
}

/** The `rule.saved` events that give a new workspace its default rules, by its first admin. */
export function defaultRuleEvents(adminId: string, at: Date): BatonEvent<'rule.saved'>[] {
  return defaultRules(at.toISOString()).map((rule) => makeEvent('rule.saved', adminId, rule.id, { rule }, { at }));
}
