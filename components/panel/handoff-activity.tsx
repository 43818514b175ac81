import type { Handoff } from '../../lib/model/handoff';
import type { TimelineEntry } from '../../lib/model/timeline';
import { handoffActivity } from './activity';
import { formatDateTime } from './format';
import { useWorkspace } from './workspace';

/** What happened to the handoff, oldest first: when it was started, then each step. */
export function HandoffActivity({ handoff, entries }: { handoff: Handoff; entries: TimelineEntry[] }) {
  const { members } = useWorkspace();
  const lines = handoffActivity(handoff, entries, members);
  return (
    <ol aria-label="Activity" className="flex flex-col gap-0 border-l border-slate-200 pl-3 dark:border-slate-700">
      {lines.map((line) => (
        <li key={line.id} className="relative pb-3 text-sm last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[17px] size-2 rounded-full bg-slate-300 ring-2 ring-white dark:bg-slate-600 dark:ring-slate-950" />
          <time dateTime={line.at} className="block text-xs text-slate-600 dark:text-slate-400">
            {formatDateTime(line.at)}
          </time>
          <span className="text-slate-800 dark:text-slate-200">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
