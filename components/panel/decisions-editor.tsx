import { FieldGroup } from './field-frame';
import { emptyDecision, patchRow, removeRow } from './field-values';
import type { EditorProps } from './editor-props';
import { AddRowButton, RowCard } from './row-card';
import { SmallInput, SmallTextarea } from './small-input';

export function DecisionsEditor({ base, field, value, onChange, problem }: EditorProps<'decisions'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {value.map((d, i) => (
        <RowCard key={i} name={`Decision ${i + 1}`} onRemove={() => onChange(removeRow(value, i))}>
          <SmallInput label="Decision" value={d.decision} onChange={(e) => onChange(patchRow(value, i, { decision: e.target.value }))} />
          <SmallTextarea label="Rationale" value={d.rationale} onChange={(e) => onChange(patchRow(value, i, { rationale: e.target.value }))} />
          <SmallTextarea
            label="Considered and rejected"
            value={d.consideredAndRejected}
            onChange={(e) => onChange(patchRow(value, i, { consideredAndRejected: e.target.value }))}
          />
        </RowCard>
      ))}
      <AddRowButton onClick={() => onChange([...value, emptyDecision()])}>Add decision</AddRowButton>
    </FieldGroup>
  );
}
