import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { Client } from '../lib/model/client';
import { parseIdentifierList } from '../lib/model/identifier';
import { addTypedIdentifiers } from '../lib/model/identifier-input';
import type { Member } from '../lib/model/member';
import { sendRequest } from '../lib/messaging/send';
import { identifierLabel } from '../lib/sites/labels';
import { Button } from './button';
import { ClientImport } from './options/client-import';
import { ClientListSearch } from './client-list-search';
import { filterClients } from '../lib/match/search-index';
import { Section } from './section';
import { inputClass, labelClass } from './form-styles';
import { ClientOptions } from './client-options';
import { ErrorAlert } from './error-alert';
import { IdentifierEditor, useIdentifierEditor } from './identifier-editor';
import { loadTogether } from './load-together';
import { liveError, useLive } from './use-live';

/** `#new?identifiers=…` (from the side panel's "Link to client") prefills the form. */
function prefillFromHash(): string {
  const match = /^#new\?identifiers=(.*)$/.exec(window.location.hash);
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : '';
  } catch {
    // A malformed escape in the address (typed by hand): start with an empty search.
    return '';
  }
}

const NO_CLIENTS: Client[] = [];
const NO_MEMBERS: Member[] = [];

const loadDirectory = () => loadTogether({ clients: sendRequest<'clients/list'>({ type: 'clients/list' }), members: sendRequest<'members/list'>({ type: 'members/list' }) });

export function ClientDirectory() {
  // Another tab (or the side panel) changed the workspace: show it.
  const directory = useLive(loadDirectory, { stores: ['clients', 'members'] });
  const clients = directory.status === 'ready' ? directory.data.clients : NO_CLIENTS;
  const members = directory.status === 'ready' ? directory.data.members : NO_MEMBERS;
  const [editing, setEditing] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [prefill, setPrefill] = useState(prefillFromHash);
  const nameInput = useRef<HTMLInputElement>(null);
  // The page's identifiers from "Link to client" arrive as `kind:value` text: read as any typing is.
  const identifiers = useIdentifierEditor(() => addTypedIdentifiers([], prefill).rows);
  const [linkTarget, setLinkTarget] = useState('');
  const [ownerEmail, setOwnerEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => filterClients(clients, search), [clients, search]);

  const reset = () => {
    setEditing(undefined);
    setName('');
    identifiers.reset();
    setOwnerEmail('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const typed = identifiers.finish();
    if (typed === undefined) return;
    const reply = await sendRequest<'clients/save'>({
      type: 'clients/save',
      client: { id: editing, name, identifiers: typed, ownerEmail: ownerEmail || undefined },
    });
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    setStatus(`${editing ? 'Saved' : 'Added'} ${reply.data.name}.`);
    reset();
    directory.reload();
  };

  /** "Link to client" from the side panel: add the page's identifiers to a client that exists. */
  const linkToExisting = async (event: FormEvent) => {
    event.preventDefault();
    const client = clients.find((c) => c.id === linkTarget);
    if (!client) return;
    setError(undefined);
    const { identifiers: linked, errors } = parseIdentifierList(prefill);
    if (errors.length > 0 || linked.length === 0) {
      setError(errors.join(' ') || 'This page has nothing to link.');
      return;
    }
    const reply = await sendRequest<'client/link'>({ type: 'client/link', clientId: client.id, identifiers: linked });
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    setStatus(`Linked this page to ${client.name}.`);
    setPrefill('');
    reset();
    directory.reload();
  };

  const edit = (client: Client) => {
    setEditing(client.id);
    setName(client.name);
    identifiers.reset(client.identifiers);
    setOwnerEmail(members.find((m) => m.id === client.ownerId)?.email ?? '');
    nameInput.current?.focus();
  };

  const archive = async (client: Client) => {
    if (!window.confirm(`Archive ${client.name}? Its history is kept, but Baton stops recognising its pages.`)) return;
    const reply = await sendRequest<'clients/archive'>({ type: 'clients/archive', id: client.id });
    if (!reply.ok) setError(reply.problem.message);
    else setStatus(`Archived ${client.name}.`);
    directory.reload();
  };

  return (
    <Section title="Clients" description="Baton recognises a client on any page that carries one of its identifiers.">
      <ErrorAlert message={liveError(directory)} />
      {prefill && clients.length > 0 ? (
        <form onSubmit={linkToExisting} className="flex flex-wrap items-end gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4 dark:border-slate-800 dark:bg-slate-900">
          <label className={`${labelClass} grow`}>
            Link this page to an existing client
            <select className={inputClass} value={linkTarget} onChange={(e) => setLinkTarget(e.target.value)} required>
              <ClientOptions clients={clients} />
            </select>
          </label>
          <Button type="submit" disabled={!linkTarget}>
            Link to client
          </Button>
          <p className="w-full text-xs text-slate-600 dark:text-slate-400">Or create a new client with the page's identifiers below.</p>
        </form>
      ) : null}
      <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <label className={labelClass}>
          Client name
          <input ref={nameInput} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <IdentifierEditor editor={identifiers} />
        <label className={labelClass}>
          Owner’s email (optional, a member of your workspace)
          <input className={inputClass} type="email" value={ownerEmail} onChange={(e) => setOwnerEmail(e.target.value)} />
        </label>
        {error ? (
          <p id="client-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit">{editing ? 'Save client' : 'Add client'}</Button>
          {editing ? (
            <Button variant="secondary" onClick={reset}>
              Cancel
            </Button>
          ) : null}
        </div>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {status}
        </p>
      </form>
      {clients.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No clients yet.</p>
      ) : (
        <>
        <ClientListSearch query={search} onQuery={setSearch} shown={shown.length} total={clients.length} />
        <ul aria-label="Clients" className="divide-y divide-slate-200 rounded-lg border border-slate-200 empty:hidden dark:divide-slate-800 dark:border-slate-800">
          {shown.map((client) => (
            <li key={client.id} className="flex items-start justify-between gap-4 p-3">
              <div className="min-w-0">
                <p className="font-medium">{client.name}</p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {client.identifiers.map(identifierLabel).join(' · ') || 'No identifiers'}
                </p>
              </div>
              <div className="flex shrink-0 gap-1">
                <Button variant="secondary" onClick={() => edit(client)} aria-label={`Edit ${client.name}`}>
                  Edit
                </Button>
                <Button variant="danger" onClick={() => void archive(client)} aria-label={`Archive ${client.name}`}>
                  Archive
                </Button>
              </div>
            </li>
          ))}
        </ul>
        </>
      )}
      <ClientImport />
    </Section>
  );
}
