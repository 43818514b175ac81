import { useId, useState } from 'react';
import { suggestClientName } from '../../lib/match/suggest-client-name';
import { identifierKey } from '../../lib/model/identifier';
import type { TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Client } from '../../lib/model/client';
import { cutCodePoints } from '../../lib/text/clean-text';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { useAction } from '../panel/use-action';

/** As client/create-from-page counts it: characters (code points), an emoji once. */
const MAX_NAME = 200;

/** What the page suggests the new client is called ('' when it names nobody). */
export function suggestedName(tab: TabState | null | undefined): string {
  return tab ? cutCodePoints(suggestClientName(tab.context, tab.linkable) ?? '', MAX_NAME) : '';
}

/**
 * What a CreateClientForm is keyed on: another page (or the same page read further) starts the form
 * afresh, so the name shown and the identifiers sent always come from the same page.
 */
export function createClientFormKey(tab: TabState | null | undefined): string {
  return tab ? `${tab.context.url} ${tab.linkable.map(identifierKey).join(' ')}` : 'no page';
}

/** The page's identifiers worth linking, said the way a person reads them ("the thread", "the page"). */
export function pageWord(tab: TabState | null | undefined): 'thread' | 'page' | undefined {
  if (!tab || tab.linkable.length === 0) return undefined;
  return tab.context.site === 'gmail' && tab.context.thread ? 'thread' : 'page';
}

/**
 * "Create client …" where the person stands: the name the page suggests, editable in place, and one
 * command (client/create-from-page) that creates the client with the page's linkable identifiers
 * (never the agency's own or a free-mail domain). `buttonLabel` words the button for its place.
 */
export function CreateClientForm({
  tab,
  buttonLabel,
  onCreated,
}: {
  tab: TabState | null | undefined;
  buttonLabel: (name: string) => string;
  onCreated: (client: Client) => void;
}) {
  const [name, setName] = useState(() => suggestedName(tab));
  // The identifiers of the page the name came from, whatever the tab does meanwhile.
  const [identifiers] = useState(() => (pageWord(tab) ? (tab?.linkable ?? []) : []));
  const { run, busy, error, setError } = useAction();
  const helpId = useId();
  const word = pageWord(tab);

  const create = async () => {
    if (!name.trim()) return setError('Give the new client a name.');
    const client = await run(() => sendRequest<'client/create-from-page'>({ type: 'client/create-from-page', name, identifiers }));
    if (client) onCreated(client);
  };

  return (
    <form
      className="flex flex-col gap-2"
      aria-label="Create a client"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label className={labelClass}>
        Client name
        <input className={inputClass} value={name} onChange={(e) => setName(cutCodePoints(e.target.value, MAX_NAME))} aria-describedby={word ? helpId : undefined} autoComplete="off" />
      </label>
      {word ? (
        <p id={helpId} className={helpClass}>
          Baton links this {word} to the new client and recognises it from now on.
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={busy} className="max-w-full text-left [overflow-wrap:anywhere]">
          {buttonLabel(name.trim())}
        </Button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
