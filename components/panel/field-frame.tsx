import type { ReactNode } from 'react';
import type { TemplateField } from '../../lib/model/template';
import { helpClass } from '../form-styles';

/** Ids a field's control refers to: its help and, when there is one, its problem. */
export function fieldIds(base: string) {
  return { control: `${base}-control`, legend: `${base}-legend`, help: `${base}-help`, problem: `${base}-problem` };
}

/** `aria-describedby` for a field: the help always, then what is wrong with it. */
export function describedBy(base: string, problem: string | undefined): string {
  const ids = fieldIds(base);
  return problem ? `${ids.help} ${ids.problem}` : ids.help;
}

function RequiredMark({ required }: { required: boolean }) {
  // Outside the label and aria-hidden: the name stays exactly the template's label; the control says "required" itself.
  return required ? (
    <span aria-hidden="true" className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">
      required
    </span>
  ) : null;
}

function Footnotes({ base, field, problem }: { base: string; field: TemplateField; problem?: string }) {
  const ids = fieldIds(base);
  return (
    <>
      <span id={ids.help} className={helpClass}>
        {field.help}
      </span>
      {problem ? (
        <span id={ids.problem} className="text-xs font-medium text-amber-800 dark:text-amber-300">
          {problem}
        </span>
      ) : null}
    </>
  );
}

/** One control labelled by the field's label, with the help under it. */
export function FieldFrame({ base, field, problem, children }: { base: string; field: TemplateField; problem?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline">
        <label htmlFor={fieldIds(base).control} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {field.label}
        </label>
        <RequiredMark required={field.required} />
      </div>
      {children}
      <Footnotes base={base} field={field} problem={problem} />
    </div>
  );
}

/** Several controls for one field: a group named by the field's label. */
export function FieldGroup({ base, field, problem, children }: { base: string; field: TemplateField; problem?: string; children: ReactNode }) {
  const ids = fieldIds(base);
  return (
    <fieldset aria-labelledby={ids.legend} aria-describedby={describedBy(base, problem)} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
        <span id={ids.legend}>{field.label}</span>
        <RequiredMark required={field.required} />
      </legend>
      {children}
      <Footnotes base={base} field={field} problem={problem} />
    </fieldset>
  );
}
