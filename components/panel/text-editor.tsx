import { FieldFrame, describedBy, fieldIds } from './field-frame';
import type { EditorProps } from './editor-props';
import { inputClass } from '../form-styles';

const INPUT_TYPES = { short_text: 'text', link: 'url', date: 'date' } as const;

/** short_text, link and date: one input. */
export function TextEditor({ base, field, value, onChange, problem }: EditorProps<'short_text' | 'link' | 'date'>) {
  const type = INPUT_TYPES[field.type as keyof typeof INPUT_TYPES] ?? 'text';
  // A date field may hold a full timestamp (imported data): the input shows its day.
  const shown = type === 'date' ? value.slice(0, 10) : value;
  return (
    <FieldFrame base={base} field={field} problem={problem}>
      <input
        id={fieldIds(base).control}
        type={type}
        className={inputClass}
        value={shown}
        placeholder={field.placeholder}
        aria-required={field.required}
        aria-describedby={describedBy(base, problem)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

/** long_text: a textarea. */
export function LongTextEditor({ base, field, value, onChange, problem }: EditorProps<'long_text'>) {
  return (
    <FieldFrame base={base} field={field} problem={problem}>
      <textarea
        id={fieldIds(base).control}
        rows={3}
        className={inputClass}
        value={value}
        placeholder={field.placeholder}
        aria-required={field.required}
        aria-describedby={describedBy(base, problem)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
