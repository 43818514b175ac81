import type { ReactNode } from 'react';

/**
 * A chart with its title, what it counts, and its numbers on demand: the table is the chart's text
 * equivalent for screen readers and for anyone who wants the figures.
 */
export function ChartFigure({ id, title, description, children, table, empty }: { id: string; title: string; description: string; children: ReactNode; table: ReactNode; empty?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </div>
      {empty ? <p className="flex h-40 items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600 dark:bg-slate-800/50 dark:text-slate-300">{empty}</p> : children}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline dark:text-indigo-300">Show the numbers: {title.toLowerCase()}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

export const tableClass = 'w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-medium [&_th]:text-slate-600 dark:[&_td]:border-slate-800 dark:[&_th]:text-slate-300';

/** A plain table of rows, with a caption for its name. */
export function DataTable({ caption, head, rows, numeric = [] }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={numeric.includes(i) ? 'text-right' : ''}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={numeric.includes(i) ? 'text-right tabular-nums' : ''}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
