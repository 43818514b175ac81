import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorAlert } from '../error-alert';

/** A small form inside a view: named for screen readers, its refusal shown above its buttons. */
export function InlineForm({
  label,
  onSubmit,
  error,
  actions,
  children,
  className = 'flex flex-col gap-3',
}: {
  label: string;
  onSubmit: () => unknown;
  error?: string;
  actions: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  // Opening a form moves the keyboard into it: its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  return (
    <form
      ref={form}
      aria-label={label}
      className={className}
      // Refusals are ours, said in the alert below, not the browser's bubble (a number's step, say).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <ErrorAlert message={error} />
      <div className="flex flex-wrap gap-2">{actions}</div>
    </form>
  );
}
