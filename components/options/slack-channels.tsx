import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Client } from '../../lib/model/client';
import { sendRequest } from '../../lib/messaging/send';
import type { SlackChange, SlackDelivery, SlackSettings } from '../../lib/sync/hub-slack';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, inputClass, labelClass, mutedTextClass, selectClass } from '../form-styles';
import { StatusMessage } from './alerts';
import { WorkflowPart } from './workflow-part';

const STATUS_WORDS: Record<SlackDelivery['status'], string> = { sent: 'Sent', pending: 'Waiting to retry', failed: 'Failed' };
const STATUS_CLASS: Record<SlackDelivery['status'], string> = {
  sent: 'text-emerald-700 dark:text-emerald-400',
  pending: 'text-amber-700 dark:text-amber-300',
  failed: 'text-red-700 dark:text-red-300',
};
const when = (at: string) => new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

type Loaded = { settings: SlackSettings | null; clients: Client[] };

/**
 * Settings → Workflow → Slack: where the hub posts each handoff's moments (sent, gaps, confirmed,
 * overdue) — the workspace's channel, or a client's own. Admins paste incoming-webhook URLs, which go
 * to the hub and are only ever shown masked; other members see which channels are set.
 */
export function SlackChannels({ isAdmin }: { isAdmin: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(async () => {
    const [settings, clients] = await Promise.all([sendRequest<'slack/get'>({ type: 'slack/get' }), sendRequest<'clients/list'>({ type: 'clients/list' })]);
    if (!settings.ok) return setError(settings.problem.message);
    setLoaded({ settings: settings.data, clients: clients.ok ? clients.data : [] });
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <WorkflowPart title="Slack" headingRef={heading} description="Baton posts each handoff’s moments — sent, gaps raised, confirmed, overdue — to the client’s Slack channel, else to the workspace’s, with a link to open it.">
      <ErrorAlert message={error} />
      {!loaded ? (
        error ? null : <p className={mutedTextClass}>Loading…</p>
      ) : loaded.settings === null ? (
        <p className={mutedTextClass}>Connect to a team hub (Settings → Team hub) to post handoffs in Slack: the hub sends the messages.</p>
      ) : isAdmin ? (
        <SlackAdmin settings={loaded.settings} clients={loaded.clients} onSaved={(settings) => setLoaded({ ...loaded, settings })} onRemoved={() => heading.current?.focus()} />
      ) : (
        <SlackSummary settings={loaded.settings} clients={loaded.clients} />
      )}
    </WorkflowPart>
  );
}

const clientName = (clients: readonly Client[], id: string) => clients.find((c) => c.id === id)?.name ?? 'a client no longer listed';

/** What a member who is not an admin sees: which channels are set, never their addresses. */
function SlackSummary({ settings, clients }: { settings: SlackSettings; clients: readonly Client[] }) {
  const names = settings.clients.map((c) => clientName(clients, c.clientId));
  return (
    <ul className="list-disc pl-5 text-sm text-slate-800 dark:text-slate-200">
      <li>{settings.workspace ? 'The workspace’s Slack channel is set.' : 'No workspace Slack channel is set.'}</li>
      <li>{names.length > 0 ? `Client channels: ${names.join(', ')}.` : 'No client has its own channel.'}</li>
      <li>Only an admin can change them.</li>
    </ul>
  );
}

/** An admin's view: the masked URLs, a form to set or add one, the last messages and what became of them. */
function SlackAdmin({ settings, clients, onSaved, onRemoved }: { settings: SlackSettings; clients: readonly Client[]; onSaved: (settings: SlackSettings) => void; onRemoved: () => void }) {
  const [workspaceUrl, setWorkspaceUrl] = useState('');
  const withoutChannel = clients.filter((c) => !settings.clients.some((s) => s.clientId === c.id));
  const [clientId, setClientId] = useState('');
  const [clientUrl, setClientUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const picked = withoutChannel.find((c) => c.id === clientId) ?? withoutChannel[0];
  const help = useId();

  const save = async (change: SlackChange, done: string) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'slack/set'>({ type: 'slack/set', ...change });
    setBusy(false);
    if (!reply.ok) return setError(reply.problem.message);
    onSaved(reply.data);
    setStatus(done);
    return true;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change: SlackChange = {
      ...(workspaceUrl.trim() ? { workspaceUrl: workspaceUrl.trim() } : {}),
      ...(picked && clientUrl.trim() ? { clients: { [picked.id]: clientUrl.trim() } } : {}),
    };
    if (Object.keys(change).length === 0) return setError('Paste a Slack webhook URL first.');
    if (await save(change, 'Saved. New handoff moments are posted there.')) {
      setWorkspaceUrl('');
      setClientUrl('');
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <SlackChannelList settings={settings} clients={clients} busy={busy} onRemove={(change, name) => {
          // The row and its Remove button are gone: the keyboard goes to the part's heading, not the page's top.
          void save(change, `${name}: channel removed.`).then((ok) => ok && onRemoved());
        }} />
      <form onSubmit={submit} aria-label="Slack channels" className="flex flex-col gap-3">
        <label className={labelClass}>
          Workspace Slack webhook URL
          <input className={`${inputClass} font-mono`} type="url" inputMode="url" autoComplete="off" aria-describedby={help} value={workspaceUrl} onChange={(e) => setWorkspaceUrl(e.target.value)} placeholder={settings.workspace?.masked ? 'Paste a new URL to replace it' : 'https://hooks.slack.com/services/…'} />
        </label>
        <p id={help} className={`-mt-2 ${helpClass}`}>
          In Slack: Apps → Incoming Webhooks → Add to Slack, pick the channel, copy the Webhook URL.
        </p>
        {withoutChannel.length > 0 ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Add a client channel</legend>
            <label className={labelClass}>
              Client
              <select className={selectClass} value={picked?.id ?? ''} onChange={(e) => setClientId(e.target.value)}>
                {withoutChannel.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            {picked ? (
              <label className={labelClass}>
                {`Slack webhook URL for ${picked.name}`}
                <input className={`${inputClass} font-mono`} type="url" inputMode="url" autoComplete="off" value={clientUrl} onChange={(e) => setClientUrl(e.target.value)} placeholder="https://hooks.slack.com/services/…" />
              </label>
            ) : null}
          </fieldset>
        ) : null}
        <ErrorAlert message={error} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy}>
            Save
          </Button>
          <StatusMessage message={status} />
        </div>
      </form>
      <SlackDeliveries recent={settings.recent} clients={clients} />
    </div>
  );
}

/** The channels set, masked, each with a way to remove it. */
function SlackChannelList({ settings, clients, busy, onRemove }: { settings: SlackSettings; clients: readonly Client[]; busy: boolean; onRemove: (change: SlackChange, name: string) => void }) {
  const rows = [
    ...(settings.workspace ? [{ key: '', name: 'Workspace', masked: settings.workspace.masked ?? '', change: { workspaceUrl: null } as SlackChange }] : []),
    ...settings.clients.map((c) => ({ key: c.clientId, name: clientName(clients, c.clientId), masked: c.masked ?? '', change: { clients: { [c.clientId]: null } } as SlackChange })),
  ];
  if (rows.length === 0) return <p className={mutedTextClass}>No Slack channel yet: nothing is posted.</p>;
  return (
    <ul aria-label="Slack channels set" className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {rows.map((row) => (
        <li key={row.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
          <span className="font-medium break-words">{row.name}</span>
          <code className="min-w-0 break-all text-slate-700 dark:text-slate-300">{row.masked}</code>
          <Button variant="danger" className="ml-auto" disabled={busy} aria-label={`Remove the Slack channel of ${row.name}`} onClick={() => onRemove(row.change, row.name)}>
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The last messages the hub posted or tried to, newest first, with Slack's reason for each refused one. */
function SlackDeliveries({ recent, clients }: { recent: readonly SlackDelivery[]; clients: readonly Client[] }) {
  if (recent.length === 0) return <p className={mutedTextClass}>No message posted yet.</p>;
  return (
    <ul aria-label="Last Slack messages" className="flex flex-col gap-1.5 text-sm">
      {recent.map((d, i) => (
        <li key={`${d.at}-${i}`} className="flex flex-col">
          <span>
            <span className={`font-medium ${STATUS_CLASS[d.status]}`}>{STATUS_WORDS[d.status]}</span>
            <span className="text-slate-600 dark:text-slate-400">{` · ${when(d.at)} · ${d.channel ? clientName(clients, d.channel) : 'Workspace'}`}</span>
            {d.reason ? <span className="text-slate-600 dark:text-slate-400">{` · Slack said: ${d.reason}`}</span> : null}
          </span>
          <span className="break-words text-slate-800 dark:text-slate-200">{d.text}</span>
        </li>
      ))}
    </ul>
  );
}
