import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Member } from '../../lib/model/member';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, inputClass, labelClass, linkClass } from '../form-styles';
import { useFocusBack } from '../use-focus-back';
import { useLive } from '../use-live';
import { useAction } from './use-action';

/** Whether this browser works alone or on a hub, and so how a teammate joins: added here, or invited by an admin. */
function useTeamMode(): 'alone' | 'hub-admin' | 'hub-member' | undefined {
  const status = useLive(() => sendRequest<'hub/status'>({ type: 'hub/status' }), { key: 'hub-status' });
  if (status.status !== 'ready' || !status.data) return undefined;
  if (!status.data.connected) return 'alone';
  return status.data.me.role === 'admin' ? 'hub-admin' : 'hub-member';
}

/**
 * "Add a teammate" where the receiver is chosen: working alone, the person is added to the team and chosen
 * at once; on a hub, an admin invites them (they receive handoffs once they join) and a member is told to
 * ask an admin. Never a trip to Settings in the middle of a handoff.
 */
export function AddTeammate({ onAdded }: { onAdded: (member: Member) => void }) {
  const mode = useTeamMode();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [invited, setInvited] = useState<{ email: string; link: string }>();
  const { run, busy, error } = useAction();
  const help = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  // Closed, or the teammate added: the form goes, and focus goes back to "Add a teammate".
  useFocusBack(open, trigger);
  // Enter in these boxes adds the teammate; it must not send the handoff around them.
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (name.trim() && email.trim()) void add();
  };
  if (!mode) return null;
  if (!open) {
    return (
      <button ref={trigger} type="button" className={`${linkClass} self-start text-sm`} onClick={() => setOpen(true)}>
        Add a teammate
      </button>
    );
  }
  if (mode === 'hub-member') {
    return <p className={helpClass}>Your team works through its hub, where only an admin adds people: ask an admin to invite them (Settings → Team).</p>;
  }

  async function add() {
    const person = { name: name.trim(), email: email.trim() };
    if (mode === 'alone') {
      const member = await run(() => sendRequest<'member/add'>({ type: 'member/add', ...person }));
      if (!member) return;
      setOpen(false);
      setName('');
      setEmail('');
      return onAdded(member);
    }
    const invite = await run(() => sendRequest<'invite/create'>({ type: 'invite/create', ...person }));
    if (invite) setInvited({ email: invite.email, link: invite.link });
  }

  return (
    <div role="group" aria-label="Add a teammate" aria-describedby={help} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <p id={help} className={helpClass}>
        {mode === 'alone' ? 'They join your team on this browser and receive this handoff.' : 'They get a one-time link to join your hub; choose them here once they have joined.'}
      </p>
      <label className={labelClass}>
        Teammate’s name
        <input className={inputClass} value={name} autoComplete="off" onKeyDown={addOnEnter} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className={labelClass}>
        Teammate’s email
        <input type="email" className={inputClass} value={email} autoComplete="off" onKeyDown={addOnEnter} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <ErrorAlert message={error} />
      {invited ? (
        <label className={labelClass}>
          Invite link for {invited.email}
          <input readOnly className={inputClass} value={invited.link} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy || !name.trim() || !email.trim()} onClick={() => void add()}>
          {mode === 'alone' ? 'Add and choose' : `Invite ${email.trim() || 'them'}`}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </div>
  );
}
