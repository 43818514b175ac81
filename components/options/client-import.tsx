import { useRef, useState, type ChangeEvent } from 'react';
import { canImport, previewClientImport, toClientDrafts, type ClientImportPreview } from '../../lib/import/clients-csv';
import { sendRequest } from '../../lib/messaging/send';
import { parseIdentifierList } from '../../lib/model/identifier';
import { identifierLabel } from '../../lib/sites/labels';
import { Button } from '../button';
import { helpClass, labelClass } from '../form-styles';
import { STAKEHOLDER_FORMAT } from '../../lib/import/key-facts-columns';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { useLive } from '../use-live';
import { loadTogether } from '../load-together';

/** A row's identifiers as people read them ("Google Ads customer ID 318-552-9047"); what does not read is left as typed (its error is beside it). */
function identifiersShown(text: string): string {
  if (!text.trim()) return '—';
  const { identifiers, errors } = parseIdentifierList(text);
  return errors.length > 0 ? text : identifiers.map(identifierLabel).join(' · ');
}

/** ARCHITECTURE.md §3.3: a client list from a spreadsheet, previewed row by row, imported all or nothing. */
export function ClientImport() {
  const clients = useLive(() => sendRequest<'clients/list'>({ type: 'clients/list' }), { stores: ['clients'] });
  const [fileName, setFileName] = useState<string | undefined>();
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // The preview follows the directory: a client added meanwhile turns its row into an update.
  const names = clients.status === 'ready' ? clients.data.map((c) => c.name) : [];
  // The team column is checked against the workspace's roles and people once they are known.
  const team = useLive(() => loadTogether({ roles: sendRequest<'team/roles'>({ type: 'team/roles' }), members: sendRequest<'members/list'>({ type: 'members/list' }) }), { stores: ['workspace', 'members'] });
  const teamContext = team.status === 'ready' && team.data.roles && team.data.members ? { roles: team.data.roles.roles, memberEmails: new Set(team.data.members.map((m) => m.email)) } : {};
  const preview = text === undefined ? undefined : previewClientImport(text, names, teamContext);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(undefined);
    setStatus(undefined);
    if (!file) return;
    try {
      setText(await file.text());
      setFileName(file.name);
    } catch (e) {
      setError(`Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const clear = () => {
    setText(undefined);
    setFileName(undefined);
    if (input.current) input.current.value = '';
  };

  const submit = async (ready: ClientImportPreview) => {
    setBusy(true);
    setError(undefined);
    const reply = await sendRequest<'clients/import'>({ type: 'clients/import', rows: toClientDrafts(ready) });
    setBusy(false);
    // On a refusal the preview stays, so the file can be fixed and picked again.
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    setStatus(`Imported ${fileName ?? 'the file'}: ${reply.data.created} new client${reply.data.created === 1 ? '' : 's'}, ${reply.data.updated} updated.`);
    clear();
  };

  return (
    <Card
      title="Import from a spreadsheet"
      description="A CSV file with a header row: name (required), identifiers (kind:value pairs separated by spaces) and owner_email, in any order. A row with the name of an existing client updates it."
    >
      <p className={helpClass}>
        Key facts, optional: <code>stakeholders</code> as {STAKEHOLDER_FORMAT} (e.g. <code>Jane Doe (CMO) &lt;jane@acme.com&gt;; Tom Lee &lt;tom@acme.com&gt;</code>);{' '}
        <code>preferences</code> and <code>sensitivities</code> separated by “;”; <code>tone_of_voice_url</code>, a web address. They are added to what a client has; a blank cell changes nothing.
      </p>
      <p className={helpClass}>
        Client team, optional: <code>team</code> as role_id:email pairs separated by spaces (e.g. <code>strategist:jane@agency.com creative:ana@agency.com</code>), each a
        member of your workspace in one of its team roles.
      </p>
      <label className={labelClass}>
        Import clients from CSV
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void pick(e)}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
        />
      </label>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
      {preview ? <ImportPreview preview={preview} busy={busy} onImport={() => void submit(preview)} onClear={clear} /> : null}
    </Card>
  );
}

function ImportPreview({ preview, busy, onImport, onClear }: { preview: ClientImportPreview; busy: boolean; onImport: () => void; onClear: () => void }) {
  const withErrors = preview.rows.filter((r) => r.errors.length > 0).length;
  const updates = preview.rows.filter((r) => r.action === 'updates').length;
  return (
    <div className="flex flex-col gap-3">
      {preview.fileErrors.length > 0 ? <ErrorAlert message={preview.fileErrors.join(' ')} /> : null}
      {preview.unknownColumns.length > 0 ? (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          Left out, as Baton does not know them: {preview.unknownColumns.map((c) => `“${c}”`).join(', ')}.
        </p>
      ) : null}
      {preview.rows.length > 0 ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {preview.rows.length} row{preview.rows.length === 1 ? '' : 's'}: {preview.rows.length - updates} new, {updates} updating an existing client
            {withErrors > 0 ? `; ${withErrors} with errors to fix first.` : '.'}
          </p>
          <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Import preview</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-2 py-1.5 font-medium">Line</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Name</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Identifiers</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Owner</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Key facts</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Result</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {preview.rows.map((row) => (
                  <tr key={row.line} className={row.errors.length > 0 ? 'bg-red-50 dark:bg-red-950/40' : undefined}>
                    <td className="px-2 py-1.5 text-slate-600 tabular-nums dark:text-slate-400">{row.line}</td>
                    <td className="px-2 py-1.5 font-medium">{row.name || '—'}</td>
                    <td className="px-2 py-1.5 text-xs [overflow-wrap:anywhere]">{identifiersShown(row.identifiers)}</td>
                    <td className="px-2 py-1.5">{row.ownerEmail || '—'}</td>
                    <td className="px-2 py-1.5">{row.facts ?? '—'}</td>
                    <td className="px-2 py-1.5">
                      {row.errors.length > 0 ? (
                        <ul className="list-inside list-disc text-red-800 dark:text-red-200">
                          {row.errors.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      ) : row.action === 'updates' ? (
                        'Updates'
                      ) : (
                        'New'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <div className="flex gap-2">
        <Button onClick={onImport} disabled={busy || !canImport(preview)}>
          Import
        </Button>
        <Button variant="secondary" onClick={onClear}>
          Clear
        </Button>
      </div>
    </div>
  );
}
