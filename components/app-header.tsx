export function AppHeader({ children }: { children?: React.ReactNode }) {
  return (
    <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <span data-app-title className="flex shrink-0 items-center gap-2 text-sm whitespace-nowrap font-semibold tracking-tight text-brand-600 dark:text-indigo-300">
        <img src="/icon/32.png" alt="" width={18} height={18} />
        Baton
      </span>
      {children}
    </header>
  );
}
