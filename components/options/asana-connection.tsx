// Settings → Workflow → Asana: the hub's connection to Asana (a bot user's access token, kept on the hub
// only), the projects linked to clients and how their changes arrive.
import { useState, type FormEvent } from 'react';
import type { Result } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { AsanaView } from '../../lib/background/commands/asana';
import type { AsanaStatus } from '../../lib/sync/hub-asana';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, linkClass } from '../form-styles';
import { HelpedInput } from './helped-input';
import { liveError, useLive } from '../use-live';
import { StatusMessage } from './alerts';
import { WorkflowPart } from './workflow-part';

const WEBHOOK_WORDS = { active: 'changes arrive by webhook', none: 'no webhook: changes arrive by polling', failed: 'the webhook failed: changes arrive by polling' } as const;

export function AsanaConnection({ isAdmin }: { isAdmin: boolean }) {
  const loaded = useLive(() => sendRequest<'asana/status'>({ type: 'asana/status' }), { stores: [] });
  const [changed, setChanged] = useState<AsanaView>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const view = changed ?? (loaded.status === 'ready' ? loaded.data : undefined);

  const run = async (request: Promise<Result<AsanaView>>, done: string) => {
    setError(undefined);
    setStatus(undefined);
    const reply = await request;
    if (!reply.ok) return setError(reply.problem.message);
    setChanged(reply.data);
    setStatus(done);
  };

  return (
    <WorkflowPart title="Asana" description="Rules can start handoffs from tasks of the Asana projects linked to your clients, and write back to those tasks.">
      <ErrorAlert message={changed ? undefined : liveError(loaded)} />
      {view && !view.hub ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Asana needs the team hub: the hub holds the Asana token and hears of changes in Asana, even when no browser is open. Connect to your agency’s hub first in{' '}
          <a className={linkClass} href="#hub">
            Settings → Team hub
          </a>
          .
        </p>
      ) : null}
      {view?.hub && view.status ? <AsanaState status={view.status} /> : null}
      {view?.hub && !view.status ? <p className="text-sm text-slate-700 dark:text-slate-300">An admin connects Asana for the team.</p> : null}
      {view?.hub && isAdmin && view.status?.connected ? (
        <div>
          <Button variant="secondary" onClick={() => run(sendRequest<'asana/disconnect'>({ type: 'asana/disconnect' }), 'Asana disconnected.')}>
            Disconnect Asana
          </Button>
        </div>
      ) : null}
      {view?.hub && isAdmin && view.status && !view.status.connected ? <ConnectForm onConnect={(token) => run(sendRequest<'asana/connect'>({ type: 'asana/connect', token }), 'Asana connected.')} /> : null}
      {view?.hub && view.status && !isAdmin ? <p className="text-sm text-slate-600 dark:text-slate-400">Only an admin can connect or disconnect Asana.</p> : null}
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </WorkflowPart>
  );
}

function AsanaState({ status }: { status: AsanaStatus }) {
  const problem = status.lastError ? (
    <p role="alert" className="break-words text-sm text-red-700 dark:text-red-300">
      {status.lastError}
    </p>
  ) : null;
  if (!status.connected) return problem ?? <p className="text-sm text-slate-700 dark:text-slate-300">Not connected to Asana.</p>;
  const failed = status.failedWriteBacks ?? [];
  return (
    <div className="flex min-w-0 flex-col gap-2 text-sm text-slate-700 dark:text-slate-300">
      {problem}
      <p className="break-words">
        Connected as <strong>{status.user?.name ?? 'an Asana user'}</strong>
        {status.user?.email ? ` (${status.user.email})` : ''}.
      </p>
      {status.projects.length === 0 ? (
        <p>No linked projects yet: add a client’s Asana project (its link or number) to the client’s identifiers.</p>
      ) : (
        <ul aria-label="Linked Asana projects" className="flex flex-col gap-1">
          {status.projects.map((p) => (
            <li key={p.gid} className="break-words">
              {p.clientName}: project {p.gid}, {WEBHOOK_WORDS[p.webhook]}
              {p.lastEventAt ? `, last change ${new Date(p.lastEventAt).toLocaleString()}` : ''}
              {p.pollError ? `; its changes cannot be read: ${p.pollError}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className={helpClass}>The hub reads each project’s changes every {status.pollSeconds} seconds too, so a lost delivery still arrives.</p>
      {failed.length > 0 ? (
        <ul aria-label="Write-backs Asana refused" className="flex flex-col gap-1">
          {failed.map((f) => (
            <li key={`${f.handoffId}-${f.action}-${f.at}`} className="break-words">
              {new Date(f.at).toLocaleString()}: {f.action} for handoff {f.handoffId} was given up: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ConnectForm({ onConnect }: { onConnect: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await onConnect(token);
    setBusy(false);
    setToken('');
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <HelpedInput
        label="Asana access token"
        help="A personal access token of a bot user in Asana. It goes to the hub and stays there; this browser does not keep it."
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        maxLength={500}
        onChange={(e) => setToken(e.target.value)}
        aria-required="true"
      />
      <div>
        <Button type="submit" disabled={busy || token.trim() === ''}>
          Connect Asana
        </Button>
      </div>
    </form>
  );
}
