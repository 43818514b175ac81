import { useState } from 'react';
import { isOpenGap, type Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { checkAction, type HandoffAction } from '../../lib/workflow/rules';
import { Button } from '../button';
import { AnswerGapsForm } from './answer-gaps-form';
import { CancelForm } from './cancel-form';
import { ConfirmButtons, ConfirmNoteForm, OwnershipNotice } from './confirm-receipt';
import { RaiseGapsForm } from './raise-gaps-form';
import { useScrollPadding } from './use-scroll-padding';
import { focusViewHeading } from './view-heading';
import { useWorkspace } from './workspace';

type OpenForm = 'raise' | 'answer' | 'cancel' | 'note' | null;

/**
 * Only the moves the workflow allows this person now (lib/workflow/rules.ts). When the receiver's
 * main move is refused by the state (confirming while gaps are open), the reason is shown instead.
 */
export function HandoffActions({ handoff, template, restoredNote }: { handoff: Handoff; template: Template; restoredNote?: string }) {
  const { me } = useWorkspace();
  // A confirmation with a note that was undone comes back as the note box, with the note in it, while
  // confirming is still the move (not on the handoff once confirmed again).
  const [form, setForm] = useState<OpenForm>(restoredNote && checkAction(handoff, 'confirm', me) === null ? 'note' : null);
  // The details scroll under the pinned moves: the control focused on the way back up is kept below them.
  const padding = useScrollPadding('top');
  const allowed = (action: HandoffAction) => checkAction(handoff, action, me) === null;
  // The receiver's one blocked move worth explaining: confirming while their own questions are open.
  const confirmRefusal = me.id === handoff.receiverId && handoff.state === 'gaps_raised' ? checkAction(handoff, 'confirm', me) : null;
  const canWithdraw = allowed('withdraw_gap') && handoff.gaps.some(isOpenGap);
  // The control a person used goes away (a form closes, Confirm receipt is done): the handoff's heading
  // takes the keyboard, so it is never left on nothing.
  const close = () => {
    setForm(null);
    focusViewHeading();
  };

  if (form === 'raise') return <RaiseGapsForm handoff={handoff} template={template} onDone={close} />;
  if (form === 'answer') return <AnswerGapsForm handoff={handoff} template={template} onDone={close} />;
  if (form === 'cancel') return <CancelForm handoff={handoff} onDone={close} />;
  if (form === 'note') return <ConfirmNoteForm handoff={handoff} initialNote={restoredNote} onDone={close} />;

  const buttons = [
    allowed('confirm') && <ConfirmButtons key="confirm" handoff={handoff} onNote={() => setForm('note')} onConfirmed={focusViewHeading} />,
    allowed('raise_gaps') && (
      <Button key="raise" variant="secondary" onClick={() => setForm('raise')}>
        Raise gaps
      </Button>
    ),
    allowed('answer_gaps') && (
      <Button key="answer" onClick={() => setForm('answer')}>
        Answer gaps
      </Button>
    ),
    allowed('cancel') && (
      <Button key="cancel" variant="danger" onClick={() => setForm('cancel')}>
        Cancel handoff
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0 && !confirmRefusal) return null;
  // Pinned to the top of the panel as the person scrolls through the fields below: the move they came
  // to make (Confirm receipt, Raise gaps) is never a long scroll back up.
  return (
    <div ref={padding} data-testid="handoff-actions" className="sticky top-0 z-10 -mx-4 flex flex-col gap-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      {confirmRefusal ? <p className="text-sm text-amber-800 dark:text-amber-300">{confirmRefusal}{canWithdraw ? ' Or withdraw a gap you no longer need answered.' : ''}</p> : null}
      {allowed('confirm') ? <OwnershipNotice handoff={handoff} template={template} /> : null}
      <div className="flex flex-wrap gap-2">{buttons}</div>
    </div>
  );
}
