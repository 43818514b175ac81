import { useEffect, useId, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Gap } from '../../lib/model/handoff';
import { Button } from '../button';
import { inputClass, labelClass } from '../form-styles';
import { InlineForm } from './inline-form';
import { useAction } from './use-action';
import { focusViewHeading } from './view-heading';

/**
 * "Withdraw" beside a gap I raised that is not answered yet: an optional reason, then the gap is no
 * longer open; once none is, the handoff is mine again to confirm (the reducer judges it).
 */
export function WithdrawGap({ handoffId, gap }: { handoffId: string; gap: Gap }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useAction();
  const questionId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  // "Keep it" closed the form: focus goes back to the button that opened it (a withdrawal moves it itself).
  const kept = useRef(false);
  useEffect(() => {
    if (open || !kept.current) return;
    kept.current = false;
    trigger.current?.focus();
  }, [open]);
  if (!open) {
    // The question describes the button: several gaps may each have one.
    return (
      <>
        <Button ref={trigger} variant="secondary" className="self-start px-2 py-1 text-xs" aria-describedby={questionId} onClick={() => setOpen(true)}>
          Withdraw gap
        </Button>
        <span id={questionId} className="sr-only">
          {gap.question}
        </span>
      </>
    );
  }
  const submit = async () => {
    const why = reason.trim();
    const done = await run(() => sendRequest<'handoff/withdraw-gap'>({ type: 'handoff/withdraw-gap', id: handoffId, gapId: gap.id, ...(why ? { reason: why } : {}) }));
    if (!done) return;
    // The gap is withdrawn: its button goes with the form (once the handoff refreshes), so the view's heading takes focus.
    setOpen(false);
    focusViewHeading();
  };
  return (
    <InlineForm
      label="Withdraw gap"
      onSubmit={submit}
      error={error}
      className="flex flex-col gap-2"
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Withdraw gap
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              kept.current = true;
              setOpen(false);
            }}
          >
            Keep it
          </Button>
        </>
      }
    >
      <label className={labelClass}>
        Why (optional)
        <textarea rows={2} maxLength={2000} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </InlineForm>
  );
}
