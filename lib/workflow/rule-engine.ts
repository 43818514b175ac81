import { makeEvent } from '../events/make-event';
import type { ReadModel } from '../events/read-model';
import type { Client } from '../model/client';
import type { BatonEvent } from '../model/event';
import { HandoffSourcesSchema, type Handoff, type HandoffSources } from '../model/handoff';
import type { Rule, RuleTriggerSource } from '../model/rule';
import { defaultTitle, MAX_TITLE } from './handoff-machine';
import { resolveSenderReceiver, resolveWatchers } from './rule-parties';
import { endOfDateField, prefillFields, type PrefillFacts } from './rule-prefill';
import { ruleEventIds } from './rule-ids';

// The rule engine: which drafts the workspace's rules start for one trigger. Pure (the model and the
// trigger in, events out), so the hub and a browser working alone run the same code; the drafts' ids
// come from the rule and the trigger's key, so running it twice starts nothing twice.

/** What the hub knows of an Asana task when a rule may fire on it (read again from Asana's API). */
export interface AsanaTaskFacts {
  gid: string;
  name: string;
  url: string;
  notes?: string;
  /** YYYY-MM-DD. */
  dueOn?: string;
  projectGids: string[];
  sectionNames: string[];
  assigneeGid?: string;
}

/**
 * Asana triggers carry the key the Asana code derived from the Asana event itself
 * (`asana:<task>:section:<sectionGid>:<created_at>` …) and the label the panel shows.
 */
interface AsanaOrigin {
  clientId: string;
  task: AsanaTaskFacts;
  key: string;
  label: string;
}

/** Something that happened that rules may start drafts on. */
export type RuleTrigger =
  | (AsanaOrigin & { kind: 'asana.section'; sectionGid: string; sectionName: string })
  | (AsanaOrigin & { kind: 'asana.custom_field'; fieldGid: string; fieldName: string; value: string })
  | (AsanaOrigin & { kind: 'asana.completed' })
  | { kind: 'handoff.confirmed'; handoff: Handoff }
  | { kind: 'date.reached'; handoff: Handoff; fieldId: string };

export interface RuleStarts {
  events: BatonEvent<'handoff.created'>[];
  skipped: { ruleId: string; reason: string }[];
}

/** Names compared as people type them: trimmed, case-insensitive. */
const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Text cut to `max` code points (never half an emoji). */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/** Whether the rule's trigger is this one (scope aside). */
export function ruleMatches(rule: Rule, trigger: RuleTrigger): boolean {
  const spec = rule.trigger;
  if (spec.kind !== trigger.kind) return false;
  switch (trigger.kind) {
    case 'asana.section':
      return spec.kind === 'asana.section' && same(spec.sectionName, trigger.sectionName);
    case 'asana.custom_field':
      return spec.kind === 'asana.custom_field' && same(spec.fieldName, trigger.fieldName) && same(spec.value, trigger.value);
    case 'asana.completed':
      return true;
    case 'handoff.confirmed':
      return spec.kind === 'handoff.confirmed' && spec.templateId === trigger.handoff.templateId;
    case 'date.reached':
      return spec.kind === 'date.reached' && spec.templateId === trigger.handoff.templateId && spec.fieldId === trigger.fieldId;
  }
}

/** What a trigger says about its source: the client, the draft's `startedBy.trigger`, prefill facts, a title's subject. */
interface Origin {
  clientId: string;
  source: RuleTriggerSource;
  facts: PrefillFacts;
  subject?: string;
  sources: HandoffSources;
}

function originOf(model: ReadModel, trigger: RuleTrigger): Origin {
  if (trigger.kind === 'handoff.confirmed' || trigger.kind === 'date.reached') {
    const { handoff } = trigger;
    const template = model.template(handoff.templateId, handoff.templateVersion);
    const client = model.client(handoff.clientId);
    const plain = template && client && handoff.title === defaultTitle(template.name, client.name);
    const subject = plain ? undefined : handoff.title.replace(template ? `${template.name}: ` : '', '');
    if (trigger.kind === 'handoff.confirmed') {
      const source = { kind: trigger.kind, key: `handoff:${handoff.id}:confirmed`, label: cut(`“${handoff.title}” was confirmed`, 500) };
      return { clientId: handoff.clientId, source, facts: { source: handoff }, subject, sources: {} };
    }
    const field = template?.fields.find((f) => f.id === trigger.fieldId);
    const date = typeof handoff.fields[trigger.fieldId] === 'string' ? ` (${String(handoff.fields[trigger.fieldId])})` : '';
    const label = cut(`${field?.label ?? trigger.fieldId} of “${handoff.title}” reached${date}`, 500);
    return { clientId: handoff.clientId, source: { kind: trigger.kind, key: `date:${handoff.id}:${trigger.fieldId}`, label }, facts: { source: handoff }, subject, sources: {} };
  }
  const { task } = trigger;
  const asanaTask = HandoffSourcesSchema.shape.asanaTask.safeParse({ id: task.gid, name: cut(task.name, 300), url: task.url });
  const source: RuleTriggerSource = { kind: trigger.kind, key: trigger.key, label: cut(trigger.label, 500) };
  if (asanaTask.success && asanaTask.data) source.url = asanaTask.data.url;
  const facts: PrefillFacts = { task: { name: task.name, url: task.url, ...(task.notes ? { notes: task.notes } : {}), ...(task.dueOn ? { dueOn: task.dueOn } : {}) } };
  return { clientId: trigger.clientId, source, facts, subject: task.name, sources: asanaTask.success && asanaTask.data ? { asanaTask: asanaTask.data } : {} };
}

