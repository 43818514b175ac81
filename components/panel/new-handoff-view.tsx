import { useEffect, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Template } from '../../lib/model/template';
import type { Site } from '../../lib/sites/types';
import { ErrorAlert } from '../error-alert';
import { useNavigation, type Route } from './navigation';
import { inputClass, labelClass } from '../form-styles';
import { orderTemplates } from './template-order';
import { TemplatePicker } from './template-picker';
import { useAction } from './use-action';
import { ViewHeading } from './view-heading';
import { useWorkspace } from './workspace';
import { ClientOptions } from '../client-options';
import { CreateClientInCapture } from '../first-run/create-client-in-capture';
import type { Handoff } from '../../lib/model/handoff';
import { DuplicateWarning } from './duplicate-warning';

/**
 * Picks a template and starts the draft. The background prefills it from the tab (subject,
 * participants, a link back); the draft then replaces this view.
 */
export function NewHandoffView({ route, site }: { route: Extract<Route, { view: 'new-handoff' }>; site: Site | undefined }) {
  const { clients, templates } = useWorkspace();
  const { navigate } = useNavigation();
  const [clientId, setClientId] = useState(route.clientId ?? '');
  const { run, busy, error, setError } = useAction();
  const client = clients.find((c) => c.id === clientId);
  const { suggested, rest } = orderTemplates(templates, site);

  // The open handoff of the same kind the start was answered with, and the template to start anyway.
  const [duplicate, setDuplicate] = useState<{ handoff: Handoff; template: Pick<Template, 'id'> & { version?: number } }>();

  const start = async (template: Pick<Template, 'id'> & { version?: number }, startAnyway = false) => {
    if (!clientId) return setError('Choose the client this handoff is about.');
    setDuplicate(undefined);
    const answer = await run(() =>
      sendRequest<'handoff/start'>({
        type: 'handoff/start',
        clientId,
        templateId: template.id,
        ...(template.version !== undefined ? { templateVersion: template.version } : {}),
        ...(route.page ? { page: route.page } : route.tabId !== undefined ? { tabId: route.tabId } : {}),
        ...(route.selectedText ? { selectedText: route.selectedText } : {}),
        ...(startAnyway ? { startAnyway } : {}),
      }),
    );
    if (answer && 'duplicate' in answer) setDuplicate({ handoff: answer.duplicate, template });
    else if (answer) navigate({ view: 'handoff', handoffId: answer.id }, { replace: true });
  };

  // Opened with a template already chosen (a capture or a command): start it once, on mount.
  const started = useRef(false);
  useEffect(() => {
    if (route.templateId && route.clientId && !started.current) {
      started.current = true;
      void start({ id: route.templateId });
    }
  }, []);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <p className="text-xs font-medium text-slate-600 dark:text-slate-400">New handoff{client ? ` · ${client.name}` : ''}</p>
        <ViewHeading>Choose a template</ViewHeading>
        <p className="text-sm text-slate-600 dark:text-slate-400">Each asks for the minimum the receiver needs. What the page shows is filled in for you.</p>
      </div>
      {route.clientId ? null : <CreateClientInCapture onCreated={(created) => setClientId(created.id)} />}
      {route.clientId ? null : (
        <label className={labelClass}>
          Client
          <select className={inputClass} value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <ClientOptions clients={clients} />
          </select>
        </label>
      )}
      {route.selectedText ? (
        <blockquote aria-label="Selected text" className="border-l-2 border-slate-300 pl-3 text-sm whitespace-pre-wrap text-slate-700 dark:border-slate-600 dark:text-slate-300">
          {route.selectedText}
        </blockquote>
      ) : null}
      <ErrorAlert message={error} />
      {duplicate ? <DuplicateWarning duplicate={duplicate.handoff} busy={busy} onStartAnyway={() => void start(duplicate.template, true)} /> : null}
      <TemplatePicker suggested={suggested} rest={rest} disabled={busy} onPick={(t) => void start(t)} />
    </div>
  );
}
