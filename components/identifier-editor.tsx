import { useId, useState, type KeyboardEvent } from 'react';
import { addTypedIdentifiers, rowProblem, rowsToText, withKind, type IdentifierRow } from '../lib/model/identifier-input';
import { IDENTIFIER_LABELS, formatIdentifierValue, identifierLabel } from '../lib/sites/labels';
import { IDENTIFIER_KINDS, type Identifier, type IdentifierKind } from '../lib/sites/types';
import { Button } from './button';
import { helpClass, inputClass, labelClass, selectClass } from './form-styles';

/** The state of an identifiers editor: its rows, what is typed in "Add identifiers", the one message. */
export function useIdentifierEditor(initial: () => IdentifierRow[] = () => []) {
  const [rows, setRows] = useState<IdentifierRow[]>(initial);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();

  /** Adds what is typed; the rows it gives, or undefined when part of it was not read (the text stays). */
  const add = (): IdentifierRow[] | undefined => {
    const next = addTypedIdentifiers(rows, typed);
    setRows(next.rows);
    setError(next.error);
    if (!next.error) setTyped('');
    return next.error ? undefined : next.rows;
  };

  return {
    rows,
    typed,
    error,
    setTyped,
    add,
    setKind: (index: number, kind: IdentifierKind) => setRows(withKind(rows, index, kind)),
    remove: (index: number) => setRows(rows.filter((_, i) => i !== index)),
    reset: (identifiers: readonly IdentifierRow[] = []) => {
      setRows([...identifiers]);
      setTyped('');
      setError(undefined);
    },
    /** The `kind:value` text to save, with what is still typed; undefined (and why, shown) when not ready. */
    finish: (): string | undefined => {
      const next = typed.trim() ? add() : rows;
      if (!next) return undefined;
      const problem = next.map(rowProblem).find(Boolean);
      setError(problem);
      return problem ? undefined : rowsToText(next);
    },
  };
}

export type IdentifierEditorState = ReturnType<typeof useIdentifierEditor>;

/** How a row reads: its friendly label once its kind is known, else the number waiting for one. */
function rowLabel(row: IdentifierRow): string {
  return row.kind ? identifierLabel(row as Identifier) : `${row.value}: which kind?`;
}

function IdentifierRowItem({ row, onKind, onRemove }: { row: IdentifierRow; onKind: (kind: IdentifierKind) => void; onRemove: () => void }) {
  const problem = row.kind ? rowProblem(row) : undefined;
  const problemId = useId();
  const shown = row.kind ? formatIdentifierValue(row.kind, row.value) : row.value;
  return (
    <li className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-sm dark:bg-slate-900">
      <span className="min-w-0 grow basis-48 text-slate-900 wrap-anywhere dark:text-slate-100">{rowLabel(row)}</span>
      <span className="flex min-w-0 items-center gap-1">
        <select
          className={selectClass}
          aria-label={`Kind of ${shown}`}
          aria-invalid={problem || !row.kind ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          value={row.kind ?? ''}
          onChange={(e) => onKind(e.target.value as IdentifierKind)}
        >
          {row.kind ? null : <option value="">Choose a kind…</option>}
          {IDENTIFIER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {IDENTIFIER_LABELS[kind]}
            </option>
          ))}
        </select>
        <Button variant="danger" onClick={onRemove} aria-label={`Remove ${rowLabel(row)}`}>
          Remove
        </Button>
      </span>
      {problem ? (
        <p id={problemId} className="w-full text-xs text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/**
 * One row per identifier with a kind menu to correct Baton's guess, and one field that takes whatever a
 * person pastes: links, domains, addresses, customer IDs, several at once.
 */
export function IdentifierEditor({ editor, label = 'Identifiers' }: { editor: IdentifierEditorState; label?: string }) {
  const helpId = useId();
  const errorId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter adds what is typed; it does not submit the form around the editor.
    event.preventDefault();
    editor.add();
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className={`${labelClass} mb-1`}>{label}</legend>
      {editor.rows.length === 0 ? (
        <p className={helpClass}>None yet.</p>
      ) : (
        <ul aria-label={label} className="flex flex-col gap-1">
          {editor.rows.map((row, index) => (
            <IdentifierRowItem key={`${row.kind ?? '?'}:${row.value}`} row={row} onKind={(kind) => editor.setKind(index, kind)} onRemove={() => editor.remove(index)} />
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <label className={`${labelClass} min-w-0 grow`}>
          Add identifiers
          <input
            className={inputClass}
            value={editor.typed}
            maxLength={20_000}
            onChange={(e) => editor.setTyped(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={editor.error ? `${helpId} ${errorId}` : helpId}
            aria-invalid={editor.error ? true : undefined}
          />
        </label>
        <Button variant="secondary" onClick={() => editor.add()} disabled={!editor.typed.trim()}>
          Add
        </Button>
      </div>
      <p id={helpId} className={helpClass}>
        Paste a link to the client’s account or project (Google Ads, Meta, Asana…), a domain, an email address or a customer ID like 123-456-7890. Several at once is fine.
      </p>
      {editor.error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {editor.error}
        </p>
      ) : null}
    </fieldset>
  );
}
