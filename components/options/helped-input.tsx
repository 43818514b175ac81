import { useId, type InputHTMLAttributes } from 'react';
import { helpClass, inputClass, labelClass } from '../form-styles';

/** A text field named by its label alone, its help line read after the name (aria-describedby). */
export function HelpedInput({ label, help, ...input }: { label: string; help: string } & InputHTMLAttributes<HTMLInputElement>) {
  const helpId = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label className={labelClass}>
        {label}
        <input className={inputClass} aria-describedby={helpId} {...input} />
      </label>
      <p id={helpId} className={helpClass}>
        {help}
      </p>
    </div>
  );
}
