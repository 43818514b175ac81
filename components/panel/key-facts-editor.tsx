import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { checkKeyFacts, keyFactsDraft, toneOfVoiceLink, type KeyFactsDraft } from '../../lib/model/key-facts';
import type { Client } from '../../lib/model/client';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { helpClass, inputClass, labelClass, sectionHeadingClass } from '../form-styles';
import { emptyPerson, patchRow, removeRow } from './field-values';
import { InlineForm } from './inline-form';
import { PersonFields } from './people-editor';
import { AddRowButton, RowCard } from './row-card';
import { SmallInput } from './small-input';
import { useAction } from './use-action';

/**
 * The open editors' drafts, by client, for the life of the page: the client view is drawn again when
 * the page it follows is matched again (a sync, a navigation), and what was typed must still be there.
 */
const openDrafts = new Map<string, { draft: KeyFactsDraft; base: KeyFactsDraft }>();

/** Whether an editor of this client's key facts was left open with a draft (the view was drawn again). */
export const hasOpenDraft = (clientId: string) => openDrafts.has(clientId);

/** An empty section starts with one blank row to type into: blank rows are dropped on save. */
function startingDraft(client: Client): KeyFactsDraft {
  const draft = keyFactsDraft(client);
  return {
    ...draft,
    stakeholders: draft.stakeholders.length > 0 ? draft.stakeholders : [emptyPerson()],
    preferences: draft.preferences.length > 0 ? draft.preferences : [''],
    sensitivities: draft.sensitivities.length > 0 ? draft.sensitivities : [''],
  };
}

function FactsGroup({ title, list, children }: { title: string; list: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const id = useId();
  return (
    <div ref={list} role="group" aria-labelledby={id} className="flex flex-col gap-2">
      <h3 id={id} className={sectionHeadingClass}>
        {title}
      </h3>
      {children}
    </div>
  );
}

/**
 * After "Remove", the keyboard goes to the row before the removed one (its first field), or to the
 * group's Add button when none is left before it: never to the top of the page.
 */
function useFocusAfterRemove(count: number) {
  const list = useRef<HTMLDivElement>(null);
  const removed = useRef<number | null>(null);
  useEffect(() => {
    const index = removed.current;
    removed.current = null;
    if (index === null || !list.current) return;
    const previous = list.current.querySelectorAll('[data-row]')[index - 1];
    // The Add button is the group's last button.
    const target = previous ? previous.querySelector('input') : [...list.current.querySelectorAll('button')].at(-1);
    target?.focus();
  }, [count]);
  return { list, removing: (index: number) => (removed.current = index) };
}

/** A list of short texts, one input each, with add and remove. */
function ItemsEditor({ title, singular, items, onChange }: { title: string; singular: string; items: string[]; onChange: (items: string[]) => void }) {
  const { list, removing } = useFocusAfterRemove(items.length);
  return (
    <FactsGroup title={title} list={list}>
      {items.map((item, i) => (
        <div key={i} data-row className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <SmallInput label={`${singular} ${i + 1}`} value={item} onChange={(e) => onChange(items.map((old, j) => (j === i ? e.target.value : old)))} />
          </div>
          <Button
            variant="danger"
            className="px-2 py-1 text-xs"
            aria-label={`Remove ${singular.toLowerCase()} ${i + 1}`}
            onClick={() => {
              removing(i);
              onChange(removeRow(items, i));
            }}
          >
            Remove
          </Button>
        </div>
      ))}
      <AddRowButton onClick={() => onChange([...items, ''])}>Add {singular.toLowerCase()}</AddRowButton>
    </FactsGroup>
  );
}

function StakeholdersEditor({ rows, onChange }: { rows: KeyFactsDraft['stakeholders']; onChange: (rows: KeyFactsDraft['stakeholders']) => void }) {
  const { list, removing } = useFocusAfterRemove(rows.length);
  return (
    <FactsGroup title="Stakeholders" list={list}>
      {rows.map((person, i) => (
        <div key={i} data-row>
          <RowCard
            name={`Stakeholder ${i + 1}`}
            onRemove={() => {
              removing(i);
              onChange(removeRow(rows, i));
            }}
          >
            <PersonFields person={person} onPatch={(patch) => onChange(patchRow(rows, i, patch))} />
          </RowCard>
        </div>
      ))}
      <AddRowButton onClick={() => onChange([...rows, emptyPerson()])}>Add stakeholder</AddRowButton>
    </FactsGroup>
  );
}

function ToneOfVoiceInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  // Said once the person leaves the field (or saves), not at every keystroke of a link half typed.
  const [touched, setTouched] = useState(false);
  const link = toneOfVoiceLink(value);
  const problemId = useId();
  const helpId = useId();
  const invalid = touched && !link.ok;
  // Only the label names the field; its help, or what is wrong with it, describes it.
  return (
    <div className="flex flex-col gap-1">
      <label className={labelClass}>
        Tone-of-voice link
        <input
          type="url"
          inputMode="url"
          className={inputClass}
          value={value}
          placeholder="https://drive.google.com/…"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? problemId : helpId}
          onBlur={() => setTouched(true)}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {invalid ? (
        <span id={problemId} className="text-xs font-normal text-red-700 dark:text-red-300">
          {link.problem}
        </span>
      ) : (
        <span id={helpId} className={helpClass}>
          The client’s brand or tone-of-voice guide; leave empty for none.
        </span>
      )}
    </div>
  );
}

/**
 * Stakeholders, preferences, sensitivities and the tone-of-voice link, edited where they are read.
 * Save sends one `client/update-facts`; a refusal shows above the buttons and everything typed stays.
 */
export function KeyFactsEditor({ client, onSaved, onCancel }: { client: Client; onSaved: (client: Client) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState(() => openDrafts.get(client.id)?.draft ?? startingDraft(client));
  // The key facts as the editor opened on them: the background applies only what changed since, so
  // an edit that lands meanwhile (a teammate's, an import, a copy from a handoff) is kept.
  const [base] = useState(() => openDrafts.get(client.id)?.base ?? keyFactsDraft(client));
  const { run, busy, error, setError } = useAction();
  useEffect(() => {
    openDrafts.set(client.id, { draft, base });
  }, [client.id, draft, base]);
  const set = <K extends keyof KeyFactsDraft>(key: K) => (value: KeyFactsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const cancel = () => {
    openDrafts.delete(client.id);
    onCancel();
  };

  const save = async () => {
    // The same check the background makes, said at once and without a round trip.
    const checked = checkKeyFacts(draft);
    if (!checked.ok) return setError(checked.problems.join(' '));
    const saved = await run(() => sendRequest<'client/update-facts'>({ type: 'client/update-facts', clientId: client.id, facts: draft, base }));
    if (!saved) return;
    openDrafts.delete(client.id);
    onSaved(saved);
  };

  return (
    <InlineForm
      label={`Key facts of ${client.name}`}
      onSubmit={save}
      error={error}
      className="flex flex-col gap-4"
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Save key facts
          </Button>
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        </>
      }
    >
      <StakeholdersEditor rows={draft.stakeholders} onChange={set('stakeholders')} />
      <ItemsEditor title="Preferences" singular="Preference" items={draft.preferences} onChange={set('preferences')} />
      <ItemsEditor title="Sensitivities" singular="Sensitivity" items={draft.sensitivities} onChange={set('sensitivities')} />
      <ToneOfVoiceInput value={draft.toneOfVoiceUrl} onChange={set('toneOfVoiceUrl')} />
    </InlineForm>
  );
}
