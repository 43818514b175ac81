import type { Completeness } from '../../lib/model/handoff';

/**
 * A slim bar that stays in view while the form scrolls. Visual only (aria-hidden): the full meter
 * with its list of what is missing sits by the Send button, where screen readers meet it.
 */
export function CompletenessStrip({ completeness }: { completeness: Completeness }) {
  const { required, satisfied } = completeness;
  const percent = required === 0 ? 100 : Math.round((satisfied / required) * 100);
  return (
    <div aria-hidden="true" className="sticky top-0 z-10 -mx-4 flex items-center gap-3 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={`h-full rounded-full ${satisfied === required ? 'bg-emerald-600' : 'bg-brand-600 dark:bg-indigo-400'}`} style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {satisfied}/{required} required
      </span>
    </div>
  );
}
