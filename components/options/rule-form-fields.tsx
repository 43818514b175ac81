// The parts of the rule form that depend on what is chosen: the trigger's parameters, a party, the
// watchers, and where each field of the started template is prefilled from.
import { roleName } from '../../lib/model/team';
import { prefillChoices, PREFILLABLE_TYPES, type RuleDraft } from '../../lib/workflow/rule-draft';
import { partyWords, type RuleWordsContext } from '../../lib/workflow/rule-words';
import { helpClass, inputClass, labelClass } from '../form-styles';
import { HelpedInput } from './helped-input';

export type Change = (patch: Partial<RuleDraft>) => void;
export const fieldsetClass = 'flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700';
export const legendClass = 'px-1 text-sm font-semibold text-slate-800 dark:text-slate-200';
const checkClass = 'flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200';

export function TemplateSelect({ label, value, onChange, ctx, filter }: { label: string; value: string; onChange: (id: string) => void; ctx: RuleWordsContext; filter?: (t: RuleWordsContext['templates'][number]) => boolean }) {
  return (
    <label className={labelClass}>
      {label}
      <select aria-label={label} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a template</option>
        {ctx.templates.filter(filter ?? (() => true)).map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A date field of a template: what a date trigger waits for, or the date a chain's draft is due on. */
export function DateFieldSelect({ label, none, value, onChange, ctx, templateId }: { label: string; none: string; value: string; onChange: (fieldId: string) => void; ctx: RuleWordsContext; templateId: string }) {
  const fields = ctx.templates.find((t) => t.id === templateId)?.fields.filter((f) => f.type === 'date') ?? [];
  return (
    <label className={labelClass}>
      {label}
      <select aria-label={label} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TriggerParameters({ draft, change, ctx }: { draft: RuleDraft; change: Change; ctx: RuleWordsContext }) {
  switch (draft.triggerKind) {
    case 'asana.section':
      return (
        <HelpedInput label="Section name" help="Compared without regard to case, in every Asana project linked to a client." value={draft.sectionName} maxLength={200} onChange={(e) => change({ sectionName: e.target.value })} placeholder="Ready for creative" />
      );
    case 'asana.custom_field':
      return (
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2">
          <label className={labelClass}>
            Custom field
            <input className={inputClass} value={draft.fieldName} maxLength={200} onChange={(e) => change({ fieldName: e.target.value })} placeholder="Status" />
          </label>
          <label className={labelClass}>
            Value
            <input className={inputClass} value={draft.fieldValue} maxLength={200} onChange={(e) => change({ fieldValue: e.target.value })} placeholder="Approved" />
          </label>
        </div>
      );
    case 'asana.completed':
      return <p className={helpClass}>Any task of an Asana project linked to a client.</p>;
    case 'handoff.confirmed':
      return <TemplateSelect label="Handoff template" value={draft.triggerTemplateId} onChange={(id) => change({ triggerTemplateId: id, dueFromFieldId: '' })} ctx={ctx} />;
    case 'date.reached':
      return (
        <>
          <TemplateSelect label="Handoff template" value={draft.triggerTemplateId} onChange={(id) => change({ triggerTemplateId: id, triggerFieldId: '', dueFromFieldId: '' })} ctx={ctx} filter={(t) => t.fields.some((f) => f.type === 'date')} />
          <DateFieldSelect label="Date field" none="Choose a date field" value={draft.triggerFieldId} onChange={(triggerFieldId) => change({ triggerFieldId })} ctx={ctx} templateId={draft.triggerTemplateId} />
        </>
      );
  }
}

/** A sender or receiver: a client-team role ("the client's creative") or one person. */
export function PartySelect({ label, value, onChange, ctx }: { label: string; value: string; onChange: (key: string) => void; ctx: RuleWordsContext }) {
  return (
    <label className={labelClass}>
      {label}
      <select aria-label={label} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose who</option>
        <optgroup label="The client’s team">
          {ctx.roles.map((r) => (
            <option key={r.id} value={`role:${r.id}`}>
              {partyWords({ role: r.id }, ctx)}
            </option>
          ))}
        </optgroup>
        <optgroup label="People">
          {ctx.members.map((m) => (
            <option key={m.id} value={`member:${m.id}`}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

export function WatcherChoices({ draft, change, ctx }: { draft: RuleDraft; change: Change; ctx: RuleWordsContext }) {
  const toggle = (key: string, on: boolean) => change({ watchers: on ? [...draft.watchers, key] : draft.watchers.filter((w) => w !== key) });
  const choices = [...ctx.roles.map((r) => ({ key: `role:${r.id}`, label: `The client’s ${roleName(ctx.roles, r.id).toLowerCase()}` })), ...ctx.members.map((m) => ({ key: `member:${m.id}`, label: m.name }))];
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>Watchers</legend>
      <p className={helpClass}>Besides the template’s own watchers: they hear when it is sent, gets gaps, is confirmed or runs late.</p>
      <div className="grid gap-1 sm:grid-cols-2">
        {choices.map((c) => (
          <label key={c.key} className={checkClass}>
            <input type="checkbox" checked={draft.watchers.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
            <span className="min-w-0 break-words">{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PrefillChoices({ draft, change, ctx }: { draft: RuleDraft; change: Change; ctx: RuleWordsContext }) {
  const fields = (ctx.templates.find((t) => t.id === draft.templateId)?.fields ?? []).filter((f) => PREFILLABLE_TYPES.includes(f.type));
  if (fields.length === 0) return null;
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>Prefill</legend>
      <p className={helpClass}>What the draft’s fields start with. The sender completes the rest before sending.</p>
      {fields.map((f) => (
        <div key={f.id} className="flex flex-col gap-1">
          <label className={labelClass}>
            {f.label}
            <select aria-label={f.label} className={inputClass} value={draft.prefill[f.id] ?? ''} onChange={(e) => change({ prefill: { ...draft.prefill, [f.id]: e.target.value } })}>
              {prefillChoices(draft, f.type, ctx).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          {draft.prefill[f.id] === 'text' ? (
            <label className={labelClass}>
              {`Fixed text for ${f.label}`}
              <input className={inputClass} value={draft.prefillText[f.id] ?? ''} maxLength={2000} onChange={(e) => change({ prefillText: { ...draft.prefillText, [f.id]: e.target.value } })} />
            </label>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function WriteBackChoices({ draft, change }: { draft: RuleDraft; change: Change }) {
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>Write back to Asana</legend>
      <label className={checkClass}>
        <input type="checkbox" checked={draft.comment} onChange={(e) => change({ comment: e.target.checked })} />
        Comment on the task
      </label>
      <label className={checkClass}>
        <input type="checkbox" checked={draft.assignOnConfirm} onChange={(e) => change({ assignOnConfirm: e.target.checked })} />
        Assign the task to the receiver on confirmation
      </label>
      <label className={labelClass}>
        Move to section on confirmation
        <input className={inputClass} value={draft.moveToSection} maxLength={200} onChange={(e) => change({ moveToSection: e.target.value })} placeholder="Leave empty to keep it where it is" />
      </label>
    </fieldset>
  );
}