/** Since when the rule fires as it is: made, turned back on, or its trigger changed (older rules: made). */
export const ruleActiveSince = (rule: Rule): number => Date.parse(rule.activeSince ?? rule.createdAt);

/** A rule saved (or turned on, or retriggered) after the handoff was confirmed does not reach back to it. */
function predates(rule: Rule, trigger: RuleTrigger): boolean {
  if (trigger.kind !== 'handoff.confirmed') return false;
  const confirmedAt = trigger.handoff.confirmedAt ?? trigger.handoff.firstConfirmedAt;
  return confirmedAt !== undefined && ruleActiveSince(rule) > Date.parse(confirmedAt);
}

/** The one draft a rule starts for the trigger, or why it starts nothing. */
function startOne(model: ReadModel, rule: Rule, client: Client, origin: Origin, now: number): BatonEvent<'handoff.created'> | { reason: string } {
  const template = model.template(rule.start.templateId);
  if (!template) return { reason: `The template ${rule.start.templateId} is no longer in the workspace` };
  const parties = resolveSenderReceiver(model, client, rule);
  if ('reason' in parties) return parties;
  const { senderId, receiverId } = parties;
  const watcherIds = resolveWatchers(model, client, template, rule, [senderId, receiverId]);
  const dueBy = rule.start.dueFromFieldId ? endOfDateField(origin.facts.source?.fields[rule.start.dueFromFieldId]) : undefined;
  const title = origin.subject?.trim() ? cut(`${template.name}: ${origin.subject.trim()}`, MAX_TITLE) : defaultTitle(template.name, client.name);
  const ids = ruleEventIds(rule.id, origin.source.key);
  try {
    return makeEvent(
      'handoff.created',
      senderId,
      ids.handoffId,
      {
        clientId: client.id,
        templateId: template.id,
        templateVersion: template.version,
        title: cut(title, MAX_TITLE),
        receiverId,
        ...(dueBy ? { dueBy } : {}),
        sources: origin.sources,
        fields: prefillFields(template, rule, origin.facts),
        ...(watcherIds.length > 0 ? { watcherIds } : {}),
        startedBy: { ruleId: rule.id, ruleName: rule.name, trigger: origin.source },
      },
      { id: ids.eventId, at: new Date(now) },
    );
  } catch (error) {
    return { reason: `The draft could not be made: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The drafts the workspace's enabled rules start for this trigger (rules of another client, or saved
 * after a confirmation they would chain on, are not asked), and the rules that matched but start
 * nothing, with why. A draft already in the log (the same rule and source key) is not started again.
 */
export function startsFor(model: ReadModel, trigger: RuleTrigger, now: number): RuleStarts {
  const starts: RuleStarts = { events: [], skipped: [] };
  const rules = (model.workspace()?.rules ?? []).filter((r) => r.enabled && ruleMatches(r, trigger) && !predates(r, trigger));
  if (rules.length === 0) return starts;
  const origin = originOf(model, trigger);
  const client = model.client(origin.clientId);
  for (const rule of rules) {
    if (rule.clientId && rule.clientId !== origin.clientId) continue;
    if (!client || client.archived) {
      starts.skipped.push({ ruleId: rule.id, reason: client ? `${client.name} is archived` : 'The client is not in the workspace' });
      continue;
    }
    if (origin.source.key.length > 300) {
      starts.skipped.push({ ruleId: rule.id, reason: 'The trigger’s key is too long to name its source' });
      continue;
    }
    if (model.hasEvent(ruleEventIds(rule.id, origin.source.key).eventId)) continue;
    const started = startOne(model, rule, client, origin, now);
    if ('reason' in started) starts.skipped.push({ ruleId: rule.id, reason: started.reason });
    else starts.events.push(started);
  }
  return starts;
}
