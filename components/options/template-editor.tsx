import { useState, type FormEvent } from 'react';
import { FIELD_TYPES, type FieldType, type Template, type TemplateField } from '../../lib/model/template';
import { sendRequest } from '../../lib/messaging/send';
import { DEFAULT_CONFIRM_BY_HOURS } from '../../lib/workflow/defaults';
import { Button } from '../button';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { Card } from './card';
import { FIELD_TYPE_WORDS, fieldIdFromLabel, templateIdFromName } from './template-words';

interface FieldDraft {
  /** React's key: stable while labels (and so new ids) change. */
  key: number;
  /** Set for fields of the saved template: their id never changes, so older handoffs still read. */
  savedId?: string;
  label: string;
  type: FieldType;
  required: boolean;
  help: string;
  placeholder?: string;
  /** Checklist items, one per line. */
  items: string;
}

let nextKey = 1;
const fieldDraft = (field?: TemplateField): FieldDraft => ({
  key: nextKey++,
  label: field?.label ?? '',
  type: field?.type ?? 'short_text',
  required: field?.required ?? true,
  help: field?.help ?? '',
  items: field?.items?.join('\n') ?? '',
  ...(field ? { savedId: field.id } : {}),
  ...(field?.placeholder ? { placeholder: field.placeholder } : {}),
});

/** The ids the fields will be saved with: saved ones keep theirs, new ones derive from their label. */
function fieldIds(fields: readonly FieldDraft[]): string[] {
  const taken = new Set(fields.flatMap((f) => (f.savedId ? [f.savedId] : [])));
  return fields.map((f) => {
    if (f.savedId) return f.savedId;
    const id = fieldIdFromLabel(f.label, taken);
    taken.add(id);
    return id;
  });
}

/** Creates a custom template, or a new version of one; admins only (the background checks). */
export function TemplateEditor({ template, templates, onDone }: { template?: Template; templates: readonly Template[]; onDone: (saved?: Template) => void }) {
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [fromRole, setFromRole] = useState(template?.fromRole ?? '');
  const [toRole, setToRole] = useState(template?.toRole ?? '');
  const [hours, setHours] = useState(String(template?.confirmWithinHours ?? DEFAULT_CONFIRM_BY_HOURS));
  const [transfers, setTransfers] = useState(template?.transfersOwnership ?? false);
  const [fields, setFields] = useState<FieldDraft[]>(() => (template ? template.fields.map(fieldDraft) : [fieldDraft()]));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const ids = fieldIds(fields);

  const change = (key: number, patch: Partial<FieldDraft>) => setFields((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const move = (index: number, by: number) =>
    setFields((all) => {
      const next = [...all];
      const [field] = next.splice(index, 1);
      if (field) next.splice(index + by, 0, field);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const reply = await sendRequest<'template/save'>({
      type: 'template/save',
      template: {
        id: template?.id ?? templateIdFromName(name, templates),
        kind: template?.kind ?? 'custom',
        name: name.trim(),
        description: description.trim(),
        fromRole: fromRole.trim(),
        toRole: toRole.trim(),
        transfersOwnership: transfers,
        confirmWithinHours: Number(hours),
        fields: fields.map((f, i) => ({
          id: ids[i] ?? '',
          label: f.label.trim(),
          type: f.type,
          required: f.required,
          help: f.help.trim(),
          ...(f.placeholder ? { placeholder: f.placeholder } : {}),
          ...(f.type === 'checklist' ? { items: f.items.split('\n').map((s) => s.trim()).filter(Boolean) } : {}),
        })),
      },
    });
    setBusy(false);
    // On a refusal everything typed stays, with the reason above the save button.
    if (reply.ok) onDone(reply.data);
    else setError(reply.problem.message);
  };

  return (
    <Card title={template ? `Edit ${template.name} (version ${template.version + 1})` : 'New template'}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <label className={`${labelClass} sm:col-span-2`}>
            Template name
            <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          </label>
          <label className={`${labelClass} sm:col-span-2`}>
            Description
            <textarea className={inputClass} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} required maxLength={600} />
          </label>
          <label className={labelClass}>
            Handed off by (role)
            <input className={inputClass} value={fromRole} onChange={(e) => setFromRole(e.target.value)} required maxLength={80} placeholder="Strategist" />
          </label>
          <label className={labelClass}>
            Received by (role)
            <input className={inputClass} value={toRole} onChange={(e) => setToRole(e.target.value)} required maxLength={80} placeholder="Media buyer" />
          </label>
          <label className={labelClass}>
            Hours to confirm
            <input className={inputClass} type="number" min={1} max={720} value={hours} onChange={(e) => setHours(e.target.value)} required />
          </label>
          <label className="flex items-center gap-2 self-end pb-1.5 text-sm">
            <input type="checkbox" checked={transfers} onChange={(e) => setTransfers(e.target.checked)} />
            Confirming makes the receiver the client’s owner
          </label>
        </div>

        <ol className="flex flex-col gap-3">
          {fields.map((field, index) => (
            <li key={field.key}>
              <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_14rem] dark:border-slate-800">
                <legend className="px-1 text-sm font-medium">Field {index + 1}</legend>
                <label className={labelClass}>
                  Label
                  <input className={inputClass} value={field.label} onChange={(e) => change(field.key, { label: e.target.value })} required maxLength={120} />
                  <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                    Id: <code>{ids[index]}</code>
                    {field.savedId ? ' (kept from the saved version)' : ''}
                  </span>
                </label>
                <label className={labelClass}>
                  Type
                  <select className={inputClass} value={field.type} onChange={(e) => change(field.key, { type: e.target.value as FieldType })}>
                    {FIELD_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {FIELD_TYPE_WORDS[t]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className={`${labelClass} sm:col-span-2`}>
                  Help
                  <textarea className={inputClass} rows={2} value={field.help} onChange={(e) => change(field.key, { help: e.target.value })} required maxLength={600} placeholder="What good looks like, in a sentence or two." />
                </label>
                {field.type === 'checklist' ? (
                  <label className={`${labelClass} sm:col-span-2`}>
                    Checklist items (one per line)
                    <textarea className={inputClass} rows={3} value={field.items} onChange={(e) => change(field.key, { items: e.target.value })} />
                  </label>
                ) : null}
                <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
                  <label className="mr-auto flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={field.required} onChange={(e) => change(field.key, { required: e.target.checked })} />
                    Required
                  </label>
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move field ${index + 1} up`}>
                    Up
                  </Button>
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => move(index, 1)} disabled={index === fields.length - 1} aria-label={`Move field ${index + 1} down`}>
                    Down
                  </Button>
                  <Button variant="danger" className="px-2 py-1 text-xs" onClick={() => setFields((all) => all.filter((f) => f.key !== field.key))} disabled={fields.length === 1} aria-label={`Remove field ${index + 1}`}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div>
          <Button variant="secondary" onClick={() => setFields((all) => [...all, fieldDraft()])}>
            Add field
          </Button>
        </div>
        <ErrorAlert message={error} />
        <div className="flex gap-2">
          <Button type="submit" disabled={busy}>
            Save template
          </Button>
          <Button variant="secondary" onClick={() => onDone()}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
