import { useState, type FormEvent } from 'react';
import { MEMBER_ROLES, type Member } from '../../lib/model/member';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { ROLE_WORDS } from './invite-colleague';

/** Working alone (no hub): an admin adds colleagues so handoffs can be addressed to them. */
export function AddMember() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('member');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();

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

  return (
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
  );
}
