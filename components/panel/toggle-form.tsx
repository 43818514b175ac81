import { useEffect, useRef, type ReactNode } from 'react';
import type { Result } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { InlineForm } from './inline-form';
import { useAction } from './use-action';

/**
 * A small inline form behind a button (quick notes, open items). While open, its submit button carries the same name as the
 * button that opened it, so "Add decision" means one thing wherever focus is.
 */
export function ToggleForm({
  name,
  open,
  onOpen,
  onClose,
  save,
  children,
}: {
  name: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  /** What is wrong with the typed values, or the request that saves them. */
  save: () => { problem: string } | (() => Promise<Result<unknown>>);
  children: ReactNode;
}) {
  const { run, busy, error, setError } = useAction();
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  // Closing (saved or not) gives the keyboard back to the button that opened the form.
  useEffect(() => {
    if (wasOpen.current && !open) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open)
    return (
      <Button ref={toggle} variant="secondary" onClick={onOpen}>
        {name}
      </Button>
    );
  const submit = async () => {
    const request = save();
    if ('problem' in request) return setError(request.problem);
    if ((await run(request)) !== undefined) onClose();
  };
  return (
    <InlineForm
      label={name}
      onSubmit={submit}
      error={error}
      className="flex w-full flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      actions={
        <>
          <Button type="submit" disabled={busy}>
            {name}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      {children}
    </InlineForm>
  );
}
