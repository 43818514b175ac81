/** What just happened, announced politely; the element stays so screen readers hear each change. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <p role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
      {message}
    </p>
  );
}
