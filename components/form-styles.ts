// The class strings every page's forms and panels share (side panel, options, dashboard, popup), so
// the look stays one design rather than many. Light and dark both; the focus ring is global
// (assets/tailwind.css, :focus-visible) so every control gets the same one.
/** A text field, text area or select that fills its label: shrinks with a 360 px panel. */
export const inputClass =
  'w-full min-w-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500';
/** A label that wraps its control, the text above it. */
export const labelClass = 'flex flex-col gap-1 text-sm font-medium text-slate-800 dark:text-slate-200';
/** The help line under a control. */
export const helpClass = 'text-xs font-normal text-slate-600 dark:text-slate-400';
/** Small uppercase heading of a panel section. */
export const sectionHeadingClass = 'text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';
export const cardClass = 'rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900';
export const mutedTextClass = 'text-sm text-slate-600 dark:text-slate-400';
export const linkClass = 'font-medium text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700 dark:text-indigo-300 dark:decoration-indigo-300/40';
/** Two controls side by side that shrink with the panel instead of pushing it wider than 360 px. */
export const twoColumnsClass = 'grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2';
/** A select as wide as its longest option, for a filter beside a search box. */
export const selectClass =
  'min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-xs dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
