import { useState } from 'react';
import type { Handoff } from '../../lib/model/handoff';
import { sendRequest } from '../../lib/messaging/send';
import { findTemplate } from '../../lib/templates';
import { ErrorAlert } from '../error-alert';
import { EditHandoffForm } from './edit-handoff-form';
import { EditModeContext } from './edit-mode';
import { HandoffDetail } from './handoff-detail';
import { HandoffForm } from './handoff-form';
import { UndoBar, useHeldAction } from './undo-bar';
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
  const held = useHeldAction(handoffId);
  // The sender editing a sent handoff sees the edit form in place of the detail.
  const [editing, setEditing] = useState(false);
  if (live.status === 'loading') return null;
  if (live.status === 'error') return <ErrorAlert message={live.message} />;
  const handoff = answered?.id === handoffId && (!live.data || answered.updatedAt > live.data.updatedAt) ? answered : live.data;
  if (!handoff) return <ViewHeading>Handoff not found</ViewHeading>;
  const template = findTemplate(templates, handoff.templateId, handoff.templateVersion) ?? findTemplate(templates, handoff.templateId);
  if (!template) return <ErrorAlert message={`This handoff uses a template Baton does not know (${handoff.templateId}).`} />;
  // A failed refresh leaves the handoff as last loaded: say so above it.
  return (
    <>
      <ErrorAlert message={live.error} />
      {/* Undo puts the view back as it was: the draft's form (with what was typed), or the handoff awaiting me. */}
      {held ? <UndoBar held={held} onUndone={() => setAnswered(undefined)} /> : null}
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
        // A held confirmation leaves Undo as the receiver's one move; a held send keeps Cancel for its sender.
        <EditModeContext.Provider value={{ editing, setEditing }}>
          <HandoffDetail handoff={handoff} template={template} held={held?.kind === 'confirm'} />
        </EditModeContext.Provider>
      )}
    </>
  );
}
