import { useId, useMemo, useState } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { filterClients } from '../../lib/match/search-index';
import { rowsToText } from '../../lib/model/identifier-input';
import { identifierLabel } from '../../lib/sites/labels';
import { suggestClientName } from '../../lib/match/suggest-client-name';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { useNavigation } from './navigation';
import { inputClass, labelClass, sectionHeadingClass } from '../form-styles';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

/**
 * Links the page's identifiers to a client in one step: an existing one, or a new one by name. The
 * background re-matches the tabs afterwards and the panel follows by itself.
 */
export function LinkClientPicker({ tab, onClose }: { tab: TabState; onClose: () => void }) {
  const { clients } = useWorkspace();
  const { requestFocus } = useNavigation();
  const [query, setQuery] = useState('');
  // Prefilled with what the page calls the client (its account, project or mail organisation).
  const [newName, setNewName] = useState(() => suggestClientName(tab.context, tab.linkable) ?? '');
  const [linked, setLinked] = useState<string>();
  const { run, busy, error, setError } = useAction();
  const searchId = useId();
  const tied = useMemo(() => new Set(tab.match.status === 'ambiguous' ? tab.match.tied.map((c) => c.id) : []), [tab]);

  const shown = useMemo(() => {
    // By name, domain or any identifier, as the panel's search finds clients.
    const matching = filterClients(clients, query);
    // Clients the page already half-fits come first.
    return [...matching.filter((c) => tied.has(c.id)), ...matching.filter((c) => !tied.has(c.id))];
  }, [clients, query, tied]);

  if (tab.linkable.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing on this page can identify a client (only colleagues or free-mail addresses).</p>;
  }

  // The panel is about to switch to the client's view: its heading takes focus.
  const linkedTo = (name: string) => {
    setLinked(name);
    requestFocus();
  };
  const linkTo = async (clientId: string, name: string) => {
    const done = await run(() => sendRequest<'client/link'>({ type: 'client/link', clientId, identifiers: tab.linkable }));
    if (done) linkedTo(name);
  };
  const create = async () => {
    const name = newName.trim();
    if (!name) return setError('Give the new client a name.');
    const identifiers = rowsToText(tab.linkable);
    const done = await run(() => sendRequest<'clients/save'>({ type: 'clients/save', client: { name, identifiers } }));
    if (done) linkedTo(done.name);
  };

  if (linked) return <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Linked this page to {linked}.</p>;

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs break-words text-slate-600 dark:text-slate-400">Links {tab.linkable.map(identifierLabel).join(' · ')}</p>
      <div className="flex flex-col gap-2">
        <label htmlFor={searchId} className={labelClass}>
          Search clients
        </label>
        <input id={searchId} type="search" className={inputClass} value={query} onChange={(e) => setQuery(e.target.value)} />
        {shown.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{clients.length === 0 ? 'No clients yet: create the first one below.' : 'No client has that name or identifier.'}</p>
        ) : (
          <ul aria-label="Clients" className="flex max-h-56 flex-col overflow-y-auto rounded-md border border-slate-200 dark:border-slate-800">
            {shown.map((c) => (
              <li key={c.id} className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
                <button
                  type="button"
                  disabled={busy}
                  className="flex w-full items-center justify-between px-3 py-2 text-left text-sm text-slate-900 hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-800/60"
                  onClick={() => void linkTo(c.id, c.name)}
                >
                  {c.name}
                  {tied.has(c.id) ? <span className="text-xs text-slate-600 dark:text-slate-400">fits this page</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form
        className="flex flex-col gap-2"
        aria-label="New client"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3 className={sectionHeadingClass}>Or a new client</h3>
        <label className={labelClass}>
          New client name
          <input className={inputClass} value={newName} onChange={(e) => setNewName(e.target.value)} />
        </label>
        <div className="flex gap-2">
          <Button type="submit" disabled={busy}>
            Create and link
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </form>
      <ErrorAlert message={error} />
    </div>
  );
}
