import { useNavigation } from './navigation';

export function BackButton() {
  const { canGoBack, back } = useNavigation();
  if (!canGoBack) return null;
  return (
    <button
      type="button"
      onClick={back}
      className="-ml-1 inline-flex items-center gap-1 self-start rounded-md px-1 py-0.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      <span aria-hidden="true">←</span> Back
    </button>
  );
}
