import { useCallback, useEffect, useState } from 'react';
import type { JoinRequest } from '../../lib/sync/sign-in';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';

/** How often an open settings page asks the hub who is waiting. */
export const REFRESH_MS = 15_000;

/**
 * People who signed in with an allowed address on a hub where newcomers wait for an admin: approve
 * (they join at their next sign-in) or decline each. Shown to admins only, and only while someone waits.
 */
export function JoinRequests() {
  const [requests, setRequests] = useState<JoinRequest[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();

  const load = useCallback(async () => {
    const reply = await sendRequest<'hub/join-requests'>({ type: 'hub/join-requests' });
    if (reply.ok) setRequests(reply.data);
    // Said, not swallowed: an admin who cannot see who waits should know why.
    setError(reply.ok ? undefined : `Could not load who is waiting for approval: ${reply.problem.message}`);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const decide = async (request: JoinRequest, decision: 'approve' | 'decline') => {
    setError(undefined);
    const reply = await sendRequest<'hub/decide-join-request'>({ type: 'hub/decide-join-request', id: request.id, decision });
    if (!reply.ok) return setError(reply.problem.message);
    setRequests(reply.data);
    setStatus(decision === 'approve' ? `Approved ${request.email}: they join when they next sign in.` : `Declined ${request.email}.`);
  };

  if (requests.length === 0 && !error && !status) return null;
  return (
    <section aria-labelledby="join-requests-title" className="flex flex-col gap-2 rounded-lg border border-amber-300 p-4 text-sm dark:border-amber-800">
      <h3 id="join-requests-title" className="font-semibold text-slate-900 dark:text-slate-100">
        Waiting for approval
      </h3>
      <ul className="flex flex-col gap-2">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.name}</span>
            <span className="text-slate-600 dark:text-slate-400">{r.email}</span>
            <Button aria-label={`Approve ${r.email}`} onClick={() => void decide(r, 'approve')}>
              Approve
            </Button>
            <Button variant="secondary" aria-label={`Decline ${r.email}`} onClick={() => void decide(r, 'decline')}>
              Decline
            </Button>
          </li>
        ))}
      </ul>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </section>
  );
}
