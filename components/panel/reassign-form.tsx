import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import { isActive } from '../../lib/model/member';
import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { fromDateInput, memberName } from './format';
import { InlineForm } from './inline-form';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';
import { receiverOptions } from '../../lib/workflow/team-receivers';
import { teamRoles } from '../../lib/model/team';

/** Refused reassignment: nobody chosen yet. */
export const CHOOSE_NEW_RECEIVER = 'Choose who receives this handoff now.';

/**
 * The sender (or an admin) moves a handoff in flight to another member, says why, and gives them a
 * new confirm-by. The sender cannot receive their own handoff, and the current receiver has it already.
 */
export function ReassignForm({ handoff, template, onDone }: { handoff: Handoff; template: Template; onDone: () => void }) {
  const workspace = useWorkspace();
  const { members, clients } = workspace;
  const [receiverId, setReceiverId] = useState('');
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { run, busy, error, setError } = useAction();
  const team = clients.find((c) => c.id === handoff.clientId)?.team;
  const candidates = receiverOptions(
    members.filter((m) => m.id !== handoff.senderId && m.id !== handoff.receiverId && isActive(m)),
    team,
    teamRoles(workspace.teamRoles),
  );

  const submit = async () => {
    if (!receiverId) return setError(CHOOSE_NEW_RECEIVER);
    const dueBy = fromDateInput(dueDate);
    const done = await run(() =>
      sendRequest<'handoff/reassign'>({ type: 'handoff/reassign', id: handoff.id, receiverId, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(dueBy ? { dueBy } : {}) }),
    );
    if (done) onDone();
  };

  return (
    <InlineForm
      label="Reassign handoff"
      onSubmit={submit}
      error={error}
      className="flex w-full flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Reassign handoff
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Keep it with {memberName(members, handoff.receiverId)}
          </Button>
        </>
      }
    >
      <label className={labelClass}>
        New receiver
        <select className={inputClass} value={receiverId} onChange={(e) => setReceiverId(e.target.value)}>
          <option value="">Choose a teammate…</option>
          {candidates.map(({ member, label }) => (
            <option key={member.id} value={member.id}>
              {label}
            </option>
          ))}
        </select>
        {candidates.length === 0 ? <span className={helpClass}>No other teammate to hand it to: add them in Settings → Team.</span> : null}
      </label>
      <label className={labelClass}>
        Reason for reassigning
        <textarea rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className={labelClass}>
        Confirm by
        <input type="date" className={inputClass} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        <span className={helpClass}>Left empty: {template.confirmWithinHours} hours after reassigning.</span>
      </label>
    </InlineForm>
  );
}
