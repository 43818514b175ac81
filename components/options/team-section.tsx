import { useCallback, useEffect, useState } from 'react';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import type { HubInvite } from '../../lib/sync/hub-client';
import { sendRequest } from '../../lib/messaging/send';
import { Section } from '../section';
import { ErrorAlert } from '../error-alert';
import { JoinRequests, REFRESH_MS } from './join-requests';
import { liveError, useLive } from '../use-live';
import { AddMember } from './add-member';
import { HandoffsToReassign } from './handoffs-to-reassign';
import { InviteColleague } from './invite-colleague';
import { ROLE_WORDS } from './person-fields';
import { MemberActions } from './member-actions';
import { PendingInvites } from './pending-invites';

/** Whether this browser is on a hub, and (for an admin) the hub's pending invites. */
function useHubInvites(isAdmin: boolean) {
  const [connected, setConnected] = useState(false);
  const [invites, setInvites] = useState<HubInvite[]>([]);
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    const status = await sendRequest<'hub/status'>({ type: 'hub/status' });
    const on = status.ok && status.data.connected;
    setConnected(on);
    if (!on || !isAdmin) return;
    const reply = await sendRequest<'invite/list'>({ type: 'invite/list' });
    if (reply.ok) setInvites(reply.data);
    setError(reply.ok ? undefined : reply.problem.message);
  }, [isAdmin]);
  useEffect(() => {
    void reload();
    // An invite used or expired meanwhile leaves the list without a reload of the page.
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const revoke = async (invite: HubInvite) => {
    const reply = await sendRequest<'invite/revoke'>({ type: 'invite/revoke', id: invite.id });
    if (reply.ok) setInvites(reply.data);
    setError(reply.ok ? undefined : reply.problem.message);
  };
  return { connected, invites, error, reload, revoke };
}

/** Who is in the workspace; admins invite colleagues (on a hub) or add them (alone), change roles and remove members. */
export function TeamSection({ me }: { me: Member | undefined }) {
  const members = useLive(() => sendRequest<'members/list'>({ type: 'members/list' }), { stores: ['members'] });
  const isAdmin = me?.role === 'admin';
  const hub = useHubInvites(isAdmin);
  const [error, setError] = useState<string | undefined>();
  const [removal, setRemoval] = useState<{ member: Member; handoffs: Handoff[] } | undefined>();

  const setRole = async (member: Member, role: Member['role']) => {
    const reply = await sendRequest<'member/set-role'>({ type: 'member/set-role', id: member.id, role });
    setError(reply.ok ? undefined : reply.problem.message);
  };
  const remove = async (member: Member) => {
    const reply = await sendRequest<'member/remove'>({ type: 'member/remove', id: member.id });
    setError(reply.ok ? undefined : reply.problem.message);
    if (reply.ok) setRemoval({ member, handoffs: reply.data });
  };

  const list = members.status === 'ready' ? [...members.data].sort((a, b) => a.name.localeCompare(b.name)) : [];
  return (
    <Section title="Team" description="Everyone who can send and receive handoffs. Admins manage members, templates and reminders.">
      <ErrorAlert message={liveError(members) ?? error} />
      {list.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">Name</th>
              <th scope="col" className="py-1 font-medium">Email</th>
              <th scope="col" className="py-1 font-medium">Role</th>
              {isAdmin ? <th scope="col" className="py-1 font-medium"><span className="sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {list.map((m) => (
              <tr key={m.id}>
                <td className="py-1.5 font-medium">
                  {m.name}
                  {m.id === me?.id ? <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">(you)</span> : null}
                </td>
                <td className="py-1.5 text-slate-700 dark:text-slate-300">{m.email}</td>
                <td className="py-1.5">{ROLE_WORDS[m.role]}</td>
                {isAdmin ? <td className="py-1.5">{m.id === me?.id ? null : <MemberActions member={m} onRole={(role) => void setRole(m, role)} onRemove={() => void remove(m)} />}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {removal ? (
        <HandoffsToReassign
          removed={removal.member}
          handoffs={removal.handoffs}
          team={list}
          onDone={(id) => setRemoval({ ...removal, handoffs: removal.handoffs.filter((h) => h.id !== id) })}
        />
      ) : null}
      {isAdmin && hub.connected ? (
        <>
          <JoinRequests />
          <InviteColleague me={me} onInvited={() => void hub.reload()} />
          <ErrorAlert message={hub.error} />
          <PendingInvites invites={hub.invites} onRevoke={(invite) => void hub.revoke(invite)} />
        </>
      ) : isAdmin ? (
        <AddMember />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Ask an admin to add colleagues.</p>
      )}
    </Section>
  );
}
