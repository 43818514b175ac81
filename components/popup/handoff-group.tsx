import type { Handoff } from '../../lib/model/handoff';
import { describeDue } from './due';

export interface HandoffLine {
  handoff: Handoff;
  clientName: string;
  /** "from Marcus Bell" or "to Lena Okafor": the other party. */
  party: string;
}

/** One group of the popup: a region with its heading, one button per handoff, and help when empty. */
export function HandoffGroup({ title, lines, empty, now, onOpen }: { title: string; lines: HandoffLine[]; empty: string; now: Date; onOpen: (handoff: Handoff) => void }) {
  const id = `group-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-1.5">
      <h2 className="flex items-center justify-between px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {/* The region is named by the title alone; the count follows it when the heading is read. */}
        <span id={id}>{title}</span>{' '}
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-200">
          {lines.length}
        </span>
      </h2>
      {lines.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {lines.map((line) => (
            <li key={line.handoff.id}>
              <HandoffButton line={line} now={now} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HandoffButton({ line, now, onOpen }: { line: HandoffLine; now: Date; onOpen: (handoff: Handoff) => void }) {
  const due = describeDue(line.handoff, now);
  return (
    <button
      type="button"
      onClick={() => onOpen(line.handoff)}
      className="flex w-full flex-col gap-0.5 rounded-md border border-slate-200 bg-white px-3 py-2 text-left motion-safe:transition-colors hover:border-brand-600 hover:bg-brand-50 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-400 dark:hover:bg-slate-800"
    >
      <span className="line-clamp-2 text-sm font-medium text-slate-900 dark:text-slate-50">{line.handoff.title}</span>
      <span className="truncate text-xs text-slate-600 dark:text-slate-400">{line.clientName}</span>
      <span className="flex items-baseline justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        {/* Wraps rather than cut: "from Dana · Answers received" must read whole at 360 px. */}
        <span className="min-w-0 break-words">{line.party}</span>
        {due ? <span className={due.overdue ? 'shrink-0 font-semibold text-red-700 dark:text-red-300' : 'shrink-0'}>{due.text}</span> : null}
      </span>
    </button>
  );
}
