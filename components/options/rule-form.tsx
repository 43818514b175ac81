// The form "Rule": when a trigger fires, start a handoff draft of a template from a sender to a receiver.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { ruleFromDraft, type RuleDraft } from '../../lib/workflow/rule-draft';
import { isAsanaTrigger, isHandoffTrigger, TRIGGER_KINDS, unfilledRoles, unfilledRolesSentence, type RuleWordsContext } from '../../lib/workflow/rule-words';
import type { RuleTriggerKind } from '../../lib/model/rule';
import { Button } from '../button';
import { inputClass, labelClass } from '../form-styles';
import { HelpedInput } from './helped-input';
import { DateFieldSelect, fieldsetClass, legendClass, PartySelect, PrefillChoices, TemplateSelect, TriggerParameters, WatcherChoices, WriteBackChoices } from './rule-form-fields';

export function RuleForm({ initial, ctx, onDone }: { initial: RuleDraft; ctx: RuleWordsContext; onDone: (saved: boolean) => void }) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const change = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const checked = ruleFromDraft(draft, ctx);
  const gaps = checked.ok ? unfilledRolesSentence(unfilledRoles(checked.rule, ctx)) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setSaving(true);
    const reply = await sendRequest<'rule/save'>({ type: 'rule/save', rule: checked.rule });
    setSaving(false);
    if (reply.ok) onDone(true);
    else setProblems([reply.problem.message]);
  };

  const chain = isHandoffTrigger(draft.triggerKind);
  return (
    <form aria-label="Rule" noValidate onSubmit={submit} className="flex min-w-0 flex-col gap-3 rounded-md border border-brand-600/40 p-3 dark:border-indigo-400/40">
      <label className={labelClass}>
        Name
        <input ref={nameRef} className={inputClass} value={draft.name} maxLength={200} onChange={(e) => change({ name: e.target.value })} aria-required="true" placeholder="Creative brief when a task is ready" />
      </label>
      <label className={labelClass}>
        Client
        <select aria-label="Client" className={inputClass} value={draft.clientId} onChange={(e) => change({ clientId: e.target.value })}>
          <option value="">Every client</option>
          {ctx.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>When</legend>
        <label className={labelClass}>
          Trigger
          <select aria-label="Trigger" className={inputClass} value={draft.triggerKind} onChange={(e) => change({ triggerKind: e.target.value as RuleTriggerKind, dueFromFieldId: '' })}>
            {TRIGGER_KINDS.map((t) => (
              <option key={t.kind} value={t.kind}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <TriggerParameters draft={draft} change={change} ctx={ctx} />
      </fieldset>
      <TemplateSelect label="Start" value={draft.templateId} onChange={(id) => change({ templateId: id, prefill: {}, prefillText: {} })} ctx={ctx} />
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2">
        <PartySelect label="From" value={draft.sender} onChange={(sender) => change({ sender })} ctx={ctx} />
        <PartySelect label="To" value={draft.receiver} onChange={(receiver) => change({ receiver })} ctx={ctx} />
      </div>
      <HelpedInput label="Confirm within (hours)" help="Leave empty for the template’s own time." type="number" inputMode="numeric" min={1} max={2160} step={1} value={draft.confirmHours} disabled={chain && draft.dueFromFieldId !== ''} onChange={(e) => change({ confirmHours: e.target.value })} />
      {chain ? (
        <DateFieldSelect label="Due on the source’s date field" none="No: within the hours above" value={draft.dueFromFieldId} onChange={(dueFromFieldId) => change({ dueFromFieldId })} ctx={ctx} templateId={draft.triggerTemplateId} />
      ) : null}
      <WatcherChoices draft={draft} change={change} ctx={ctx} />
      <PrefillChoices draft={draft} change={change} ctx={ctx} />
      {isAsanaTrigger(draft.triggerKind) ? <WriteBackChoices draft={draft} change={change} /> : null}
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <ul className="list-disc pl-4">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {gaps.map((g) => (
        <p key={g} className="text-sm text-amber-800 dark:text-amber-300">
          {g}
        </p>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          Save rule
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
