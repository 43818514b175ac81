import { useId, useMemo, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { changedLabels, changesAnything, describeEdit, NOTHING_CHANGED } from '../../lib/workflow/edits';
import { Button } from '../button';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { FieldControl } from './field-control';
import { savableFields } from './field-values';
import { fromDateInput, memberName, toDateInput } from './format';
import { InlineForm } from './inline-form';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

/**
 * The sender's new version of a sent (or confirmed) handoff: the form opens with the current values
 * and saves only what changed. Changing a required field asks the receiver to confirm again; the
 * form says so before it is saved.
 */
export function EditHandoffForm({ handoff, template, onDone }: { handoff: Handoff; template: Template; onDone: (saved?: Handoff) => void }) {
  const { members } = useWorkspace();
  const [title, setTitle] = useState(handoff.title);
  const [fields, setFields] = useState<Record<string, unknown>>(handoff.fields);
  // A confirmed handoff's confirm-by has ended: a new one applies only if the receiver must confirm again.
  const confirmed = handoff.state === 'confirmed';
  const [dueDate, setDueDate] = useState(confirmed ? '' : toDateInput(handoff.dueBy));
  const { run, busy, error, setError } = useAction();
  const dueHelp = useId();
  const { savable, invalid } = useMemo(() => savableFields(template.fields, fields), [template, fields]);
  const asksAgain = useMemo(() => describeEdit(template, handoff, { fields: savable }).reconfirm, [template, handoff, savable]);
  const typedDue = confirmed || dueDate !== toDateInput(handoff.dueBy) ? fromDateInput(dueDate) : undefined;
  const dueBy = confirmed && !asksAgain ? undefined : typedDue;
  const change = useMemo(() => describeEdit(template, handoff, { title, dueBy, fields: savable }), [template, handoff, title, dueBy, savable]);
  const receiver = memberName(members, handoff.receiverId);

  const save = async () => {
    if (Object.keys(invalid).length > 0) return setError('Some fields hold values that cannot be saved yet: fix the fields marked “Not saved”.');
    if (!changesAnything(change)) return setError(NOTHING_CHANGED);
    const changed = Object.fromEntries(change.fieldIds.map((id) => [id, savable[id]]));
    const saved = await run(() =>
      sendRequest<'handoff/edit'>({ type: 'handoff/edit', id: handoff.id, fields: changed, ...(change.title ? { title } : {}), ...(dueBy ? { dueBy } : {}) }),
    );
    if (saved) onDone(saved);
  };

  const labels = changedLabels(template, change);
  return (
    <InlineForm
      label="Edit handoff"
      onSubmit={save}
      error={error}
      className="flex flex-col gap-5"
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Save changes
          </Button>
          <Button variant="secondary" onClick={() => onDone()}>
            Discard changes
          </Button>
        </>
      }
    >
      <p className={helpClass}>
        {receiver} sees what you change. Changing a required field asks them to confirm receipt again; optional fields do not.
      </p>
      <label className={labelClass}>
        Title
        <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {template.fields.map((field) => (
        <FieldControl
          key={field.id}
          field={field}
          value={fields[field.id]}
          problem={invalid[field.id] ? `Not saved yet: ${invalid[field.id]}` : undefined}
          onChange={(value) => setFields((previous) => ({ ...previous, [field.id]: value }))}
        />
      ))}
      <label className={labelClass}>
        Confirm by
        <input type="date" className={inputClass} value={dueDate} aria-describedby={confirmed ? dueHelp : undefined} onChange={(e) => setDueDate(e.target.value)} />
        {confirmed ? (
          <span id={dueHelp} className={helpClass}>
            Only when {receiver} must confirm again; left empty: {template.confirmWithinHours} hours after saving.
          </span>
        ) : null}
      </label>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {labels.length === 0
          ? 'Nothing changed yet.'
          : `Changed: ${labels.join(', ')}.${change.reconfirm ? ` ${receiver} will be asked to confirm receipt again.` : ''}`}
      </p>
    </InlineForm>
  );
}
