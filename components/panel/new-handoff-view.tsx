import { useEffect, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Template } from '../../lib/model/template';
import type { Site } from '../../lib/sites/types';
import { ErrorAlert } from '../error-alert';
import { HandoffView } from './handoff-view';
import { useNavigation, type Route } from './navigation';
import { inputClass, labelClass, mutedTextClass } from '../form-styles';
import { orderTemplates, preferredTemplate, rememberTemplate, rememberedTemplates } from './template-order';
import { TemplatePicker } from './template-picker';
import { useAction } from './use-action';
import { ViewHeading } from './view-heading';
import { useWorkspace } from './workspace';
import { ClientOptions } from '../client-options';
import { CreateClientInCapture } from '../first-run/create-client-in-capture';
import type { Handoff } from '../../lib/model/handoff';
import { DuplicateWarning } from './duplicate-warning';

type NewHandoffRoute = Extract<Route, { view: 'new-handoff' }>;

/** A page that suggests templates, with its client known: its preferred template starts at once, no picker. */
const startsDirectly = (route: NewHandoffRoute, site: Site | undefined) => !route.templateId && !route.startedId && !route.pick && !!route.clientId && !!site;

/**
 * Starts the draft. On a page that suggests a template, with the client known, the person's last template
 * for the site (else the first suggestion) starts at once, with "Change template" one click away; otherwise
 * they pick one. The background prefills the draft from the tab (subject, participants, a link back).
 */
export function NewHandoffView({ route, site }: { route: NewHandoffRoute; site: Site | undefined }) {
  const { me, clients, templates } = useWorkspace();
  const { navigate } = useNavigation();
  const [clientId, setClientId] = useState(route.clientId ?? '');
  const [starting, setStarting] = useState(() => startsDirectly(route, site));
  const { run, busy, error, setError } = useAction();
  const client = clients.find((c) => c.id === clientId);
  const ordered = orderTemplates(templates, site);

  // The open handoff of the same kind the start was answered with, and how to start anyway.
  const [duplicate, setDuplicate] = useState<{ handoff: Handoff; template: Pick<Template, 'id'> & { version?: number }; directly: boolean }>();

  const start = async (template: Pick<Template, 'id'> & { version?: number }, directly = false, startAnyway = false) => {
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
    // Until the route shows the draft, "Starting…" stays: the picker never flashes in between.
    if (!answer) return setStarting(false);
    if ('duplicate' in answer) {
      setStarting(false);
      return setDuplicate({ handoff: answer.duplicate, template, directly });
    }
    if (site) void rememberTemplate(me.id, site, template.id).catch(() => undefined);
    // Started directly: the draft stays in this view (Back and a return here find it, never start another).
    navigate(directly ? { ...route, clientId, startedId: answer.id, pick: false } : { view: 'handoff', handoffId: answer.id }, { replace: true });
  };

  // Opened with a template already chosen (a capture or a command), or one to start directly: once, on mount.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (route.templateId && route.clientId) return void start({ id: route.templateId });
    if (!startsDirectly(route, site)) return;
    void rememberedTemplates(me.id)
      .catch(() => undefined)
      .then((remembered) => {
        const preferred = preferredTemplate(ordered, site, remembered);
        if (preferred) void start(preferred, true);
        else setStarting(false);
      });
  }, []);

  const changeTemplate = async (draftId: string) => {
    // The draft started for the person goes (cancelled, with why; the form asked first if anything was typed,
    // and saved it into the draft); the picker takes its place.
    const cancelled = await run(() => sendRequest<'handoff/cancel'>({ type: 'handoff/cancel', id: draftId, reason: 'Started again with another template.' }));
    if (cancelled) navigate({ ...route, startedId: undefined, pick: true }, { replace: true });
  };

  if (route.startedId) {
    const draftId = route.startedId;
    return (
      <div className="flex flex-col gap-2">
        <ErrorAlert message={error} />
        <HandoffView handoffId={draftId} onChangeTemplate={busy ? undefined : () => void changeTemplate(draftId)} />
      </div>
    );
  }
  if (starting) return <p className={mutedTextClass}>Starting the template this page suggests…</p>;

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
      {duplicate ? <DuplicateWarning duplicate={duplicate.handoff} busy={busy} onStartAnyway={() => void start(duplicate.template, duplicate.directly, true)} /> : null}
      <TemplatePicker suggested={ordered.suggested} rest={ordered.rest} disabled={busy} onPick={(t) => void start(t)} />
    </div>
  );
}
