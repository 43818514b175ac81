import { useState } from 'react';
import type { HubStatus, RefusedSummary } from '../lib/messaging/protocol';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';
import { ErrorAlert } from './error-alert';

/** "client.created" → "client created": the kind of change, in words. */
const changeKind = (type: string) => type.replace(/[._]/g, ' ');

/**
 * Changes the hub refused, set aside with its reason: nothing is lost silently, and the person
 * decides. Retry sends the change again (its text cleaned); Discard forgets it.
 */
export function RefusedChanges({ refused, onStatus }: { refused: readonly RefusedSummary[] | undefined; onStatus: (status: HubStatus) => void }) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (!refused || refused.length === 0) return null;

  const act = async (type: 'hub/retry-refused' | 'hub/discard-refused', id: string) => {
    setBusy(true);
    setError(undefined);
    const reply = await sendRequest<typeof type>({ type, id });
    setBusy(false);
    if (reply.ok) onStatus(reply.data);
    else setError(reply.problem.message);
  };

  return (
    <section aria-label="Changes not shared" className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p className="font-medium">{refused.length === 1 ? '1 change could not be shared' : `${refused.length} changes could not be shared`}</p>
      <ul className="flex flex-col gap-2">
        {refused.map((change) => (
          <li key={change.id} className="flex flex-col gap-1">
            <p>
              <span className="font-medium">{changeKind(change.type)}</span>: {change.reason}
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" className="px-2 py-1 text-xs" disabled={busy} onClick={() => void act('hub/retry-refused', change.id)}>
                Retry
              </Button>
              <Button variant="danger" className="px-2 py-1 text-xs" disabled={busy} onClick={() => void act('hub/discard-refused', change.id)}>
                Discard
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert message={error} />
    </section>
  );
}
