import { queryEcho } from '../lib/match/search-index';
import { plural } from '../lib/text/plural';
import { inputClass, labelClass } from './form-styles';

/** Settings → Clients: the search field over the list, how many clients it shows, and what to do when none. */
export function ClientListSearch({ query, onQuery, shown, total }: { query: string; onQuery: (query: string) => void; shown: number; total: number }) {
  const filtering = query.trim() !== '';
  return (
    <div className="flex flex-col gap-1">
      <label className={labelClass}>
        Search clients
        <input
          type="search"
          className={inputClass}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder="Name, domain, customer ID, Asana URL…"
          aria-describedby="client-count"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p id="client-count" role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {filtering ? `${shown} of ${plural(total, 'client')}` : plural(total, 'client')}
      </p>
      {filtering && shown === 0 ? (
        <p className="text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
          No client matches “{queryEcho(query)}”. Search looks at names, domains, addresses and identifiers (a customer ID with or without dashes, an Asana URL).
        </p>
      ) : null}
    </div>
  );
}
