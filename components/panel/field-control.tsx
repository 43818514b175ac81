import type { FieldType, FieldValue, TemplateField } from '../../lib/model/template';
import { ActionItemsEditor } from './action-items-editor';
import { ChecklistEditor } from './checklist-editor';
import { DecisionsEditor } from './decisions-editor';
import { editableValue } from './field-values';
import { KpiEditor } from './kpi-editor';
import { ListEditor } from './list-editor';
import { PeopleEditor } from './people-editor';
import { LongTextEditor, TextEditor } from './text-editor';

/** The editor for a field's type, fed the value as typed (see editableValue). */
export function FieldControl({ field, value, onChange, problem }: { field: TemplateField; value: unknown; onChange: (value: FieldValue) => void; problem?: string }) {
  const current = editableValue(field, value);
  const base = `field-${field.id}`;
  const props = { base, field, problem, onChange };
  const as = <T extends FieldType>(v: FieldValue) => v as FieldValue<T>;
  switch (field.type) {
    case 'short_text':
    case 'link':
    case 'date':
      return <TextEditor {...props} value={as<'short_text'>(current)} />;
    case 'long_text':
      return <LongTextEditor {...props} value={as<'long_text'>(current)} />;
    case 'list':
      return <ListEditor {...props} value={as<'list'>(current)} />;
    case 'people':
      return <PeopleEditor {...props} value={as<'people'>(current)} />;
    case 'kpi_targets':
      return <KpiEditor {...props} value={as<'kpi_targets'>(current)} />;
    case 'checklist':
      return <ChecklistEditor {...props} value={as<'checklist'>(current)} />;
    case 'decisions':
      return <DecisionsEditor {...props} value={as<'decisions'>(current)} />;
    case 'action_items':
      return <ActionItemsEditor {...props} value={as<'action_items'>(current)} />;
  }
}
