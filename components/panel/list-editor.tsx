import { useState } from 'react';
import { FieldFrame, describedBy, fieldIds } from './field-frame';
import { listFromText, textFromList } from './field-values';
import type { EditorProps } from './editor-props';
import { inputClass } from '../form-styles';

/** A list typed one item per line. The text is kept as typed (blank lines and all) while the value drops blanks. */
export function ListEditor({ base, field, value, onChange, problem }: EditorProps<'list'>) {
  const [text, setText] = useState(() => textFromList(value));
  return (
    <FieldFrame base={base} field={field} problem={problem}>
      <textarea
        id={fieldIds(base).control}
        rows={Math.min(6, Math.max(2, value.length + 1))}
        className={inputClass}
        value={text}
        placeholder={field.placeholder ? `${field.placeholder}\n…one per line` : 'One per line'}
        aria-required={field.required}
        aria-describedby={describedBy(base, problem)}
        onChange={(e) => {
          setText(e.target.value);
          onChange(listFromText(e.target.value));
        }}
      />
    </FieldFrame>
  );
}
