import { IDENTIFIER_LABELS, formatIdentifierValue } from '../lib/sites/labels';
import type { Identifier } from '../lib/sites/types';

export function IdentifierList({ identifiers, label }: { identifiers: Identifier[]; label: string }) {
  if (identifiers.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">None on this page.</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {identifiers.map((id) => (
        <li key={`${id.kind}:${id.value}`} className="flex items-baseline justify-between gap-3 rounded-md bg-slate-50 px-2 py-1 text-sm dark:bg-slate-900">
          <span className="shrink-0 text-slate-500 dark:text-slate-400">{IDENTIFIER_LABELS[id.kind]}</span>
          <span className="truncate font-mono text-xs" title={id.value}>
            {formatIdentifierValue(id.kind, id.value)}
          </span>
        </li>
      ))}
    </ul>
  );
}
