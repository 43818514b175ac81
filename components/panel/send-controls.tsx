import { useId } from 'react';
import type { ReceiverOption } from '../../lib/workflow/team-receivers';
import { MIN_OVERRIDE_REASON } from '../../lib/workflow/handoff-machine';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { AddTeammate } from './handoff-form-teammate';

/** Whom the handoff goes to and by when they must confirm. */
export function ReceiverAndDue({
  receivers,
  receiverId,
  onReceiver,
  dueDate,
  onDueDate,
  confirmWithinHours,
}: {
  /** The client's team first, labelled by role (lib/workflow/team-receivers.ts). */
  receivers: ReceiverOption[];
  receiverId: string;
  onReceiver: (id: string) => void;
  dueDate: string;
  onDueDate: (date: string) => void;
  confirmWithinHours: number;
}) {
  const dueHelp = useId();
  const receiverHelp = useId();
  return (
    <div className="grid grid-cols-1 gap-3">
      <label className={labelClass}>
        Receiver
        <select className={inputClass} value={receiverId} aria-describedby={receiverHelp} onChange={(e) => onReceiver(e.target.value)}>
          <option value="">Choose a teammate…</option>
          {receivers.map(({ member, label }) => (
            <option key={member.id} value={member.id}>
              {label}
            </option>
          ))}
        </select>
        <span id={receiverHelp} className={helpClass}>
          {receivers.length === 0 ? 'No teammates yet: add the one who takes this over.' : 'One person owns the next step.'}
        </span>
      </label>
      <AddTeammate onAdded={(member) => onReceiver(member.id)} />
      <label className={labelClass}>
        Confirm by
        <input type="date" className={inputClass} value={dueDate} aria-describedby={dueHelp} onChange={(e) => onDueDate(e.target.value)} />
        <span id={dueHelp} className={helpClass}>
          Left empty: {confirmWithinHours} hours after sending.
        </span>
      </label>
    </div>
  );
}

/** The reason's box: the form takes the keyboard there when Send is refused for want of it. */
export const OVERRIDE_REASON_ID = 'override-reason';

/** An incomplete handoff goes out only with a written reason: say so plainly and ask for it. */
export function OverrideReason({ missing, reason, onReason }: { missing: number; reason: string; onReason: (r: string) => void }) {
  const help = useId();
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/60">
      <p id={help} className="text-sm text-amber-900 dark:text-amber-100">
        {missing === 1 ? 'One required field is' : `${missing} required fields are`} still missing. You are accountable for completeness: to send
        anyway, say why in a sentence (at least {MIN_OVERRIDE_REASON} characters). The receiver sees it.
      </p>
      <label className={labelClass}>
        Reason for sending incomplete
        <textarea id={OVERRIDE_REASON_ID} rows={2} className={inputClass} value={reason} aria-describedby={help} onChange={(e) => onReason(e.target.value)} />
      </label>
    </div>
  );
}
