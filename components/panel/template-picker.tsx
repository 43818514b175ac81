import type { Template } from '../../lib/model/template';
import { PanelSection } from './panel-section';

function TemplateOption({ template, disabled, onPick }: { template: Template; disabled: boolean; onPick: (t: Template) => void }) {
  const descriptionId = `template-${template.id}-description`;
  return (
    <li>
      <button
        type="button"
        aria-label={template.name}
        aria-describedby={descriptionId}
        disabled={disabled}
        onClick={() => onPick(template)}
        className="flex w-full flex-col gap-0.5 rounded-lg border border-slate-200 px-3 py-2.5 text-left hover:border-brand-600 hover:bg-brand-50/50 disabled:opacity-60 dark:border-slate-800 dark:hover:border-indigo-400 dark:hover:bg-indigo-950/40"
      >
        <span className="text-sm font-medium text-slate-900 dark:text-slate-100">{template.name}</span>
        <span id={descriptionId} className="text-xs text-slate-600 dark:text-slate-400">
          {template.fromRole} → {template.toRole} · {template.fields.filter((f) => f.required).length} required fields
          {template.builtIn ? '' : ' · custom'}
        </span>
      </button>
    </li>
  );
}

/** Templates as big targets: the page's suggestions first, then every other one. */
export function TemplatePicker({ suggested, rest, disabled, onPick }: { suggested: Template[]; rest: Template[]; disabled: boolean; onPick: (t: Template) => void }) {
  const list = (templates: Template[]) => (
    <ul className="flex flex-col gap-2">
      {templates.map((t) => (
        <TemplateOption key={`${t.id}@${t.version}`} template={t} disabled={disabled} onPick={onPick} />
      ))}
    </ul>
  );
  return (
    <div className="flex flex-col gap-5">
      {suggested.length > 0 ? <PanelSection title="Suggested for this page">{list(suggested)}</PanelSection> : null}
      <PanelSection title={suggested.length > 0 ? 'Other templates' : 'Templates'}>{list(rest)}</PanelSection>
    </div>
  );
}
