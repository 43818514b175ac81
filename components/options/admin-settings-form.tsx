import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';

/**
 * The form of a workspace setting only admins change (reminders, the cost of an hour): its fields, then
 * a refusal, then Save and what happened. Everyone else sees the values and why they cannot change them.
 */
export function AdminSettingsForm({
  isAdmin,
  ready,
  loadError,
  saveLabel,
  readOnlyNote,
  save,
  noValidate,
  children,
}: {
  isAdmin: boolean;
  /** The current values arrived: until then there is nothing to save. */
  ready: boolean;
  /** Why the current values could not be read. */
  loadError?: string;
  saveLabel: string;
  readOnlyNote: string;
  /** What is wrong with the typed values, or the request that saves them. */
  save: () => { problem: string } | (() => Promise<Result<unknown>>);
  /** Refusals said in the alert rather than the browser's bubble (the form checks its values itself). */
  noValidate?: boolean;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const request = save();
    if ('problem' in request) return setError(request.problem);
    const reply = await request();
    if (reply.ok) setStatus('Saved.');
    else setError(reply.problem.message);
  };

  return (
    <>
      <ErrorAlert message={loadError} />
      <form onSubmit={submit} noValidate={noValidate} className="grid gap-3 sm:grid-cols-2">
        {children}
        <div className="flex flex-col gap-2 sm:col-span-2">
          <ErrorAlert message={error} />
          {isAdmin ? (
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={!ready}>
                {saveLabel}
              </Button>
              <StatusMessage message={status} />
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{readOnlyNote}</p>
          )}
        </div>
      </form>
    </>
  );
}
