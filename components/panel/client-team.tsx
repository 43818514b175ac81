import { useId, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Client } from '../../lib/model/client';
import { teamRoles, type TeamRole } from '../../lib/model/team';
import { Button } from '../button';
import { inputClass, labelClass, mutedTextClass } from '../form-styles';
import { InlineForm } from './inline-form';
import { useAction } from './use-action';
import { useClientEditor } from './use-client-editor';
import { useWorkspace } from './workspace';

/** Role id → the member chosen in the editor ('' for nobody); a holder no longer on the team reads as nobody. */
type Draft = Record<string, string>;

function draftOf(client: Client, roles: readonly TeamRole[], memberIds: ReadonlySet<string>): Draft {
  const draft: Draft = {};
  for (const role of roles) {
    const holder = client.team?.[role.id];
    draft[role.id] = holder && memberIds.has(holder) ? holder : '';
  }
  return draft;
}

function TeamEditor({ client, roles, onSaved, onCancel }: { client: Client; roles: readonly TeamRole[]; onSaved: (c: Client) => void; onCancel: () => void }) {
  const { members } = useWorkspace();
  const [initial] = useState(() => draftOf(client, roles, new Set(members.map((m) => m.id))));
  const [draft, setDraft] = useState(initial);
  const { run, busy, error } = useAction();
  const save = async () => {
    const team: Record<string, string | null> = {};
    for (const role of roles) if (draft[role.id] !== initial[role.id]) team[role.id] = draft[role.id] || null;
    if (Object.keys(team).length === 0) return onCancel();
    const saved = await run(() => sendRequest<'client/set-team'>({ type: 'client/set-team', clientId: client.id, team }));
    if (saved) onSaved(saved);
  };
  return (
    <InlineForm
      label="Edit client team"
      onSubmit={save}
      error={error}
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Save team
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </>
      }
    >
      {roles.map((role) => (
        <label key={role.id} className={labelClass}>
          {role.name}
          <select className={inputClass} value={draft[role.id] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [role.id]: e.target.value }))}>
            <option value="">Nobody</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </InlineForm>
  );
}

/**
 * Who is who on the client's team, by the workspace's roles ("Media buyer: Tom" or "Nobody yet"), with
 * "Edit team": one picker per role, saved as one change per role that changed.
 */
export function ClientTeam({ client }: { client: Client }) {
  const workspace = useWorkspace();
  const roles = teamRoles(workspace.teamRoles);
  const heading = useId();
  const { editing, open, close, onSaved, button, shown } = useClientEditor(client);
  const holder = (id: string | undefined) => (id ? (workspace.members.find((m) => m.id === id)?.name ?? 'a former member') : undefined);
  return (
    <section aria-labelledby={heading} className="flex flex-col gap-2">
      <h3 id={heading} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Client team
      </h3>
      {editing ? (
        <TeamEditor client={shown} roles={roles} onSaved={onSaved} onCancel={close} />
      ) : (
        <>
          <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            {roles.map((role) => {
              const name = holder(shown.team?.[role.id]);
              return (
                <div key={role.id} className="contents">
                  <dt className="break-words text-slate-600 dark:text-slate-400">{role.name}</dt>
                  <dd className={name ? 'break-words text-slate-900 dark:text-slate-100' : mutedTextClass}>{name ?? 'Nobody yet'}</dd>
                </div>
              );
            })}
          </dl>
          <div>
            <Button ref={button} variant="secondary" className="px-2.5 py-1 text-xs" onClick={open}>
              Edit team
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
