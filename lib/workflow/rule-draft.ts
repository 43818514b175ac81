// The rule form's state (what people typed and chose, as strings) to a rule and back, with the reasons
// in words when it is not one yet. Pure, so the checks are tested without a page.
import type { Party, PrefillSource, Rule, RuleTriggerKind, RuleTriggerSpec } from '../model/rule';
import { isAsanaTrigger, isHandoffTrigger, type RuleWordsContext } from './rule-words';

/** A rule as the form holds it; a party is `role:<id>` or `member:<id>`, '' when none is chosen. */
export interface RuleDraft {
  id?: string;
  enabled: boolean;
  name: string;
  /** '' for every client. */
  clientId: string;
  triggerKind: RuleTriggerKind;
  sectionName: string;
  fieldName: string;
  fieldValue: string;
  triggerTemplateId: string;
  triggerFieldId: string;
  templateId: string;
  sender: string;
  receiver: string;
  confirmHours: string;
  /** Chains: '' or a date field of the source handoff the confirm-by follows. */
  dueFromFieldId: string;
  watchers: string[];
  /** Per field of the started template: '' (nothing), a task fact, `field:<id>`, or `text`. */
  prefill: Record<string, string>;
  prefillText: Record<string, string>;
  comment: boolean;
  assignOnConfirm: boolean;
  moveToSection: string;
}

/** What `rule/save` takes: a rule without its timestamps (and without an id when it is new). */
export type RuleInput = Omit<Rule, 'id' | 'createdAt' | 'activeSince' | 'updatedAt'> & { id?: string };

export const EMPTY_DRAFT: RuleDraft = {
  enabled: true, name: '', clientId: '', triggerKind: 'asana.section', sectionName: '', fieldName: '', fieldValue: '', triggerTemplateId: '', triggerFieldId: '',
  templateId: '', sender: '', receiver: '', confirmHours: '', dueFromFieldId: '', watchers: [], prefill: {}, prefillText: {}, comment: true, assignOnConfirm: false, moveToSection: '',
};

export const partyKey = (party: Party): string => ('role' in party ? `role:${party.role}` : `member:${party.memberId}`);
function partyOf(key: string): Party | undefined {
  if (key.startsWith('role:')) return { role: key.slice(5) };
  if (key.startsWith('member:')) return { memberId: key.slice(7) };
  return undefined;
}

/** The fields of a template a rule can fill from its source: plain values, not checklists or tables. */
export const PREFILLABLE_TYPES: readonly string[] = ['short_text', 'long_text', 'link', 'date'];

/** The choices of where one field's value comes from, for this trigger (only what the trigger has). */
export function prefillChoices(draft: Pick<RuleDraft, 'triggerKind' | 'triggerTemplateId'>, fieldType: string, ctx: RuleWordsContext): { value: string; label: string }[] {
  const choices = [{ value: '', label: 'Nothing' }];
  if (isAsanaTrigger(draft.triggerKind)) {
    choices.push({ value: 'task.name', label: 'The task’s name' }, { value: 'task.url', label: 'The task’s link' }, { value: 'task.notes', label: 'The task’s notes' });
    if (fieldType !== 'link') choices.push({ value: 'task.due_on', label: 'The task’s due date' });
  }
  if (isHandoffTrigger(draft.triggerKind)) {
    const source = ctx.templates.find((t) => t.id === draft.triggerTemplateId);
    for (const f of source?.fields ?? []) {
      if (PREFILLABLE_TYPES.includes(f.type) && (f.type === fieldType || fieldType === 'long_text')) choices.push({ value: `field:${f.id}`, label: `The source handoff’s ${f.label}` });
    }
  }
  choices.push({ value: 'text', label: 'Fixed text' });
  return choices;
}

function triggerOf(d: RuleDraft, problems: string[]): RuleTriggerSpec | undefined {
  switch (d.triggerKind) {
    case 'asana.section':
      if (!d.sectionName.trim()) problems.push('Name the Asana section the task moves to.');
      return { kind: d.triggerKind, sectionName: d.sectionName.trim() };
    case 'asana.custom_field':
      if (!d.fieldName.trim() || !d.fieldValue.trim()) problems.push('Name the Asana custom field and the value it takes.');
      return { kind: d.triggerKind, fieldName: d.fieldName.trim(), value: d.fieldValue.trim() };
    case 'asana.completed':
      return { kind: d.triggerKind };
    case 'handoff.confirmed':
      if (!d.triggerTemplateId) problems.push('Choose the template whose confirmed handoffs start this one.');
      return { kind: d.triggerKind, templateId: d.triggerTemplateId };
    case 'date.reached':
      if (!d.triggerTemplateId || !d.triggerFieldId) problems.push('Choose the template and its date field that start this one.');
      return { kind: d.triggerKind, templateId: d.triggerTemplateId, fieldId: d.triggerFieldId };
  }
}

