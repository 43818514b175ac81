import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section } from '../section';
import { labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { downloadFile } from '../download';
import { HandoffExport } from './handoff-export';
import { useFocusBack } from '../use-focus-back';

const fileInputClass =
  'text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Backup and restore, Markdown export, and the demo agency. */
export function DataSection() {
  return (
    <Section title="Data" description="Your workspace is an event log: a backup holds all of it, and restoring adds only what is missing.">
      <Backup />
      <Restore />
      <HandoffExport />
      <DemoLoader />
      <DemoRemover />
    </Section>
  );
}

function Backup() {
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const download = async () => {
    setError(undefined);
    const reply = await sendRequest<'data/export'>({ type: 'data/export' });
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    const name = `baton-backup-${reply.data.exportedAt.slice(0, 10)}.json`;
    downloadFile(name, JSON.stringify(reply.data, null, 2), 'application/json');
    setStatus(`Downloaded ${name}: ${plural(reply.data.events.length, 'change')}.`);
  };
  return (
    <Card title="Backup" description="Everything in this workspace — clients, people, templates, handoffs, notes — as one JSON file.">
      <div>
        <Button onClick={() => void download()}>Download backup</Button>
      </div>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </Card>
  );
}

function Restore() {
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(undefined);
    setStatus(undefined);
    if (!file) return;
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setError(`${file.name} is not a Baton backup (it is not JSON). Nothing was restored.`);
      return;
    }
    const reply = await sendRequest<'data/import'>({ type: 'data/import', backup });
    if (input.current) input.current.value = '';
    if (reply.ok) setStatus(`Restored ${file.name}: ${plural(reply.data.added, 'change')} added, ${reply.data.skipped} already here.`);
    else setError(reply.problem.message);
  };
  return (
    <Card title="Restore" description="Every change in the file is checked first; if one is refused, nothing is restored.">
      <label className={labelClass}>
        Restore from backup
        <input ref={input} type="file" accept=".json,application/json" onChange={(e) => void restore(e)} className={fileInputClass} />
      </label>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </Card>
  );
}

/** `options.html#demo` (from `npm start -- --demo`) loads the demo once on arrival. */
function arrivedForDemo(): boolean {
  return window.location.hash === '#demo';
}

function DemoLoader() {
  const [confirming, setConfirming] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const card = useRef<HTMLDivElement>(null);

  const load = async () => {
    setConfirming(undefined);
    setError(undefined);
    setBusy(true);
    const reply = await sendRequest<'demo/load'>({ type: 'demo/load' });
    setBusy(false);
    if (reply.ok) {
      setStatus(
        reply.data.added > 0
          ? `Loaded the demo agency: ${plural(reply.data.added, 'change')}. Open the toolbar popup or the side panel to see it.`
          : 'The demo agency is already loaded.',
      );
    } else setError(reply.problem.message);
  };

  // A workspace with clients of its own gets a confirm step first: the demo adds to it.
  const ask = async () => {
    setStatus(undefined);
    const clients = await sendRequest<'clients/list'>({ type: 'clients/list' });
    const count = clients.ok ? clients.data.length : 0;
    if (count > 0) setConfirming(count);
    else await load();
  };

  useEffect(() => {
    if (!arrivedForDemo() || started.current) return;
    started.current = true;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    card.current?.scrollIntoView({ block: 'center' });
    void load();
  }, []);

  return (
    <div ref={card}>
      <Card title="Demo agency" description="Fieldstone Digital: six people, 13 clients with their identifiers, handoffs in every state, decisions, call notes and failures — so you can see Baton at work.">
        {confirming !== undefined ? (
          <div role="group" aria-label="Confirm loading the demo" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
            <p>
              Your workspace already has {plural(confirming, 'client')}. The demo adds its people, clients and handoffs alongside them.
            </p>
            <div className="flex gap-2">
              <Button onClick={() => void load()}>Load demo anyway</Button>
              <Button variant="secondary" onClick={() => setConfirming(undefined)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <div>
            <Button variant="secondary" onClick={() => void ask()} disabled={busy}>
              Load demo agency
            </Button>
          </div>
        )}
        <ErrorAlert message={error} />
        <StatusMessage message={status} />
      </Card>
    </div>
  );
}

/** Takes the demo agency out again, after a confirm step that names the person's own handoffs going with it. */
function DemoRemover() {
  const [confirming, setConfirming] = useState(false);
  const [stranded, setStranded] = useState<{ id: string; title: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  // The confirm step goes (answered either way): focus returns to "Remove the demo agency".
  useFocusBack(confirming, opener);

  const ask = async () => {
    setStatus(undefined);
    setError(undefined);
    const preview = await sendRequest<'demo/removal-preview'>({ type: 'demo/removal-preview' });
    setStranded(preview.ok ? preview.data.stranded : []);
    setConfirming(true);
  };

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    const reply = await sendRequest<'demo/remove'>({ type: 'demo/remove' });
    setBusy(false);
    setConfirming(false);
    if (!reply.ok) return setError(reply.problem.message);
    const { clients, handoffs, members } = reply.data;
    setStatus(
      clients + handoffs + members === 0
        ? 'The demo agency is not loaded: there is nothing of it to remove.'
        : `Removed the demo agency: ${plural(clients, 'client')} archived, ${plural(handoffs, 'open handoff')} cancelled, ${members} ${members === 1 ? 'person' : 'people'} taken off the team. ${stranded.length ? 'Your other clients and handoffs' : 'Your own clients and handoffs'} are as they were.`,
    );
  };

  return (
    <Card title="Remove the demo agency" description="Done looking around? This takes Fieldstone Digital’s clients, open handoffs and people out again; what you added yourself stays.">
      {confirming ? (
        <div role="group" aria-label="Confirm removing the demo" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p>The demo’s clients are archived, its open handoffs cancelled and its people taken off the team. Their history stays in the log.</p>
          {stranded.length ? (
            <>
              <p>
                {stranded.length === 1 ? '1 of your own open handoffs is' : `${stranded.length} of your own open handoffs are`} cancelled with it (its client or receiver is
                part of the demo):
              </p>
              <ul className="list-disc pl-5 break-words">
                {stranded.map((h) => (
                  <li key={h.id}>{h.title}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" onClick={() => void remove()} disabled={busy}>
              Remove it
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button variant="secondary" ref={opener} onClick={() => void ask()}>
            Remove the demo agency
          </Button>
        </div>
      )}
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </Card>
  );
}
