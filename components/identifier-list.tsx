import { useId, useState } from 'react';
import { identifierLabel } from '../lib/sites/labels';
import type { Identifier } from '../lib/sites/types';
import { DisclosureButton } from './disclosure-button';

/** An identifier as a page shows it, with why matching ignores it when it does. */
export interface ShownIdentifier {
  identifier: Identifier;
  ignored?: string;
}

/**
 * A page's identifiers folded behind one line ("12 identifiers on this page · show"): they are what
 * Baton read, worth a look when a match surprises, not at every glance.
 */
export function IdentifierList({ identifiers, label }: { identifiers: readonly ShownIdentifier[]; label: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (identifiers.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No identifiers on this page.</p>;
  const ignored = identifiers.filter((i) => i.ignored).length;
  const summary = `${identifiers.length} ${identifiers.length === 1 ? 'identifier' : 'identifiers'} on this page${ignored > 0 ? ` (${ignored} ignored)` : ''}`;
  return (
    <div className="flex flex-col gap-1">
      <DisclosureButton
        open={open}
        controls={listId}
        onToggle={() => setOpen(!open)}
        className="self-start rounded-sm text-left text-xs text-slate-600 underline decoration-slate-400/40 underline-offset-2 hover:decoration-slate-500 dark:text-slate-400"
      >
        {summary} · {open ? 'hide' : 'show'}
      </DisclosureButton>
      <ul id={listId} aria-label={label} hidden={!open} className="flex flex-col gap-1">
        {identifiers.map(({ identifier, ignored: reason }) => (
          <li key={`${identifier.kind}:${identifier.value}`} className="flex flex-col rounded-md bg-slate-50 px-2 py-1 text-sm dark:bg-slate-900">
            <span className={`wrap-anywhere ${reason ? 'text-slate-600 dark:text-slate-400' : 'text-slate-900 dark:text-slate-100'}`}>
              {identifierLabel(identifier)}
            </span>
            {reason ? <span className="text-xs text-slate-600 dark:text-slate-400">Ignored: {reason}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
