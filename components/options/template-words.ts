import type { FieldType, Template } from '../../lib/model/template';

export const FIELD_TYPE_WORDS: Record<FieldType, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  list: 'List',
  people: 'People (name, role, email)',
  link: 'Link',
  date: 'Date',
  kpi_targets: 'Targets, each validated',
  checklist: 'Checklist',
  decisions: 'Decisions with rationale',
  action_items: 'Action items (owner, date)',
};

/** "primary_goals" from "Primary goals!": the snake_case id a field keeps across versions. */
export function fieldIdFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(?=\d)/, 'field_')
      .slice(0, 56) || 'field';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** A template id for a new custom template, unique in the workspace. */
export function templateIdFromName(name: string, templates: readonly Template[]): string {
  const slug = fieldIdFromLabel(name, new Set()).replace(/_/g, '-');
  const taken = new Set(templates.map((t) => t.id));
  let id = `custom-${slug}`;
  for (let n = 2; taken.has(id); n++) id = `custom-${slug}-${n}`;
  return id;
}
