import { FieldGroup } from './field-frame';
import { emptyPerson, patchRow, removeRow } from './field-values';
import type { EditorProps } from './editor-props';
import { AddRowButton, RowCard } from './row-card';
import { twoColumnsClass } from '../form-styles';
import { SmallInput } from './small-input';

type PersonRow = { name: string; role: string; email: string };

/** A person's name, role and email, as every people list in the panel asks for them. */
export function PersonFields({ person, onPatch }: { person: PersonRow; onPatch: (patch: Partial<PersonRow>) => void }) {
  return (
    <>
      <div className={twoColumnsClass}>
        <SmallInput label="Name" value={person.name} onChange={(e) => onPatch({ name: e.target.value })} />
        <SmallInput label="Role" value={person.role} onChange={(e) => onPatch({ role: e.target.value })} />
      </div>
      <SmallInput label="Email" type="email" value={person.email} onChange={(e) => onPatch({ email: e.target.value })} />
    </>
  );
}

export function PeopleEditor({ base, field, value, onChange, problem }: EditorProps<'people'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {value.map((person, i) => (
        <RowCard key={i} name={`Person ${i + 1}`} onRemove={() => onChange(removeRow(value, i))}>
          <PersonFields person={person} onPatch={(patch) => onChange(patchRow(value, i, patch))} />
        </RowCard>
      ))}
      <AddRowButton onClick={() => onChange([...value, emptyPerson()])}>Add person</AddRowButton>
    </FieldGroup>
  );
}
