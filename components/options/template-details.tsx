import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { FIELD_TYPE_WORDS } from './template-words';

/** One template, folded: its purpose, who hands to whom, and every field with its help. */
export function TemplateDetails({ template, canEdit, onEdit }: { template: Template; canEdit: boolean; onEdit: () => void }) {
  return (
    <details className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/40">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3">
        <span className="flex flex-col">
          <span className="font-medium">{template.name}</span>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {template.fromRole} → {template.toRole} · {template.fields.length} fields · {template.builtIn ? 'Built-in' : `Custom, version ${template.version}`}
          </span>
        </span>
        <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="flex flex-col gap-3 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
        <p className="text-sm text-slate-700 dark:text-slate-300">{template.description}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The receiver confirms within {template.confirmWithinHours} hours.
          {template.transfersOwnership ? ' Confirming makes the receiver the client’s owner.' : ''}
        </p>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Fields of {template.name}</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Field</th>
              <th scope="col" className="py-1 pr-2 font-medium">Type</th>
              <th scope="col" className="py-1 font-medium">What good looks like</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 align-top dark:divide-slate-800">
            {template.fields.map((field) => (
              <tr key={field.id}>
                <td className="py-1.5 pr-2 font-medium">
                  {field.label}
                  {field.required ? <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">required</span> : null}
                </td>
                <td className="py-1.5 pr-2 whitespace-nowrap text-slate-700 dark:text-slate-300">{FIELD_TYPE_WORDS[field.type]}</td>
                <td className="py-1.5 text-slate-700 dark:text-slate-300">
                  {field.help}
                  {field.items?.length ? <span className="block text-xs text-slate-600 dark:text-slate-400">Items: {field.items.join(' · ')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${template.name}`}>
              Edit
            </Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">Saving makes version {template.version + 1}; handoffs already started keep theirs.</span>
          </div>
        ) : null}
      </div>
    </details>
  );
}
