import { useMemo, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import type { Template, TemplateField } from '../../lib/model/template';
import { assessCompleteness } from '../../lib/workflow/completeness';
import { CHOOSE_RECEIVER, MIN_OVERRIDE_REASON } from '../../lib/workflow/handoff-machine';
import { Button } from '../button';
import { CancelForm } from './cancel-form';
import { ChangeTemplate } from './change-template';
import { MissingFields } from './completeness-meter';
import { ErrorAlert } from '../error-alert';
import { FieldControl } from './field-control';
import { appendSelection, selectionFields, splitFields } from './handoff-form-fields';
import { AddPageSelection, usePageSelection } from './handoff-form-page-selection';
import { useSelectionsFromPage } from './handoff-form-selection';
import { OptionalDetails, SendFooter } from './handoff-form-layout';
import { savableFields } from './field-values';
import { fromDateInput, toDateInput } from './format';
import { useNavigation } from './navigation';
import { PanelSection } from './panel-section';
import { SaveStatusLine } from './save-status';
import { OVERRIDE_REASON_ID, OverrideReason, ReceiverAndDue } from './send-controls';
import { SourceLinks } from './source-links';
import { inputClass, labelClass } from '../form-styles';
import { useAutosave } from './use-autosave';
import { ViewHeading } from './view-heading';
import { useWorkspace } from './workspace';
import { receiverOptions } from '../../lib/workflow/team-receivers';
import { teamRoles } from '../../lib/model/team';

/** A draft being filled in: one labelled control per template field, saved as you type, then sent. */
export function HandoffForm({
  handoff,
  template,
  onSent,
  onChangeTemplate,
}: {
  handoff: Handoff;
  template: Template;
  onSent: (sent: Handoff) => void;
  /** Offered on a draft started directly with the page's template: "Change template". */
  onChangeTemplate?: () => void;
}) {
  const workspace = useWorkspace();
  const { me, members, clients } = workspace;
  const { requestFocus } = useNavigation();
  // The form owns what is typed; refreshes of the draft from the background do not overwrite it.
  const [title, setTitle] = useState(handoff.title);
  const [fields, setFields] = useState<Record<string, unknown>>(handoff.fields);
  const [receiverId, setReceiverId] = useState(handoff.receiverId ?? '');
  const [dueDate, setDueDate] = useState(toDateInput(handoff.dueBy));
  const [reason, setReason] = useState('');
  const [sendError, setSendError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  const { savable, invalid } = useMemo(() => savableFields(template.fields, fields), [template, fields]);
  const { status, handOver, edited, flush } = useAutosave(handoff.id, { title, fields: savable, receiverId: receiverId || undefined, dueBy: fromDateInput(dueDate) });
  const completeness = useMemo(() => assessCompleteness(template, fields), [template, fields]);
  const client = clients.find((c) => c.id === handoff.clientId);
  const receivers = receiverOptions(members.filter((m) => m.id !== me.id), client?.team, teamRoles(workspace.teamRoles));
  const { required, optional } = useMemo(() => splitFields(template.fields), [template]);
  // A field the page's menu added to is drawn afresh (a list's editor keeps its own text as typed).
  const [revisions, setRevisions] = useState<Record<string, number>>({});
  const appendToField = (fieldId: string, text: string) => {
    const field = template.fields.find((f) => f.id === fieldId);
    if (!field) return;
    setFields((previous) => {
      const appended = appendSelection(field, previous[fieldId], text);
      return appended === undefined ? previous : { ...previous, [fieldId]: appended };
    });
    setRevisions((previous) => ({ ...previous, [fieldId]: (previous[fieldId] ?? 0) + 1 }));
  };
  useSelectionsFromPage(handoff.id, title, template.fields, appendToField);
  const pageSelection = usePageSelection();
  const selectable = useMemo(() => new Set(selectionFields(template.fields).map((f) => f.id)), [template]);
  const control = (field: TemplateField) => {
    const editor = (
      <FieldControl
        key={`${field.id}:${revisions[field.id] ?? 0}`}
        field={field}
        value={fields[field.id]}
        problem={invalid[field.id] ? `Not saved yet: ${invalid[field.id]}` : undefined}
        onChange={(value) => setFields((previous) => ({ ...previous, [field.id]: value }))}
      />
    );
    if (!selectable.has(field.id)) return editor;
    // Wrapped whether or not the page has a selection: the editor is never remounted under the person's hands.
    return (
      <div key={field.id} className="flex flex-col gap-1.5">
        {editor}
        {pageSelection.available ? (
          <AddPageSelection field={field} onAdd={() => void pageSelection.take().then((text) => text && appendToField(field.id, text))} />
        ) : null}
      </div>
    );
  };
  const chooseReceiver = (id: string) => {
    setReceiverId(id);
    // The "choose a receiver" message is answered the moment one is chosen: it must not linger.
    if (id) setSendError((shown) => (shown === CHOOSE_RECEIVER ? undefined : shown));
  };

  const send = async () => {
    setSendError(undefined);
    if (!receiverId) return setSendError(CHOOSE_RECEIVER);
    const incomplete = completeness.missing.length > 0;
    if (incomplete && reason.trim().length < MIN_OVERRIDE_REASON) {
      setSendError(`Some required fields are missing: say why it goes out anyway (at least ${MIN_OVERRIDE_REASON} characters), or complete them.`);
      // The reason's box sits below the fields, far from the footer's Send: take the person there.
      return document.getElementById(OVERRIDE_REASON_ID)?.focus();
    }
    if (Object.keys(invalid).length > 0) return setSendError('Some fields hold values that cannot be saved yet: fix the fields marked “Not saved”.');
    setSending(true);
    const handover = await handOver();
    const dueBy = fromDateInput(dueDate);
    const reply = await sendRequest<'handoff/send'>({
      type: 'handoff/send',
      id: handoff.id,
      // Held for a few seconds with "Sent to … · Undo" (components/panel/undo-bar.tsx).
      hold: true,
      ...(handover.unsaved ? { draft: handover.unsaved } : {}),
      ...(incomplete ? { overrideReason: reason.trim() } : {}),
      ...(dueBy ? { dueBy } : {}),
    });
    handover.settle(reply.ok);
    setSending(false);
    if (!reply.ok) return setSendError(reply.problem.message);
    onSent(reply.data);
    // The handoff's view now shows the sent handoff: its heading takes focus.
    requestFocus();
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <p className="text-xs font-medium text-slate-600 dark:text-slate-400">New handoff · {client?.name ?? 'Unknown client'}</p>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <ViewHeading>{template.name}</ViewHeading>
          {onChangeTemplate ? (
            // A draft saved after it started holds the person's edits: updatedAt moves past createdAt.
            <ChangeTemplate edited={edited || handoff.updatedAt !== handoff.createdAt} save={flush} onChange={onChangeTemplate} />
          ) : null}
        </div>
        <SaveStatusLine status={status} />
        <ErrorAlert message={status.kind === 'error' ? `Not saved: ${status.message}` : undefined} />
      </div>

      {handoff.sources.gmailThread || handoff.sources.asanaTask || handoff.sources.adAccount || handoff.context.selectedText ? (
        <PanelSection title="From this page">
          <SourceLinks sources={handoff.sources} />
          {handoff.context.selectedText ? (
            <blockquote aria-label="Selected text" className="border-l-2 border-slate-300 pl-3 text-sm whitespace-pre-wrap text-slate-700 dark:border-slate-600 dark:text-slate-300">
              {handoff.context.selectedText}
            </blockquote>
          ) : null}
        </PanelSection>
      ) : null}

      <form
        className="flex flex-col gap-5"
        aria-label={`${template.name} handoff`}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label className={labelClass}>
          Title
          <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        {/* Who and by when first: at 360 px a template's fields run to thousands of pixels. */}
        <ReceiverAndDue
          receivers={receivers}
          receiverId={receiverId}
          onReceiver={chooseReceiver}
          dueDate={dueDate}
          onDueDate={setDueDate}
          confirmWithinHours={template.confirmWithinHours}
        />
        {required.map(control)}
        <OptionalDetails fields={optional} values={fields}>
          {control}
        </OptionalDetails>

        <MissingFields completeness={completeness} />
        {completeness.missing.length > 0 ? <OverrideReason missing={completeness.missing.length} reason={reason} onReason={setReason} /> : null}
        {cancelling ? null : (
          <div>
            <Button variant="danger" onClick={() => setCancelling(true)}>
              Cancel handoff
            </Button>
          </div>
        )}
        <SendFooter completeness={completeness} sending={sending} error={sendError} />
      </form>
      {cancelling ? <CancelForm handoff={handoff} onDone={() => setCancelling(false)} /> : null}
    </div>
  );
}
