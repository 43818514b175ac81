import type { Ref } from 'react';

/** What just happened, announced politely; the element stays so screen readers hear each change. */
export function StatusMessage({ message, ref }: { message: string | undefined; ref?: Ref<HTMLParagraphElement> }) {
  // Given a ref, it can take the keyboard (from a control that has just gone away).
  return (
    <p ref={ref} tabIndex={ref ? -1 : undefined} role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
      {message}
    </p>
  );
}
