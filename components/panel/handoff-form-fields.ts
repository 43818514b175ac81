// How the handoff form lays out a template's fields: what the receiver needs first, the optional rest folded.
import type { TemplateField } from '../../lib/model/template';

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
