import { FieldGroup } from './field-frame';
import { emptyPerson, patchRow, removeRow } from './field-values';
import type { EditorProps } from './editor-props';
import { AddRowButton, RowCard } from './row-card';
import { twoColumnsClass } from '../form-styles';
import { SmallInput } from './small-input';

export function PeopleEditor({ base, field, value, onChange, problem }: EditorProps<'people'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {value.map((person, i) => (
        <RowCard key={i} name={`Person ${i + 1}`} onRemove={() => onChange(removeRow(value, i))}>
          <div className={twoColumnsClass}>
            <SmallInput label="Name" value={person.name} onChange={(e) => onChange(patchRow(value, i, { name: e.target.value }))} />
            <SmallInput label="Role" value={person.role} onChange={(e) => onChange(patchRow(value, i, { role: e.target.value }))} />
          </div>
          <SmallInput label="Email" type="email" value={person.email} onChange={(e) => onChange(patchRow(value, i, { email: e.target.value }))} />
        </RowCard>
      ))}
      <AddRowButton onClick={() => onChange([...value, emptyPerson()])}>Add person</AddRowButton>
    </FieldGroup>
  );
}
