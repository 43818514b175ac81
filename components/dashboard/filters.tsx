import { inputClass, labelClass } from '../form-styles';
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
      <FilterSelect label="Client" all="All clients" value={values.clientId} options={options.clients} onChange={(clientId) => onChange({ clientId })} />
      <FilterSelect label="Handoff type" all="All types" value={values.templateId} options={options.templates} onChange={(templateId) => onChange({ templateId })} />
      <FilterSelect label="Person" all="Everyone" value={values.personId} options={options.people} onChange={(personId) => onChange({ personId })} />
      <p className="col-span-full text-xs text-slate-600 dark:text-slate-400">
        Days are calendar days in {timeZone}. A person’s figures are the handoffs they sent or received and the failures they logged or that followed their handoffs.
      </p>
    </form>
  );
}

/** One narrowing filter: everything, or the one picked. */
function FilterSelect({ label, all, value, options, onChange }: { label: string; all: string; value: string; options: { id: string; name: string }[]; onChange: (id: string) => void }) {
  return (
    <label className={labelClass}>
      {label}
      <select className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
