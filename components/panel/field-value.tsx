import type { TemplateField } from '../../lib/model/template';
import { editableValue } from './field-values';
import { formatDate, isWebLink } from './format';
import { linkClass } from '../form-styles';

const empty = <p className="text-sm text-slate-500 italic dark:text-slate-400">Not filled in</p>;

/** A field's value as a person reads it. Text is rendered as text, never as HTML. */
export function FieldValueView({ field, value }: { field: TemplateField; value: unknown }) {
  const v = editableValue(field, value);
  if (typeof v === 'string') {
    if (!v.trim()) return empty;
    if (field.type === 'link' && isWebLink(v))
      return (
        <a href={v} target="_blank" rel="noreferrer noopener" className={`text-sm break-all ${linkClass}`}>
          {v}
        </a>
      );
    return <p className="text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200">{field.type === 'date' ? formatDate(v) : v}</p>;
  }
  if (v.length === 0) return empty;
  return <ul className="flex flex-col gap-1.5 text-sm text-slate-800 dark:text-slate-200">{rows(field, v)}</ul>;
}

function rows(field: TemplateField, v: unknown[]) {
  const muted = 'text-slate-600 dark:text-slate-400';
  switch (field.type) {
    case 'list':
      return (v as string[]).map((item, i) => <li key={i} className="list-inside list-disc">{item}</li>);
    case 'people':
      return (v as { name: string; role: string; email: string }[]).map((p, i) => (
        <li key={i}>
          <span className="font-medium">{p.name || p.email}</span>
          {p.role ? <span className={muted}> · {p.role}</span> : null}
          {p.email ? <span className={`block text-xs ${muted}`}>{p.email}</span> : null}
        </li>
      ));
    case 'kpi_targets':
      return (v as { metric: string; value: string; validated: boolean | null; evidence: string }[]).map((t, i) => (
        <li key={i}>
          <span className="font-medium">
            {t.metric} {t.value}
          </span>{' '}
          <span className={t.validated ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-800 dark:text-amber-300'}>
            {t.validated === null ? '· validation not stated' : t.validated ? '· validated' : '· not validated'}
          </span>
          {t.evidence ? <span className={`block text-xs ${muted}`}>{t.evidence}</span> : null}
        </li>
      ));
    case 'checklist':
      return (v as { label: string; done: boolean }[]).map((c, i) => (
        <li key={i} className="flex gap-2">
          <span aria-hidden="true">{c.done ? '☑' : '☐'}</span>
          <span>
            {c.label}
            <span className="sr-only">{c.done ? ' (done)' : ' (not done)'}</span>
          </span>
        </li>
      ));
    case 'decisions':
      return (v as { decision: string; rationale: string; consideredAndRejected: string }[]).map((d, i) => (
        <li key={i}>
          <span className="font-medium">{d.decision}</span>
          {d.rationale ? <span className={`block ${muted}`}>Why: {d.rationale}</span> : null}
          {d.consideredAndRejected ? <span className={`block ${muted}`}>Rejected: {d.consideredAndRejected}</span> : null}
        </li>
      ));
    case 'action_items':
      return (v as { id: string; text: string; ownerEmail: string; due: string }[]).map((a) => (
        <li key={a.id}>
          {a.text}
          <span className={`block text-xs ${muted}`}>
            {a.ownerEmail || 'no owner'} · {a.due ? `due ${formatDate(a.due)}` : 'no date'}
          </span>
        </li>
      ));
    default:
      return null;
  }
}
