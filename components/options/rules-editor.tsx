// Settings → Workflow → Rules: each rule as one sentence, its clients and whether it is on; admins add,
// edit, turn off and delete them (every change an event in the log); everyone else reads them.
import { useEffect, useId, useRef, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Rule } from '../../lib/model/rule';
import { draftFromRule, EMPTY_DRAFT, type RuleDraft } from '../../lib/workflow/rule-draft';
import { clientScope, ruleSentence, unfilledRoles, unfilledRolesSentence, type RuleWordsContext } from '../../lib/workflow/rule-words';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { liveError, useLive } from '../use-live';
import { StatusMessage } from './alerts';
import { RuleForm } from './rule-form';
import { WorkflowPart } from './workflow-part';

type Editing = { draft: RuleDraft; key: string } | undefined;

export function RulesEditor({ isAdmin }: { isAdmin: boolean }) {
  const overview = useLive(() => sendRequest<'rules/list'>({ type: 'rules/list' }), { stores: ['workspace', 'clients', 'members', 'templates'] });
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const data = overview.status === 'ready' ? overview.data : undefined;
  // The form gone, the keyboard goes back to "Add rule" rather than to the top of the page.
  const addRef = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !editing) {
      addRef.current?.focus();
      setRefocus(false);
    }
  }, [refocus, editing]);

  const act = async (request: () => ReturnType<typeof sendRequest>, done: string) => {
    setError(undefined);
    setStatus(undefined);
    const reply = await request();
    if (reply.ok) setStatus(done);
    else setError(reply.problem.message);
    return reply.ok;
  };

  return (
    <WorkflowPart title="Rules" description="When something happens in Asana or in Baton, a rule starts a handoff draft for the right people: the sender finds it waiting, with the template’s checklist.">
      <ErrorAlert message={liveError(overview)} />
      {data && data.rules.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No rules yet: every handoff starts by hand.</p> : null}
      {data && data.rules.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {data.rules.map((rule) => (
            <RuleRow
              key={rule.id}
              rule={rule}
              ctx={data}
              isAdmin={isAdmin}
              onEdit={() => setEditing({ draft: draftFromRule(rule), key: `${rule.id}:${rule.updatedAt}` })}
              onToggle={() => act(() => sendRequest<'rule/toggle'>({ type: 'rule/toggle', id: rule.id, enabled: !rule.enabled }), rule.enabled ? `Turned off “${rule.name}”.` : `Turned on “${rule.name}”.`)}
              onDelete={() => {
                // The row and its "Yes, delete" are going: the keyboard goes to "Add rule".
                void act(() => sendRequest<'rule/delete'>({ type: 'rule/delete', id: rule.id }), `Deleted “${rule.name}”.`).then((ok) => ok && setRefocus(true));
              }}
            />
          ))}
        </ul>
      ) : null}
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
      {!isAdmin ? <p className="text-sm text-slate-600 dark:text-slate-400">Only an admin can change rules.</p> : null}
      {isAdmin && data && editing ? (
        <RuleForm
          key={editing.key}
          initial={editing.draft}
          ctx={data}
          onDone={(saved) => {
            setEditing(undefined);
            setStatus(saved ? 'Rule saved.' : undefined);
            setRefocus(true);
          }}
        />
      ) : null}
      {isAdmin && data && !editing ? (
        <div>
          <Button ref={addRef} onClick={() => setEditing({ draft: EMPTY_DRAFT, key: 'new' })}>
            Add rule
          </Button>
        </div>
      ) : null}
    </WorkflowPart>
  );
}

function RuleRow({ rule, ctx, isAdmin, onEdit, onToggle, onDelete }: { rule: Rule; ctx: RuleWordsContext; isAdmin: boolean; onEdit: () => void; onToggle: () => void; onDelete: () => void }) {
  const nameId = useId();
  const [asking, setAsking] = useState(false);
  const gaps = unfilledRolesSentence(unfilledRoles(rule, ctx));
  return (
    <li className="flex min-w-0 flex-col gap-1.5 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span id={nameId} className="min-w-0 break-words font-medium text-slate-900 dark:text-slate-100">
          {rule.name}
        </span>
        <span className={`text-xs font-semibold ${rule.enabled ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-600 dark:text-slate-400'}`}>{rule.enabled ? 'On' : 'Off'}</span>
      </div>
      <p className="min-w-0 break-words text-sm text-slate-700 dark:text-slate-300">{ruleSentence(rule, ctx)}</p>
      <p className="min-w-0 break-words text-xs text-slate-600 dark:text-slate-400">Clients: {clientScope(rule, ctx)}</p>
      {gaps.map((g) => (
        <p key={g} className="min-w-0 break-words text-xs text-amber-800 dark:text-amber-300">
          {g}
        </p>
      ))}
      {isAdmin && !asking ? (
        <div className="flex flex-wrap gap-2" role="group" aria-labelledby={nameId}>
          <Button variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <Button variant="secondary" onClick={onToggle}>
            {rule.enabled ? 'Turn off' : 'Turn on'}
          </Button>
          <Button variant="danger" onClick={() => setAsking(true)}>
            Delete
          </Button>
        </div>
      ) : null}
      {isAdmin && asking ? (
        <div role="group" aria-label="Delete this rule?" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-800 dark:text-slate-200">Delete this rule? Drafts it already started stay.</span>
          <Button variant="danger" autoFocus onClick={onDelete}>
            Yes, delete
          </Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Keep it
          </Button>
        </div>
      ) : null}
    </li>
  );
}
