// Editors ↔ the value shape each template field type stores (lib/model/template.ts), kept pure so
// they are tested without a browser.
import { parseFieldValue } from '../../lib/workflow/completeness';
import type { ActionItem, FieldValue, KpiTarget, TemplateField } from '../../lib/model/template';

export type Person = FieldValue<'people'>[number];
export type Decision = FieldValue<'decisions'>[number];
export type ChecklistItem = FieldValue<'checklist'>[number];

/** A list field typed one item per line: blank lines are not items. */
export function listFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function textFromList(list: readonly string[]): string {
  return list.join('\n');
}

export const emptyPerson = (): Person => ({ name: '', role: '', email: '' });
export const emptyTarget = (): KpiTarget => ({ metric: '', value: '', validated: null, evidence: '' });
export const emptyDecision = (): Decision => ({ decision: '', rationale: '', consideredAndRejected: '' });
export const emptyActionItem = (): ActionItem => ({ id: crypto.randomUUID(), text: '', ownerEmail: '', due: '' });

/** A KPI target's "validated" answer as a select value and back: null is "not answered yet". */
export type ValidatedChoice = 'unknown' | 'yes' | 'no';
export const validatedChoice = (v: boolean | null): ValidatedChoice => (v === null ? 'unknown' : v ? 'yes' : 'no');
export const validatedValue = (c: string): boolean | null => (c === 'yes' ? true : c === 'no' ? false : null);

/**
 * A checklist's items: the template's items first, in their order, each ticked as stored, then any
 * stored item the template no longer lists (kept rather than silently dropped).
 */
export function checklistItems(field: TemplateField, value: readonly ChecklistItem[]): ChecklistItem[] {
  const done = new Map(value.map((i) => [i.label, i.done]));
  const fromTemplate = (field.items ?? []).map((label) => ({ label, done: done.get(label) ?? false }));
  const extra = value.filter((i) => !(field.items ?? []).includes(i.label));
  return [...fromTemplate, ...extra];
}

export function toggleChecklist(field: TemplateField, value: readonly ChecklistItem[], label: string, done: boolean): ChecklistItem[] {
  return checklistItems(field, value).map((i) => (i.label === label ? { ...i, done } : i));
}

/** Replaces row `index` of a list value with a patched copy. */
export function patchRow<T extends object>(rows: readonly T[], index: number, patch: Partial<T>): T[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export function removeRow<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

/**
 * Splits the form's values into what the background accepts now and what must wait: a half-typed
 * link or owner email would make the whole save fail, so it is held back (and named) instead.
 */
export function savableFields(fields: readonly TemplateField[], values: Record<string, unknown>): { savable: Record<string, unknown>; invalid: Record<string, string> } {
  const savable: Record<string, unknown> = {};
  const invalid: Record<string, string> = {};
  for (const field of fields) {
    if (!Object.hasOwn(values, field.id)) continue;
    const parsed = parseFieldValue(field, values[field.id]);
    if (parsed.ok) savable[field.id] = values[field.id];
    else invalid[field.id] = parsed.problem.message;
  }
  return { savable, invalid };
}

const TEXT_TYPES = new Set(['short_text', 'long_text', 'link', 'date']);

/**
 * The value an editor shows. A value still being typed may not pass its schema yet (a half-typed link,
 * an owner email without its domain): it is shown as typed, not reset. Only a value of the wrong
 * shape altogether (a string where a list belongs) starts empty.
 */
export function editableValue(field: TemplateField, value: unknown): FieldValue {
  const parsed = parseFieldValue(field, value);
  if (parsed.ok && parsed.data !== null) return parsed.data;
  if (TEXT_TYPES.has(field.type)) return typeof value === 'string' ? value : '';
  return Array.isArray(value) ? (value as FieldValue) : [];
}
