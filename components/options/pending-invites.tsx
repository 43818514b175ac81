import { useId } from 'react';
import type { HubInvite } from '../../lib/sync/hub-client';
import { Button } from '../button';
import { expiryDay } from './invite-colleague';
import { ROLE_WORDS } from './person-fields';

/** The invites not used yet, each with its expiry and a way to take it back. */
export function PendingInvites({ invites, onRevoke }: { invites: readonly HubInvite[]; onRevoke: (invite: HubInvite) => void }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="flex flex-col gap-2">
      <h3 id={heading} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
        Pending invites
      </h3>
      {invites.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No invites waiting.</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
          {invites.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
              <span className="font-medium">{invite.name}</span>
              <span className="text-slate-700 dark:text-slate-300">{invite.email}</span>
              <span>{ROLE_WORDS[invite.role]}</span>
              <span className="text-slate-600 dark:text-slate-400">{invite.expiresAt ? `expires ${expiryDay(invite.expiresAt)}` : 'never expires'}</span>
              <Button variant="danger" className="ml-auto" aria-label={`Revoke invite for ${invite.email}`} onClick={() => onRevoke(invite)}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
