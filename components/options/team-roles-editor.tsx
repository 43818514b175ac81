import { useEffect, useId, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { TeamRolesSchema, type TeamRole } from '../../lib/model/team';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { liveError, useLive } from '../use-live';
import { StatusMessage } from './alerts';
import { fieldIdFromLabel } from './template-words';
import { WorkflowPart } from './workflow-part';

/** "media_buyer" from "Media buyer": snake_case, starting with a letter, at most 41 characters, unique. */
export function roleIdFromName(name: string, taken: ReadonlySet<string>): string {
  const base = fieldIdFromLabel(name, new Set()).slice(0, 36).replace(/_+$/, '') || 'role';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const clientsWord = (n: number) => (n === 1 ? '1 client' : `${n} clients`);

const quotedNames = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** One role in the list: its name to rename, and Remove (asking first when some client's team or some rule holds it). */
function RoleRow({ role, held, rules, onRename, onRemove }: { role: TeamRole; held: number; rules: readonly string[]; onRename: (name: string) => void; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  const question = useId();
  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <div className="flex items-center gap-2">
        <input className={`${inputClass} min-w-0 flex-1`} aria-label={`Role name: ${role.name}`} value={role.name} maxLength={80} onChange={(e) => onRename(e.target.value)} />
        <Button variant="secondary" className="px-2.5 py-1 text-xs" aria-label={`Remove ${role.name}`} onClick={() => (held > 0 || rules.length > 0 ? setAsking(true) : onRemove())}>
          Remove
        </Button>
      </div>
      {held > 0 ? <p className={helpClass}>On the teams of {clientsWord(held)}.</p> : null}
      {rules.length > 0 ? <p className={`break-words ${helpClass}`}>Named by {rules.length === 1 ? 'the rule' : 'the rules'} {quotedNames(rules)}.</p> : null}
      {asking ? (
        <div role="group" aria-labelledby={question} className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/60">
          <p id={question} className="break-words text-sm text-amber-900 dark:text-amber-100">
            {held > 0 ? `${clientsWord(held)} ${held === 1 ? 'has' : 'have'} someone as ${role.name}. ` : ''}
            {rules.length > 0 ? `${rules.length === 1 ? 'The rule' : 'The rules'} ${quotedNames(rules)} ${rules.length === 1 ? 'names' : 'name'} ${role.name}: ${rules.length === 1 ? 'it starts' : 'they start'} nothing for that role until ${rules.length === 1 ? 'it is' : 'they are'} changed. ` : ''}
            Remove the role anyway?{held > 0 ? ' Their teams no longer show it.' : ''}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button className="px-2.5 py-1 text-xs" onClick={onRemove}>
              Remove role
            </Button>
            <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setAsking(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/**
 * Settings → Workflow → "Team roles": the roles of every client's team (account manager, media buyer…).
 * Admins rename, add and remove them and save the list (`workspace.updated { roles }`); others read it.
 */
export function TeamRolesEditor({ isAdmin }: { isAdmin: boolean }) {
  const live = useLive(() => sendRequest<'team/roles'>({ type: 'team/roles' }), { stores: ['workspace', 'clients'] });
  const loaded = live.status === 'ready' ? live.data : undefined;
  const addRef = useRef<HTMLButtonElement>(null);
  const [roles, setRoles] = useState<TeamRole[]>([]);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const serial = JSON.stringify(loaded?.roles ?? null);
  useEffect(() => {
    if (loaded) setRoles(loaded.roles);
    // Reset only when the saved roles change (a save, or another admin's), not on every refresh.
  }, [serial]);

  const add = () => {
    const name = newName.trim();
    if (!name) return setError('Name the role to add.');
    setError(undefined);
    // Ids a client's team or a rule still names are not given again: a removed role stays removed.
    setRoles((list) => [...list, { id: roleIdFromName(name, new Set([...list.map((r) => r.id), ...(loaded?.taken ?? [])])), name }]);
    setNewName('');
  };
  const save = async () => {
    setStatus(undefined);
    const parsed = TeamRolesSchema.safeParse(roles.map((r) => ({ ...r, name: r.name.trim() })));
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(' '));
    setError(undefined);
    const reply = await sendRequest<'workspace/set-roles'>({ type: 'workspace/set-roles', roles: parsed.data });
    if (!reply.ok) return setError(reply.problem.message);
    setStatus('Saved.');
  };

  return (
    <WorkflowPart title="Team roles" description="The roles on every client’s team. Handoffs, rules and the handoff map name people by them.">
      <ErrorAlert message={liveError(live)} />
      {!loaded ? null : isAdmin ? (
        <form
          noValidate
          aria-label="Team roles"
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ul aria-label="Roles" className="flex flex-col gap-2">
            {roles.map((role, index) => (
              <RoleRow
                key={role.id}
                role={role}
                held={loaded.held[role.id] ?? 0}
                rules={loaded.ruledBy[role.id] ?? []}
                onRename={(name) => setRoles((list) => list.map((r, i) => (i === index ? { ...r, name } : r)))}
                onRemove={() => {
                  setRoles((list) => list.filter((_, i) => i !== index));
                  // The row and its button are gone: the keyboard goes on to "Add role".
                  addRef.current?.focus();
                }}
              />
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-2">
            <label className={`${labelClass} min-w-0 flex-1`}>
              New role
              <input
                className={inputClass}
                value={newName}
                maxLength={80}
                onChange={(e) => setNewName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  add();
                }}
              />
            </label>
            <Button ref={addRef} variant="secondary" onClick={add}>
              Add role
            </Button>
          </div>
          <ErrorAlert message={error} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit">Save roles</Button>
            <StatusMessage message={status} />
          </div>
        </form>
      ) : (
        <>
          <ul aria-label="Roles" className="flex flex-col gap-1 text-sm">
            {loaded.roles.map((role) => (
              <li key={role.id} className="break-words text-slate-800 dark:text-slate-200">
                {role.name}
              </li>
            ))}
          </ul>
          <p className={helpClass}>Only an admin can change the team roles.</p>
        </>
      )}
    </WorkflowPart>
  );
}
