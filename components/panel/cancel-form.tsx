import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import { Button } from '../button';
import { InlineForm } from './inline-form';
import { inputClass, labelClass } from '../form-styles';
import { useAction } from './use-action';

/** Cancelling says why, so the receiver and the history are not left guessing. */
export function CancelForm({ handoff, onDone }: { handoff: Handoff; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { run, busy, error } = useAction();
  const submit = async () => {
    const done = await run(() => sendRequest<'handoff/cancel'>({ type: 'handoff/cancel', id: handoff.id, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    if (done) onDone();
  };
  return (
    <InlineForm
      label="Cancel handoff"
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button type="submit" variant="danger" disabled={busy} className="border border-red-300 dark:border-red-800">
            Cancel handoff
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Keep it
          </Button>
        </>
      }
    >
      <label className={labelClass}>
        Reason for cancelling
        <textarea rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </InlineForm>
  );
}
