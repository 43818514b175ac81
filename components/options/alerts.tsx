/** A refused request or a failed load, with the background's own words. Renders nothing without a message. */
export function ErrorAlert({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      {message}
    </p>
  );
}

/** What just happened, announced politely; the element stays so screen readers hear each change. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <p role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
      {message}
    </p>
  );
}
