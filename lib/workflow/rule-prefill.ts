import type { Handoff } from '../model/handoff';
import type { PrefillSource, Rule } from '../model/rule';
import type { Template, TemplateField } from '../model/template';
import { parseFieldValue } from './completeness';

/** What a prefill may read: the Asana task behind the trigger, or the handoff a chain starts from. */
export interface PrefillFacts {
  task?: { name: string; url: string; notes?: string; dueOn?: string };
  source?: Handoff;
}

function rawValue(source: PrefillSource, facts: PrefillFacts): unknown {
  if ('text' in source) return source.text;
  switch (source.from) {
    case 'task.name':
      return facts.task?.name;
    case 'task.url':
      return facts.task?.url;
    case 'task.notes':
      return facts.task?.notes;
    case 'task.due_on':
      return facts.task?.dueOn;
    case 'field':
      return facts.source?.fields[source.fieldId];
  }
}

/** Text made to fit the field's type: a list takes one line per item; a date or link only when it is one. */
function typed(field: TemplateField, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  switch (field.type) {
    case 'list':
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    case 'date':
      // A datetime stays one; a day is the day (Asana's due_on is YYYY-MM-DD).
      return /^\d{4}-\d{2}-\d{2}$/.test(text) || !Number.isNaN(Date.parse(text)) ? text : undefined;
    default:
      return text;
  }
}

/**
 * The draft's fields: each prefilled value typed for its target field. A value that does not fit the
 * field (a word in a date, a text in a checklist, an unknown field) is left out; the rest still go.
 */
export function prefillFields(template: Template, rule: Rule, facts: PrefillFacts): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [fieldId, source] of Object.entries(rule.start.prefill)) {
    const field = template.fields.find((f) => f.id === fieldId);
    if (!field) continue;
    const value = typed(field, rawValue(source, facts));
    if (value === undefined || value === null) continue;
    const parsed = parseFieldValue(field, value);
    if (parsed.ok && parsed.data !== null) fields[fieldId] = parsed.data;
  }
  return fields;
}

/** The end of a date field's day (UTC, so the hub and every browser compute the same confirm-by), or its datetime. */
export function endOfDateField(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T23:59:59.999Z`) : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The start of a date field's day (UTC), or its datetime, in ms; undefined when it holds no date. */
export function startOfDateField(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00.000Z`) : Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
