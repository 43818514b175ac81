import { useId, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { inputClass, labelClass } from '../form-styles';
import { InlineForm } from './inline-form';
import { memberName } from './format';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

/**
 * Confirming asks the background to hold it for undo (lib/background/pending-queue.ts). It names the
 * version shown (`seenEditAt`): a required-field edit arriving before it goes out makes it refused.
 */
function confirmRequest(handoff: Handoff, comment?: string) {
  const seenEditAt = handoff.lastEdit?.at ?? null;
  return () => sendRequest<'handoff/confirm'>({ type: 'handoff/confirm', id: handoff.id, hold: true, seenEditAt, ...(comment ? { comment } : {}) });
}

/** On a transfer that changes the client's owner, said before the click: "Confirming makes you the owner of <client>." */
export function OwnershipNotice({ handoff, template }: { handoff: Handoff; template: Template }) {
  const { clients, me } = useWorkspace();
  const client = clients.find((c) => c.id === handoff.clientId);
  if (!template.transfersOwnership || !client || client.ownerId === me.id) return null;
  return <p className="text-sm text-slate-800 dark:text-slate-200">Confirming makes you the owner of {client.name}.</p>;
}

/** One click "Confirm receipt" (ARCHITECTURE §3.2), and "Confirm with a note" that opens a text box. */
export function ConfirmButtons({ handoff, onNote, onConfirmed }: { handoff: Handoff; onNote: () => void; onConfirmed: () => void }) {
  const { run, busy, error } = useAction();
  return (
    <>
      <Button disabled={busy} onClick={() => void run(confirmRequest(handoff)).then((done) => done !== undefined && onConfirmed())}>
        Confirm receipt
      </Button>
      <Button variant="secondary" disabled={busy} onClick={onNote}>
        Confirm with a note
      </Button>
      {error ? (
        <div className="w-full">
          <ErrorAlert message={error} />
        </div>
      ) : null}
    </>
  );
}

/** The note goes with the confirmation into the handoff's activity, where the sender reads it. */
export function ConfirmNoteForm({ handoff, initialNote = '', onDone }: { handoff: Handoff; initialNote?: string; onDone: (confirmed: boolean) => void }) {
  const { members } = useWorkspace();
  const [note, setNote] = useState(initialNote);
  const { run, busy, error, setError } = useAction();
  const help = useId();
  const submit = async () => {
    const comment = note.trim();
    if (!comment) return setError('Write the note, or use Confirm receipt without one.');
    if ((await run(confirmRequest(handoff, comment))) !== undefined) onDone(true);
  };
  return (
    <InlineForm
      label="Confirm with a note"
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Confirm with this note
          </Button>
          <Button variant="secondary" onClick={() => onDone(false)}>
            Back
          </Button>
        </>
      }
    >
      <label className={labelClass}>
        Note for {memberName(members, handoff.senderId)}
        <textarea rows={3} maxLength={4000} className={inputClass} aria-describedby={help} value={note} onChange={(e) => setNote(e.target.value)} />
        <span id={help} className="text-xs font-normal text-slate-600 dark:text-slate-400">
          Shown in the handoff’s activity.
        </span>
      </label>
    </InlineForm>
  );
}
