import type { HandoffState } from '../../lib/model/handoff';
import { STATE_LABELS } from './format';

// Colour only repeats what the word says: the label carries the meaning.
const TONES: Record<HandoffState, string> = {
  draft: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  sent: 'bg-brand-50 text-brand-700 ring-brand-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800',
  gaps_raised: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  gaps_answered: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  confirmed: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  cancelled: 'bg-slate-100 text-slate-600 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600',
  reassigned: 'bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800',
};

export function StateBadge({ state }: { state: HandoffState }) {
  return (
    <span className={`relative inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[state]}`}>
      <span className="sr-only">State: </span>
      {STATE_LABELS[state]}
    </span>
  );
}
