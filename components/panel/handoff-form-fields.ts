// How the handoff form lays out a template's fields: what the receiver needs first, the optional rest folded.
import type { FieldType, FieldValue, TemplateField } from '../../lib/model/template';
import { listFromText } from './field-values';

/** Whether a field's value holds anything a person typed or chose (a checklist item ticked, a name, a line). */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return true;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, v]) => key !== 'id' && key !== 'label' && hasContent(v));
  return false;
}

/** The template's fields in the form's order: the required ones (as the template orders them), then the optional ones. */
export function splitFields(fields: readonly TemplateField[]): { required: TemplateField[]; optional: TemplateField[] } {
  return { required: fields.filter((f) => f.required), optional: fields.filter((f) => !f.required) };
}

/** The field types text selected on a page can be added to (a link, a date or a table of people cannot). */
const SELECTION_TYPES: ReadonlySet<FieldType> = new Set(['short_text', 'long_text', 'list']);

/** The fields of a template that "Add selection to …" offers. */
export function selectionFields(fields: readonly TemplateField[]): TemplateField[] {
  return fields.filter((f) => SELECTION_TYPES.has(f.type));
}

/**
 * A field's value with selected text added after what is there, never in its place: a new paragraph of a long
 * text, the rest of a short one (on one line), new items of a list (one per line). Undefined for other types.
 */
export function appendSelection(field: TemplateField, current: unknown, selected: string): FieldValue | undefined {
  const text = selected.trim();
  if (!text) return undefined;
  const before = typeof current === 'string' ? current.trimEnd() : '';
  switch (field.type) {
    case 'long_text':
      return before ? `${before}\n\n${text}` : text;
    case 'short_text': {
      const line = text.replace(/\s+/g, ' ');
      return before ? `${before} ${line}` : line;
    }
    case 'list': {
      const items = Array.isArray(current) ? current.filter((item): item is string => typeof item === 'string') : [];
      return [...items, ...listFromText(text)];
    }
    default:
      return undefined;
  }
}
