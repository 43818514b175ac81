import type { Template } from '../model/template';
import { editedTitle } from './handoff-machine';

// What a sender's edit of a sent handoff changes, judged the same way by the form that saves it, the
// reducer that accepts it and the views that show it: which fields, and whether the receiver must
// confirm again (a required field changed; an optional one does not ask for it).

/** What an edit changes: template fields (in the template's order), the title, the confirm-by. */
export interface EditChange {
  fieldIds: string[];
  title: boolean;
  dueBy: boolean;
  /** A required field changed: the receiver confirms again. */
  reconfirm: boolean;
}

/** Refused edit: it changes nothing. */
export const NOTHING_CHANGED = 'Nothing changed: change a field before saving.';

/** Refused edit: a confirm-by moved on a handoff that stays confirmed (its deadline has ended). */
export const CONFIRMED_HAS_NO_DEADLINE = 'This handoff is confirmed: it has no confirm-by to move unless a required field changes.';

/** Keys sorted, so the same value written in another order is not a change. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;

/** A comparable form of a value; every empty value ("", [], none) reads alike. */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  return JSON.stringify(value, sortedKeys);
}

/** What `edit` changes in a handoff that stands as `current`. */
export function describeEdit(
  template: Template,
  current: { title: string; dueBy?: string; fields: Record<string, unknown> },
  edit: { title?: string; dueBy?: string; fields: Record<string, unknown> },
): EditChange {
  const changed = template.fields.filter((f) => Object.hasOwn(edit.fields, f.id) && comparable(current.fields[f.id]) !== comparable(edit.fields[f.id]));
  return {
    fieldIds: changed.map((f) => f.id),
    title: edit.title !== undefined && editedTitle(current.title, edit.title) !== current.title,
    dueBy: edit.dueBy !== undefined && Date.parse(edit.dueBy) !== Date.parse(current.dueBy ?? ''),
    reconfirm: changed.some((f) => f.required),
  };
}

/** Nothing written in it: no value, blank text, or a list or record of nothing but blanks. */
function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/**
 * The first required field an edit would empty, as its refusal; null when none. A sent handoff keeps
 * what its receiver relies on: a required field once filled is corrected, never blanked by an edit.
 */
export function emptiedRequired(template: Template, current: Record<string, unknown>, fields: Record<string, unknown>): string | null {
  const emptied = template.fields.find((f) => f.required && Object.hasOwn(fields, f.id) && isBlank(fields[f.id]) && !isBlank(current[f.id]));
  return emptied ? `“${emptied.label}” is required: an edit cannot empty it. Write what it should say now instead.` : null;
}

/** Whether an edit changes anything at all. */
export const changesAnything = (change: Omit<EditChange, 'reconfirm'>): boolean => change.fieldIds.length > 0 || change.title || change.dueBy;

/** The refusal of an edit whose `reconfirm` does not say what it changes. */
export function reconfirmMismatch(needed: boolean): string {
  return needed ? 'This edit changes a required field: the receiver must confirm it again.' : 'Only a change to a required field asks the receiver to confirm again.';
}

/** What changed, in the words of the form: "Title", the fields' labels, "Confirm by". */
export function changedLabels(template: Template, change: Omit<EditChange, 'reconfirm'>): string[] {
  const fields = template.fields.filter((f) => change.fieldIds.includes(f.id)).map((f) => f.label);
  return [...(change.title ? ['Title'] : []), ...fields, ...(change.dueBy ? ['Confirm by'] : [])];
}

/** Two edits' changes as one ("changed since the receiver last confirmed"), fields in the template's order. */
export function mergeChanges(template: Template, earlier: Omit<EditChange, 'reconfirm'> | undefined, later: Omit<EditChange, 'reconfirm'>): Omit<EditChange, 'reconfirm'> {
  if (!earlier) return { fieldIds: later.fieldIds, title: later.title, dueBy: later.dueBy };
  const ids = new Set([...earlier.fieldIds, ...later.fieldIds]);
  return { fieldIds: template.fields.filter((f) => ids.has(f.id)).map((f) => f.id), title: earlier.title || later.title, dueBy: earlier.dueBy || later.dueBy };
}
