import { FieldGroup } from './field-frame';
import { emptyTarget, patchRow, removeRow, validatedChoice, validatedValue } from './field-values';
import type { EditorProps } from './editor-props';
import { AddRowButton, RowCard } from './row-card';
import { SmallInput } from './small-input';
import { inputClass, twoColumnsClass } from '../form-styles';

/** Targets and promises, each saying whether it was checked against the client's real data. */
export function KpiEditor({ base, field, value, onChange, problem }: EditorProps<'kpi_targets'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {value.map((target, i) => (
        <RowCard key={i} name={`Target ${i + 1}`} onRemove={() => onChange(removeRow(value, i))}>
          <div className={twoColumnsClass}>
            <SmallInput label="Metric" value={target.metric} placeholder="ROAS" onChange={(e) => onChange(patchRow(value, i, { metric: e.target.value }))} />
            <SmallInput label="Target" value={target.value} placeholder="4.0" onChange={(e) => onChange(patchRow(value, i, { value: e.target.value }))} />
          </div>
          <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">
            Validated against the client’s data?
            <select className={inputClass} value={validatedChoice(target.validated)} onChange={(e) => onChange(patchRow(value, i, { validated: validatedValue(e.target.value) }))}>
              <option value="unknown">Not answered yet</option>
              <option value="yes">Yes, validated</option>
              <option value="no">No, not validated</option>
            </select>
          </label>
          <SmallInput label="Evidence" value={target.evidence} placeholder="Checked against 12 months of Shopify margins" onChange={(e) => onChange(patchRow(value, i, { evidence: e.target.value }))} />
        </RowCard>
      ))}
      <AddRowButton onClick={() => onChange([...value, emptyTarget()])}>Add target</AddRowButton>
    </FieldGroup>
  );
}
