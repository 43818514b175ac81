import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { inputClass } from '../form-styles';

/** A labelled input inside a row: the label is short ("Email") because the row's group names the context. */
export function SmallInput({ label, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">
      {label}
      <input className={inputClass} {...props} />
    </label>
  );
}

export function SmallTextarea({ label, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">
      {label}
      <textarea rows={2} className={inputClass} {...props} />
    </label>
  );
}
