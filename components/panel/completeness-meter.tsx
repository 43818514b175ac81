import { useId } from 'react';
import type { Completeness } from '../../lib/model/handoff';
import { fieldIds } from './field-frame';

/** Focuses a field's control, or the first control of a field made of several. */
function focusField(fieldId: string): void {
  const ids = fieldIds(`field-${fieldId}`);
  const target = document.getElementById(ids.control) ?? document.querySelector<HTMLElement>(`[aria-labelledby="${ids.legend}"] :is(input, textarea, select, button)`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/**
 * How many required fields are good enough: a label, a count and a bar, slim enough to sit in the
 * form's sticky footer beside "Send handoff". What each missing field still needs is MissingFields.
 */
export function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const { required, satisfied, missing } = completeness;
  const labelId = useId();
  const percent = required === 0 ? 100 : Math.round((satisfied / required) * 100);
  const complete = missing.length === 0;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span id={labelId} className="font-medium text-slate-800 dark:text-slate-200">
          Completeness
        </span>
        <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
          {satisfied} of {required} required
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={required}
        aria-valuenow={satisfied}
        aria-valuetext={`${satisfied} of ${required} required fields complete`}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className={`h-full rounded-full motion-safe:transition-[width] ${complete ? 'bg-emerald-600' : 'bg-brand-600 dark:bg-indigo-400'}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** In words what each missing required field still needs, each a way to its field; or that nothing is missing. */
export function MissingFields({ completeness }: { completeness: Completeness }) {
  if (completeness.missing.length === 0) return <p className="text-sm text-emerald-800 dark:text-emerald-300">Everything the receiver needs is here.</p>;
  return (
    <ul aria-label="Missing" className="flex flex-col gap-1 text-sm text-slate-700 dark:text-slate-300">
      {completeness.missing.map((m) => (
        <li key={m.fieldId} className="flex gap-2">
          <span aria-hidden="true" className="text-amber-700 dark:text-amber-400">
            •
          </span>
          {/* Each reason takes you to its field: the fastest way from "what is missing" to filling it. */}
          <button type="button" className="text-left hover:underline" onClick={() => focusField(m.fieldId)}>
            {m.reason}
          </button>
        </li>
      ))}
    </ul>
  );
}
