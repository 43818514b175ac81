import { inputClass, labelClass } from '../section';
import { PERIOD_PRESETS, type PeriodPreset } from './period';

export interface FilterValues {
  period: PeriodPreset;
  from: string;
  to: string;
  clientId: string;
  templateId: string;
  personId: string;
}

export interface FilterOptions {
  clients: { id: string; name: string }[];
  templates: { id: string; name: string }[];
  people: { id: string; name: string }[];
}

const selectClass = `${inputClass} min-w-0`;

/** Period, client, handoff type and person: every figure below follows these. */
export function Filters({ values, options, timeZone, onChange }: { values: FilterValues; options: FilterOptions; timeZone: string; onChange: (patch: Partial<FilterValues>) => void }) {
  return (
    <form role="search" aria-label="Filters" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <label className={labelClass}>
        Period
        <select className={selectClass} value={values.period} onChange={(e) => onChange({ period: e.target.value as PeriodPreset })}>
          {Object.entries(PERIOD_PRESETS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        From
        <input type="date" className={selectClass} value={values.from} max={values.to} disabled={values.period !== 'custom'} onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
      </label>
      <label className={labelClass}>
        To
        <input type="date" className={selectClass} value={values.to} min={values.from} disabled={values.period !== 'custom'} onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
      </label>
      <label className={labelClass}>
        Client
        <select className={selectClass} value={values.clientId} onChange={(e) => onChange({ clientId: e.target.value })}>
          <option value="">All clients</option>
          {options.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Handoff type
        <select className={selectClass} value={values.templateId} onChange={(e) => onChange({ templateId: e.target.value })}>
          <option value="">All types</option>
          {options.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Person
        <select className={selectClass} value={values.personId} onChange={(e) => onChange({ personId: e.target.value })}>
          <option value="">Everyone</option>
          {options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <p className="col-span-full text-xs text-slate-600 dark:text-slate-400">
        Days are calendar days in {timeZone}. A person’s figures are the handoffs they sent or received and the failures they logged or that followed their handoffs.
      </p>
    </form>
  );
}
