import { useState, type FormEvent } from 'react';
import { MEMBER_ROLES, type Member } from '../../lib/model/member';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section } from '../section';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { JoinRequests } from './join-requests';
import { liveError, useLive } from '../use-live';

const ROLE_WORDS: Record<Member['role'], string> = { admin: 'Admin', member: 'Member' };

/** Who is in the workspace; admins add colleagues so handoffs can be addressed to them. */
export function TeamSection({ me }: { me: Member | undefined }) {
  const members = useLive(() => sendRequest<'members/list'>({ type: 'members/list' }), { stores: ['members'] });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('member');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const isAdmin = me?.role === 'admin';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'member/add'>({ type: 'member/add', name: name.trim(), email: email.trim(), role });
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    setStatus(`Added ${reply.data.name}.`);
    setName('');
    setEmail('');
    setRole('member');
  };

  const list = members.status === 'ready' ? [...members.data].sort((a, b) => a.name.localeCompare(b.name)) : [];
  return (
    <Section title="Team" description="Everyone who can send and receive handoffs. Admins manage members, templates and reminders.">
      <ErrorAlert message={liveError(members)} />
      {list.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">Name</th>
              <th scope="col" className="py-1 font-medium">Email</th>
              <th scope="col" className="py-1 font-medium">Role</th>
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
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {isAdmin ? <JoinRequests /> : null}
      {isAdmin ? (
        <Card title="Add a member">
          <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <label className={labelClass}>
              Member name
              <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <label className={labelClass}>
              Member email
              <input className={inputClass} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            </label>
            <label className={labelClass}>
              Role
              <select className={inputClass} value={role} onChange={(e) => setRole(e.target.value as Member['role'])}>
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_WORDS[r]}
                  </option>
                ))}
              </select>
            </label>
            <div className="flex flex-col gap-2 sm:col-span-3">
              <ErrorAlert message={error} />
              <div className="flex items-center gap-3">
                <Button type="submit">Add member</Button>
                <StatusMessage message={status} />
              </div>
            </div>
          </form>
        </Card>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Ask an admin to add colleagues.</p>
      )}
    </Section>
  );
}
