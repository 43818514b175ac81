import type { FieldType, FieldValue, TemplateField } from '../../lib/model/template';

/** What every field editor gets: its field, its value in the stored shape, and where to send a new one. */
export interface EditorProps<T extends FieldType> {
  base: string;
  field: TemplateField;
  value: FieldValue<T>;
  onChange: (value: FieldValue<T>) => void;
  problem?: string;
}
