import { useId, useMemo, useState } from 'react';
import type { ClientView } from '../../lib/db/queries';
import type { Failure, Note } from '../../lib/model/note';
import type { TimelineEntry } from '../../lib/model/timeline';
import { formatDateTime, memberName } from './format';
import {
  HISTORY_KIND_LABELS,
  HISTORY_KIND_SINGULAR,
  failureDetails,
  failureLine,
  filterHistory,
  handoffLabel,
  historyKind,
  kindsPresent,
  noteDetails,
  type HistoryDetail,
  type HistoryFilter,
} from './timeline';
import { inputClass, selectClass } from '../form-styles';
import { useWorkspace } from './workspace';

const KIND_DOTS: Record<string, string> = {
  handoff: 'bg-brand-600 dark:bg-indigo-400',
  decision: 'bg-emerald-600 dark:bg-emerald-400',
  call_summary: 'bg-sky-600 dark:bg-sky-400',
  commitment: 'bg-amber-600 dark:bg-amber-400',
  failure: 'bg-red-600 dark:bg-red-400',
  other: 'bg-slate-400 dark:bg-slate-500',
};

/** What an entry shows: its line (a failure's own words when its record is at hand) and the details under it. */
interface Shown {
  line: string;
  details: HistoryDetail[];
}

/** The client's history, newest first, narrowed by kind and by words. */
export function History({
  entries,
  notes,
  failures = [],
  handoffs = [],
  cost,
}: {
  entries: TimelineEntry[];
  notes: Note[];
  failures?: Failure[];
  /** The client's handoffs, to name the one a failure followed. */
  handoffs?: ClientView['handoffs'];
  cost?: ClientView['cost'];
}) {
  const { members, templates } = useWorkspace();
  const details = useMemo(() => {
    const byNote = new Map(notes.map((n) => [n.id, noteDetails(n)]));
    const byFailure = new Map(failures.map((f) => [f.id, f]));
    const titles = new Map(handoffs.map((h) => [h.id, handoffLabel(h, templates)]));
    return new Map(
      entries.map((e): [string, Shown] => {
        const failure = e.failureId ? byFailure.get(e.failureId) : undefined;
        if (failure) return [e.id, { line: failureLine(failure), details: failureDetails(failure, { handoff: failure.handoffId ? titles.get(failure.handoffId) : undefined, cost }) }];
        return [e.id, { line: e.summary, details: e.noteId ? (byNote.get(e.noteId) ?? []) : [] }];
      }),
    );
  }, [entries, notes, failures, handoffs, cost, templates]);
  const shownOf = (e: TimelineEntry): Shown => details.get(e.id) ?? { line: e.summary, details: [] };
  const [filter, setFilter] = useState<HistoryFilter>({ kind: 'all', query: '' });
  const searchId = useId();
  const kinds = useMemo(() => kindsPresent(entries), [entries]);
  // Searching by who did it, or by a decision's reasons, works too: "Maya margin".
  const shown = useMemo(
    () => filterHistory(entries, filter, (e) => [memberName(members, e.actorId), details.get(e.id)?.line ?? '', ...(details.get(e.id)?.details ?? []).map((d) => d.text)].join(' ')),
    [entries, filter, members, details],
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2">
        <label htmlFor={searchId} className="sr-only">
          Search history
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search history"
          className={inputClass}
          value={filter.query}
          onChange={(e) => setFilter((f) => ({ ...f, query: e.target.value }))}
        />
        <label className="sr-only" htmlFor={`${searchId}-kind`}>
          Show
        </label>
        <select
          id={`${searchId}-kind`}
          className={selectClass}
          value={filter.kind}
          onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value as HistoryFilter['kind'] }))}
        >
          <option value="all">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {HISTORY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <p className="sr-only" role="status">
        {shown.length} of {entries.length} entries shown
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{entries.length === 0 ? 'No history yet.' : 'Nothing matches.'}</p>
      ) : (
        <ol aria-label="History entries" className="flex flex-col">
          {shown.map((e) => (
            <li key={e.id} className="flex gap-2.5 border-b border-slate-100 py-2 last:border-b-0 dark:border-slate-800/70">
              <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${KIND_DOTS[historyKind(e)]}`} />
              <div className="flex min-w-0 flex-col gap-0.5">
                <p className="text-sm break-words text-slate-800 dark:text-slate-200">{shownOf(e).line}</p>
                {shownOf(e).details.map((d) => (
                  <p key={d.label} className="text-sm break-words text-slate-600 dark:text-slate-300">
                    <span className="font-medium text-slate-700 dark:text-slate-200">{d.label}:</span> {d.text}
                  </p>
                ))}
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {HISTORY_KIND_SINGULAR[historyKind(e)]} · {memberName(members, e.actorId)} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
