import { IDENTIFIER_LABELS, formatIdentifierValue } from '../../lib/sites/labels';
import type { SearchOption } from './use-search';

const GROUPS = ['Recent clients', 'Clients', 'Handoffs'] as const;

function OptionText({ option }: { option: SearchOption }) {
  if (option.kind === 'client') {
    const { client, matched } = option.hit;
    return (
      <>
        <span className="block font-medium text-slate-900 dark:text-slate-100">{client.name}</span>
        {matched ? (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {IDENTIFIER_LABELS[matched.kind]} {formatIdentifierValue(matched.kind, matched.value)}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span className="block font-medium text-slate-900 dark:text-slate-100">{option.handoff.title}</span>
      <span className="block text-xs text-slate-600 dark:text-slate-400">{[option.clientName, option.people].filter(Boolean).join(' · ')}</span>
    </>
  );
}

/** The open results: a listbox of options grouped "Recent clients" / "Clients" / "Handoffs" (ARIA 1.2 combobox popup). */
export function SearchResults(props: { id: string; options: SearchOption[]; active: number; optionId: (index: number) => string; onChoose: (option: SearchOption) => void }) {
  const { id, options, active, optionId, onChoose } = props;
  return (
    <div role="listbox" id={id} aria-label="Search results" className="flex flex-col py-1">
      {GROUPS.map((group) => {
        const members = options.flatMap((option, index) => (option.group === group ? [{ option, index }] : []));
        if (members.length === 0) return null;
        const labelId = `${id}-${group.replace(/\s/g, '-').toLowerCase()}`;
        return (
          <div key={group} role="group" aria-labelledby={labelId}>
            <div role="presentation" id={labelId} className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
              {group}
            </div>
            {members.map(({ option, index }) => (
              <div
                key={optionId(index)}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Keeps focus in the box: the click still opens the result, and the box stays a combobox.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChoose(option)}
                className={`cursor-pointer px-3 py-1.5 text-sm [overflow-wrap:anywhere] ${index === active ? 'bg-brand-50 dark:bg-slate-800' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'}`}
              >
                <OptionText option={option} />
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
