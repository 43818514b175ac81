import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { changedLabels } from '../../lib/workflow/edits';
import { awaitsReceiver } from '../../lib/workflow/handoff-machine';
import { formatAgo, memberName } from './format';
import { useWorkspace } from './workspace';

const noteClass = 'rounded-md border border-sky-300 bg-sky-50 p-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100';

/**
 * What changed after the send, said where the reader looks first: "Edited by Jane 5 min ago ·
 * changed: Budget", and for a new receiver, "Reassigned to you".
 */
export function AfterSendNotes({ handoff, template, now }: { handoff: Handoff; template: Template; now: Date }) {
  const { me, members } = useWorkspace();
  const edit = handoff.lastEdit;
  const moved = handoff.reassignment;
  const reassignedToMe = moved && handoff.receiverId === me.id && awaitsReceiver(handoff.state);
  // The receiver is told why a handoff they confirmed is theirs to confirm again.
  const confirmAgain = edit && handoff.receiverId === me.id && awaitsReceiver(handoff.state) && template.fields.some((f) => f.required && edit.fieldIds.includes(f.id));
  if (!edit && !reassignedToMe) return null;
  return (
    <div className="flex flex-col gap-2">
      {reassignedToMe ? (
        <p className={noteClass}>
          <strong className="font-semibold">Reassigned to you</strong> by {memberName(members, moved.by)} {formatAgo(moved.at, now)}
          {moved.fromId ? ` (was ${memberName(members, moved.fromId)})` : ''}
          {moved.reason ? `: ${moved.reason}` : ''}
        </p>
      ) : null}
      {edit ? (
        <p className={noteClass}>
          Edited by {memberName(members, edit.by)} {formatAgo(edit.at, now)} · changed: {changedLabels(template, edit).join(', ')}
          {confirmAgain ? <strong className="block font-semibold">A required field changed: confirm receipt again, or raise gaps.</strong> : null}
        </p>
      ) : null}
    </div>
  );
}

/** Beside a field the sender changed after the send. */
export function ChangedMark({ handoff, fieldId }: { handoff: Handoff; fieldId: string }) {
  if (!handoff.lastEdit?.fieldIds.includes(fieldId)) return null;
  return (
    <span className="ml-2 inline-flex rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-100">Changed</span>
  );
}
