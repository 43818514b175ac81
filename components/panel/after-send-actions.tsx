import { useState } from 'react';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { checkAction } from '../../lib/workflow/rules';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { useEditMode } from './edit-mode';
import { NudgeButton } from './nudge-button';
import { ReassignForm } from './reassign-form';
import { useAction } from './use-action';
import { focusViewHeading } from './view-heading';
import { useWorkspace } from './workspace';

/**
 * The sender's control after sending: Edit (a new version the receiver sees), Reassign (also an
 * admin's), Nudge (a reminder now). Only the moves the workflow allows this person now.
 */
export function AfterSendActions({ handoff, template }: { handoff: Handoff; template: Template }) {
  const { me } = useWorkspace();
  const editMode = useEditMode();
  const [reassigning, setReassigning] = useState(false);
  const action = useAction();
  const may = (move: 'edit' | 'reassign' | 'nudge') => checkAction(handoff, move, me) === null;

  if (reassigning) {
    return (
      <ReassignForm
        handoff={handoff}
        template={template}
        onDone={() => {
          setReassigning(false);
          focusViewHeading();
        }}
      />
    );
  }
  const buttons = [
    editMode && may('edit') && (
      <Button key="edit" variant="secondary" onClick={() => editMode.setEditing(true)}>
        Edit handoff
      </Button>
    ),
    may('reassign') && (
      <Button key="reassign" variant="secondary" onClick={() => setReassigning(true)}>
        Reassign
      </Button>
    ),
    may('nudge') && <NudgeButton key="nudge" handoff={handoff} action={action} />,
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start gap-2">{buttons}</div>
      <ErrorAlert message={action.error} />
    </div>
  );
}
