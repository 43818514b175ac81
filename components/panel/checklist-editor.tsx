import { FieldGroup } from './field-frame';
import { checklistItems, toggleChecklist } from './field-values';
import type { EditorProps } from './editor-props';

export function ChecklistEditor({ base, field, value, onChange, problem }: EditorProps<'checklist'>) {
  return (
    <FieldGroup base={base} field={field} problem={problem}>
      {checklistItems(field, value).map((item) => (
        <label key={item.label} className="flex items-start gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
            checked={item.done}
            onChange={(e) => onChange(toggleChecklist(field, value, item.label, e.target.checked))}
          />
          {item.label}
        </label>
      ))}
    </FieldGroup>
  );
}
