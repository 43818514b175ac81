/** A bordered block inside a settings section: one task per card. */
export function Card({ title, children, description }: { title?: string; description?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900/40">
      {title ? <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h3> : null}
      {description ? <p className="-mt-2 text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      {children}
    </div>
  );
}
