export function AppHeader({ children }: { children?: React.ReactNode }) {
  return (
    <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <span className="flex items-center gap-2 text-sm font-semibold tracking-tight text-brand-600 dark:text-indigo-300">
        <img src="/icon/32.png" alt="" width={18} height={18} />
        Baton
      </span>
      {children}
    </header>
  );
}
