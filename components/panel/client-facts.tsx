import type { Client } from '../../lib/model/client';
import { Button } from '../button';
import { linkClass } from '../form-styles';
import { KeyFactsEditor, hasOpenDraft } from './key-facts-editor';
import { useClientEditor } from './use-client-editor';

function People({ people }: { people: Client['stakeholders'] }) {
  if (people.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">Stakeholders</dt>
      {people.map((p) => (
        <dd key={p.email} className="text-sm break-words">
          <span className="font-medium text-slate-900 dark:text-slate-100">{p.name}</span>
          {p.role ? <span className="text-slate-700 dark:text-slate-300"> · {p.role}</span> : null}
          <a href={`mailto:${p.email}`} className="block text-xs text-slate-600 hover:underline dark:text-slate-400">
            {p.email}
          </a>
        </dd>
      ))}
    </div>
  );
}

/** A titled list of short texts, inside a <dl>: one <dt>, one <dd> per item. */
export function FactList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{title}</dt>
      {items.map((item, i) => (
        <dd key={i} className="relative pl-3 text-sm break-words text-slate-800 before:absolute before:left-0 before:text-slate-400 before:content-['•'] dark:text-slate-200">
          {item}
        </dd>
      ))}
    </div>
  );
}

/** What anyone touching the client must know first: who is who, what they like, what to avoid. */
export function ClientFacts({ client }: { client: Client }) {
  const empty = client.stakeholders.length + client.preferences.length + client.sensitivities.length === 0 && !client.toneOfVoiceUrl;
  if (empty) return <p className="text-sm text-slate-600 dark:text-slate-400">No stakeholders, preferences or sensitivities recorded yet.</p>;
  return (
    <dl className="flex flex-col gap-3">
      <People people={client.stakeholders} />
      <FactList title="Preferences" items={client.preferences} />
      <FactList title="Sensitivities" items={client.sensitivities} />
      {client.toneOfVoiceUrl ? (
        <div className="flex flex-col gap-0.5">
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">Tone of voice</dt>
          <dd className="relative truncate text-sm">
            <a href={client.toneOfVoiceUrl} target="_blank" rel="noreferrer noopener" className={linkClass}>
              {client.toneOfVoiceUrl.replace(/^https?:\/\//, '')}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The client's key facts with "Edit key facts", which opens the editor in their place. */
export function KeyFacts({ client }: { client: Client }) {
  const { editing, open, close, onSaved, button, shown } = useClientEditor(client, hasOpenDraft(client.id));
  if (editing) return <KeyFactsEditor client={shown} onSaved={onSaved} onCancel={close} />;
  return (
    <div className="flex flex-col gap-3">
      <ClientFacts client={shown} />
      <div>
        <Button ref={button} variant="secondary" className="px-2.5 py-1 text-xs" onClick={open}>
          Edit key facts
        </Button>
      </div>
    </div>
  );
}
