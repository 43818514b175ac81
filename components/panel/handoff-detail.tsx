import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { AfterSendActions } from './after-send-actions';
import { AfterSendNotes, ChangedMark } from './after-send-notes';
import { ExportMarkdownButton } from './export-markdown-button';
import { GapThread } from './gap-thread';
import { HandoffActions } from './handoff-actions';
import { HandoffActivity } from './handoff-activity';
import { HandoffFacts } from './handoff-facts';
import { KeyFactsCopy } from './key-facts-copy';
import { FieldValueView } from './field-value';
import { LogFailure } from './log-failure';
import { useNavigation } from './navigation';
import { nextStep } from './next-step';
import { PanelSection } from './panel-section';
import { SourceLinks } from './source-links';
import { StateBadge } from './state-badge';
import { cardClass, linkClass } from '../form-styles';
import { useLive } from '../use-live';
import { ViewHeading } from './view-heading';
import { Watchers } from './watchers';
import { useWorkspace } from './workspace';

/** A sent (or closed) handoff: who, what, every field with its questions, what happened, and the next move. */
export function HandoffDetail({ handoff, template, held = false, restoredNote }: { handoff: Handoff; template: Template; held?: boolean; restoredNote?: string }) {
  const { clients, me, members } = useWorkspace();
  const { navigate } = useNavigation();
  const client = clients.find((c) => c.id === handoff.clientId);
  const view = useLive(() => sendRequest<'client/view'>({ type: 'client/view', clientId: handoff.clientId }), { key: `client:${handoff.clientId}` });
  const now = new Date();
  const [failureOpen, setFailureOpen] = useState(false);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1.5">
        <p className="text-xs font-medium text-slate-600 dark:text-slate-400">
          {template.name} ·{' '}
          {client ? (
            <button type="button" className={linkClass} onClick={() => navigate({ view: 'client', clientId: client.id })}>
              {client.name}
            </button>
          ) : (
            'Unknown client'
          )}
        </p>
        <ViewHeading>{handoff.title || template.name}</ViewHeading>
        <div className="flex flex-wrap items-center gap-2">
          <StateBadge state={handoff.state} />
          <p className="text-sm text-slate-700 dark:text-slate-300">{nextStep(handoff, me, members)}</p>
        </div>
      </div>

      <AfterSendNotes handoff={handoff} template={template} now={now} />
      <HandoffFacts handoff={handoff} now={now} />
      <Watchers handoff={handoff} />
      {handoff.override ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
          Sent incomplete: {handoff.override.reason}
        </p>
      ) : null}
      {/* While a send or my confirmation is held for undo, the undo bar is the only move. */}
      {held ? null : <HandoffActions handoff={handoff} template={template} restoredNote={restoredNote} />}
      <KeyFactsCopy handoff={handoff} />
      {held ? null : <AfterSendActions handoff={handoff} template={template} />}
      {/* Anyone may say this handoff went wrong afterwards, once it went out (sent, confirmed, even cancelled). */}
      {handoff.sentAt ? (
        <div>
          <LogFailure clientId={handoff.clientId} handoffId={handoff.id} open={failureOpen} onOpen={() => setFailureOpen(true)} onClose={() => setFailureOpen(false)} />
        </div>
      ) : null}
      <SourceLinks sources={handoff.sources} />

      <PanelSection title="Handoff">
        <div className={`${cardClass} divide-y divide-slate-200 dark:divide-slate-800`}>
          {template.fields.map((field) => (
            // A group, not a region: nine landmarks per handoff would drown the page's real ones.
            <div key={field.id} role="group" aria-labelledby={`detail-${field.id}`} className="p-3">
              <div className="mb-1 flex items-center">
                <h3 id={`detail-${field.id}`} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
                  {field.label}
                </h3>
                <ChangedMark handoff={handoff} fieldId={field.id} />
              </div>
              <FieldValueView field={field} value={handoff.fields[field.id]} />
              <GapThread gaps={handoff.gaps.filter((g) => g.fieldIds.includes(field.id))} handoffId={handoff.id} receiverId={handoff.receiverId} />
            </div>
          ))}
        </div>
      </PanelSection>

      {handoff.context.selectedText ? (
        <PanelSection title="Selected text">
          <blockquote className="border-l-2 border-slate-300 pl-3 text-sm whitespace-pre-wrap text-slate-700 dark:border-slate-600 dark:text-slate-300">{handoff.context.selectedText}</blockquote>
        </PanelSection>
      ) : null}

      <PanelSection title="Activity">
        <HandoffActivity handoff={handoff} entries={view.status === 'ready' ? (view.data?.timeline ?? []) : []} />
      </PanelSection>
      <div>
        <ExportMarkdownButton handoff={handoff} template={template} />
      </div>
    </div>
  );
}
