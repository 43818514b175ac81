import type { Completeness } from '../model/handoff';
import { FIELD_VALUE_SCHEMAS, type FieldType, type FieldValue, type Template, type TemplateField } from '../model/template';
import { failure, type Result, succeed } from '../result';

const blank = (s: string | undefined) => !s || s.trim() === '';
/** A value quoted in a message, short enough to read (and to store with the handoff). */
const quote = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
const MAX_REASON = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Check<T extends FieldType> = (value: FieldValue<T>, field: TemplateField) => string | null;

// Each check says, in words a sender can act on, why a required field is not good enough yet.
const CHECKS: { [T in FieldType]: Check<T> } = {
  short_text: (v, f) => (blank(v) ? `Fill in “${f.label}”.` : null),
  long_text: (v, f) => (blank(v) ? `Fill in “${f.label}”.` : null),
  list: (v, f) => (v.some((item) => !blank(item)) ? null : `Add at least one item to “${f.label}”.`),
  people(v, f) {
    if (v.length === 0) return `Add at least one person to “${f.label}”.`;
    const bad = v.find((p) => blank(p.name) || !EMAIL.test(p.email.trim()));
    return bad ? `Every person in “${f.label}” needs a name and a valid email${bad.name ? ` (${bad.name})` : ''}.` : null;
  },
  link: (v, f) => (blank(v) ? `Add the link for “${f.label}”.` : null),
  date: (v, f) => (blank(v) ? `Pick a date for “${f.label}”.` : null),
  kpi_targets(v, f) {
    if (v.length === 0) return `Add at least one target to “${f.label}”.`;
    for (const t of v) {
      const name = `“${quote(`${t.metric} ${t.value}`.trim())}”`;
      if (blank(t.metric) || blank(t.value)) return `Every target in “${f.label}” needs a metric and a value.`;
      if (t.validated === null) return `Say whether ${name} was validated against the client’s real data.`;
      if (!t.validated) return `${name} is not validated against the client’s real data: validate it, or send with an override reason.`;
      if (blank(t.evidence)) return `Add the evidence that ${name} was validated.`;
    }
    return null;
  },
  checklist(v, f) {
    const done = new Set(v.filter((i) => i.done).map((i) => i.label));
    const expected = f.items ?? v.map((i) => i.label);
    if (expected.length === 0) return `Add the items of “${f.label}”.`;
    const open = expected.filter((label) => !done.has(label));
    return open.length ? `Tick every item of “${f.label}”: ${open.map(quote).join(', ')}.` : null;
  },
  decisions(v, f) {
    if (v.length === 0) return `Record at least one decision in “${f.label}”, with its rationale.`;
    return v.some((d) => blank(d.decision) || blank(d.rationale)) ? `Every decision in “${f.label}” needs its rationale.` : null;
  },
  action_items(v, f) {
    if (v.length === 0) return `List the open items in “${f.label}”, each with an owner and a date.`;
    const bad = v.find((i) => blank(i.text) || blank(i.ownerEmail) || blank(i.due));
    if (!bad) return null;
    return blank(bad.text) ? `Every item in “${f.label}” needs a description.` : `“${quote(bad.text)}” needs an owner and a date.`;
  },
};

/** The value of a field, parsed; null when absent. Throws nothing: a malformed value is reported, with the field's id. */
export function parseFieldValue(field: TemplateField, value: unknown): Result<FieldValue | null> {
  if (value === undefined || value === null) return succeed(null);
  const parsed = FIELD_VALUE_SCHEMAS[field.type].safeParse(value);
  if (parsed.success) return succeed(parsed.data);
  const issue = parsed.error.issues[0];
  return failure('bad-request', `“${field.label}”: ${issue ? `${issue.path.join('.')} ${issue.message}`.trim() : 'invalid value'}`, field.id);
}

const STRING_TYPES: ReadonlySet<FieldType> = new Set(['short_text', 'long_text', 'link', 'date']);

/** A value already parsed once (read back from the log, where every value was checked on the way in) of the field's shape. */
const alreadyParsed = (field: TemplateField, value: unknown) => (STRING_TYPES.has(field.type) ? typeof value === 'string' : Array.isArray(value));

/**
 * Why a required field fails its check, or null when it passes (optional fields always pass).
 * `trusted`: the value comes from the log, parsed when it was written; parsing it again (a URL
 * parse per link) would give the same value, so a value of the right shape is checked as it is.
 */
export function checkField(field: TemplateField, value: unknown, trusted = false): string | null {
  if (!field.required) return null;
  if (trusted && value !== undefined && value !== null && alreadyParsed(field, value)) return CHECKS[field.type](value as never, field);
  const parsed = parseFieldValue(field, value);
  if (!parsed.ok) return parsed.problem.message;
  if (parsed.data === null) return CHECKS[field.type](emptyValue(field.type) as never, field);
  return CHECKS[field.type](parsed.data as never, field);
}

export function emptyValue(type: FieldType): FieldValue {
  return type === 'short_text' || type === 'long_text' || type === 'link' || type === 'date' ? '' : [];
}

/** A field's value: only the handoff's own ones (a field named "constructor" is not Object's). */
export function fieldValue(fields: Record<string, unknown>, id: string): unknown {
  return Object.hasOwn(fields, id) ? fields[id] : undefined;
}

/** How complete a handoff's fields are against its template: what is missing, and why. `trusted`: see checkField. */
export function assessCompleteness(template: Template, fields: Record<string, unknown>, trusted = false): Completeness {
  const required = template.fields.filter((f) => f.required);
  const missing = required.flatMap((f) => {
    const reason = checkField(f, fieldValue(fields, f.id), trusted);
    return reason ? [{ fieldId: f.id, reason: reason.slice(0, MAX_REASON) }] : [];
  });
  return { required: required.length, satisfied: required.length - missing.length, missing };
}