function prefillOf(d: RuleDraft, ctx: RuleWordsContext, problems: string[]): Record<string, PrefillSource> {
  const fields = ctx.templates.find((t) => t.id === d.templateId)?.fields ?? [];
  const prefill: Record<string, PrefillSource> = {};
  for (const field of fields) {
    const choice = d.prefill[field.id] ?? '';
    if (!choice || !prefillChoices(d, field.type, ctx).some((c) => c.value === choice)) continue;
    if (choice === 'text') {
      const text = (d.prefillText[field.id] ?? '').trim();
      if (!text) problems.push(`Type the fixed text for “${field.label}”, or prefill it with nothing.`);
      prefill[field.id] = { text };
    } else if (choice.startsWith('field:')) prefill[field.id] = { from: 'field', fieldId: choice.slice(6) };
    else prefill[field.id] = { from: choice as 'task.name' | 'task.url' | 'task.notes' | 'task.due_on' };
  }
  return prefill;
}

function confirmByOf(d: RuleDraft, problems: string[]): Pick<Rule['start'], 'confirmWithinHours' | 'dueFromFieldId'> {
  if (isHandoffTrigger(d.triggerKind) && d.dueFromFieldId) return { dueFromFieldId: d.dueFromFieldId };
  if (!d.confirmHours.trim()) return {};
  const hours = Number(d.confirmHours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 90) problems.push('Confirm within is a whole number of hours, from 1 to 2160 (90 days).');
  return { confirmWithinHours: hours };
}

/** The rule the form says, or every reason it is not one yet (in the order the form asks). */
export function ruleFromDraft(d: RuleDraft, ctx: RuleWordsContext): { ok: true; rule: RuleInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const name = d.name.trim();
  if (!name) problems.push('Give the rule a name.');
  else if (name.length > 120) problems.push('A rule’s name is at most 120 characters.');
  const trigger = triggerOf(d, problems);
  if (!d.templateId) problems.push('Choose the template of the handoff the rule starts.');
  const sender = partyOf(d.sender);
  const receiver = partyOf(d.receiver);
  if (!sender) problems.push('Choose who sends the handoff (From).');
  if (!receiver) problems.push('Choose who receives it (To).');
  if (sender && d.sender === d.receiver) problems.push('From and To are the same: a handoff goes from one person to another.');
  const confirmBy = confirmByOf(d, problems);
  const prefill = prefillOf(d, ctx, problems);
  if (problems.length > 0 || !trigger || !sender || !receiver) return { ok: false, problems };
  const asana = isAsanaTrigger(d.triggerKind);
  const moveTo = d.moveToSection.trim();
  const rule: RuleInput = {
    ...(d.id ? { id: d.id } : {}),
    name,
    enabled: d.enabled,
    ...(d.clientId ? { clientId: d.clientId } : {}),
    trigger,
    start: { templateId: d.templateId, sender, receiver, ...confirmBy, watchers: d.watchers.flatMap((w) => partyOf(w) ?? []), prefill },
    writeBack: { comment: asana && d.comment, assignOnConfirm: asana && d.assignOnConfirm, ...(asana && moveTo ? { moveToSectionOnConfirm: moveTo } : {}) },
  };
  return { ok: true, rule };
}

/** The form's state for a saved rule (Edit). */
export function draftFromRule(rule: Rule): RuleDraft {
  const t = rule.trigger;
  const prefill: Record<string, string> = {};
  const prefillText: Record<string, string> = {};
  for (const [fieldId, source] of Object.entries(rule.start.prefill)) {
    if ('text' in source) {
      prefill[fieldId] = 'text';
      prefillText[fieldId] = source.text;
    } else prefill[fieldId] = source.from === 'field' ? `field:${source.fieldId}` : source.from;
  }
  return {
    id: rule.id, enabled: rule.enabled, name: rule.name, clientId: rule.clientId ?? '', triggerKind: t.kind,
    sectionName: t.kind === 'asana.section' ? t.sectionName : '',
    fieldName: t.kind === 'asana.custom_field' ? t.fieldName : '',
    fieldValue: t.kind === 'asana.custom_field' ? t.value : '',
    triggerTemplateId: t.kind === 'handoff.confirmed' || t.kind === 'date.reached' ? t.templateId : '',
    triggerFieldId: t.kind === 'date.reached' ? t.fieldId : '',
    templateId: rule.start.templateId, sender: partyKey(rule.start.sender), receiver: partyKey(rule.start.receiver),
    confirmHours: rule.start.confirmWithinHours ? String(rule.start.confirmWithinHours) : '', dueFromFieldId: rule.start.dueFromFieldId ?? '',
    watchers: rule.start.watchers.map(partyKey), prefill, prefillText,
    comment: rule.writeBack.comment, assignOnConfirm: rule.writeBack.assignOnConfirm, moveToSection: rule.writeBack.moveToSectionOnConfirm ?? '',
  };
}
