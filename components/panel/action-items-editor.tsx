import { FieldGroup } from './field-frame';
import { emptyActionItem, patchRow, removeRow } from './field-values';
import type { EditorProps } from './editor-props';
import { AddRowButton, RowCard } from './row-card';
import { twoColumnsClass } from '../form-styles';
import { SmallInput } from './small-input';

/** Open items, each with one owner and a date: accountability is assigned, not assumed. */
export function ActionItemsEditor({ base, field, value, onChange, problem }: EditorProps<'action_items'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {value.map((item, i) => (
        <RowCard key={item.id} name={`Item ${i + 1}`} onRemove={() => onChange(removeRow(value, i))}>
          <SmallInput label="What" value={item.text} onChange={(e) => onChange(patchRow(value, i, { text: e.target.value }))} />
          <div className={twoColumnsClass}>
            <SmallInput label="Owner’s email" type="email" value={item.ownerEmail} onChange={(e) => onChange(patchRow(value, i, { ownerEmail: e.target.value }))} />
            <SmallInput label="Due" type="date" value={item.due} onChange={(e) => onChange(patchRow(value, i, { due: e.target.value }))} />
          </div>
        </RowCard>
      ))}
      <AddRowButton onClick={() => onChange([...value, emptyActionItem()])}>Add item</AddRowButton>
    </FieldGroup>
  );
}
