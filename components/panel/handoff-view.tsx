import { useState } from 'react';
import type { Handoff } from '../../lib/model/handoff';
import { sendRequest } from '../../lib/messaging/send';
import { findTemplate } from '../../lib/templates';
import { ErrorAlert } from '../error-alert';
import { EditHandoffForm } from './edit-handoff-form';
import { EditModeContext } from './edit-mode';
import { HandoffDetail } from './handoff-detail';
import { HandoffForm } from './handoff-form';
import { StartedByNote } from './started-by-note';
import { RefusedBar, UndoBar, useHeldAction } from './undo-bar';
import { useLive } from '../use-live';
import { useNavigation } from './navigation';
import { ViewHeading } from './view-heading';
import { useWorkspace } from './workspace';

/**
 * One handoff: its sender edits a draft in the form; everyone else (and every later state) sees the detail.
 * `onChangeTemplate`: a draft started directly with the page's template offers to pick another.
 */
export function HandoffView({ handoffId, onChangeTemplate }: { handoffId: string; onChangeTemplate?: () => void }) {
  const { me, templates } = useWorkspace();
  const { requestFocus } = useNavigation();
  const live = useLive(() => sendRequest<'handoff/get'>({ type: 'handoff/get', id: handoffId }), { key: `handoff:${handoffId}` });
  // A send answers with the sent handoff: shown at once, until the change feed brings a newer one.
  const [answered, setAnswered] = useState<Handoff>();
  const pending = useHeldAction(handoffId);
  // Held for undo, or refused when it came due (then the stored handoff is the truth, not the answer).
  const held = pending && !pending.refused ? pending : undefined;
  const refused = pending?.refused ? pending : undefined;
  // Undo of "Confirm with a note" gives the note back to the note box.
  const [restoredNote, setRestoredNote] = useState<string>();
  // The sender editing a sent handoff sees the edit form in place of the detail.
  const [editing, setEditing] = useState(false);
  if (live.status === 'loading') return null;
  if (live.status === 'error') return <ErrorAlert message={live.message} />;
  const handoff = !refused && answered?.id === handoffId && (!live.data || answered.updatedAt > live.data.updatedAt) ? answered : live.data;
  if (!handoff) return <ViewHeading>Handoff not found</ViewHeading>;
  const template = findTemplate(templates, handoff.templateId, handoff.templateVersion) ?? findTemplate(templates, handoff.templateId);
  if (!template) return <ErrorAlert message={`This handoff uses a template Baton does not know (${handoff.templateId}).`} />;
  // A failed refresh leaves the handoff as last loaded: say so above it.
  return (
    <>
      <ErrorAlert message={live.error} />
      {/* Undo puts the view back as it was: the draft's form (with what was typed), or the handoff awaiting me. */}
      {held ? (
        <UndoBar
          held={held}
          onUndone={() => {
            setAnswered(undefined);
            if (held.kind === 'confirm') setRestoredNote(held.comment);
          }}
        />
      ) : null}
      {refused ? <RefusedBar held={refused} onDismissed={() => setAnswered(undefined)} /> : null}
      {handoff.startedBy ? <StartedByNote startedBy={handoff.startedBy} /> : null}
      {handoff.state === 'draft' && handoff.senderId === me.id && !held ? (
        <HandoffForm key={handoff.id} handoff={handoff} template={template} onSent={setAnswered} onChangeTemplate={onChangeTemplate} />
      ) : editing && handoff.senderId === me.id ? (
        <>
          <ViewHeading>Edit “{handoff.title}”</ViewHeading>
          <EditHandoffForm
            key={handoff.id}
            handoff={handoff}
            template={template}
            onDone={(saved) => {
              if (saved) setAnswered(saved);
              setEditing(false);
              requestFocus();
            }}
          />
        </>
      ) : (
        // While a send or confirmation is held, Undo (or Send now) is the one move: the stored handoff is
        // still a draft (or awaiting confirmation), so Edit, Reassign, Nudge or Cancel would be refused.
        <EditModeContext.Provider value={{ editing, setEditing }}>
          <HandoffDetail handoff={handoff} template={template} held={Boolean(held)} restoredNote={restoredNote} />
        </EditModeContext.Provider>
      )}
    </>
  );
}
