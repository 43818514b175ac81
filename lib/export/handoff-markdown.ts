import type { Client } from '../model/client';
import type { Handoff, HandoffState } from '../model/handoff';
import type { Member } from '../model/member';
import { FIELD_VALUE_SCHEMAS, type FieldType, type FieldValue, type Template, type TemplateField } from '../model/template';
import { bullets, escapeLines, escapeMarkdown, quote, safeLink } from './markdown';

const STATE_WORDS: Record<HandoffState, string> = {
  draft: 'Draft',
  sent: 'Sent, awaiting confirmation',
  gaps_raised: 'Gaps raised, awaiting answers',
  gaps_answered: 'Gaps answered, awaiting confirmation',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  reassigned: 'Reassigned, awaiting confirmation',
};
const NOT_FILLED = '_Not filled in._';

/** "2026-11-20 09:00 UTC": the same on every machine, unlike a locale's format. */
function when(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? escapeMarkdown(iso) : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

type Render<T extends FieldType> = (value: FieldValue<T>, field: TemplateField) => string;

// Each field type as a person would write it in a document; empty values say so.
const RENDER: { [T in FieldType]: Render<T> } = {
  short_text: (v) => escapeLines(v),
  long_text: (v) => escapeLines(v),
  list: (v) => bullets(v.filter((s) => s.trim()).map(escapeMarkdown)),
  people: (v) => bullets(v.map((p) => [p.name, p.role].filter((s) => s.trim()).map(escapeMarkdown).join(', ') + (p.email ? ` — ${escapeMarkdown(p.email)}` : ''))),
  link: (v) => safeLink(v),
  date: (v) => escapeMarkdown(v),
  kpi_targets: (v) =>
    bullets(
      v.map((t) => {
        const status = t.validated === null ? 'validation not answered' : t.validated ? 'validated' : '**not validated**';
        return `${escapeMarkdown(t.metric)}: ${escapeMarkdown(t.value)} — ${status}${t.evidence.trim() ? ` (${escapeMarkdown(t.evidence)})` : ''}`;
      }),
    ),
  checklist: (v) => v.map((i) => `- [${i.done ? 'x' : ' '}] ${escapeMarkdown(i.label)}`).join('\n'),
  decisions: (v) =>
    bullets(
      v.map((d) => `**${escapeMarkdown(d.decision)}** — ${escapeMarkdown(d.rationale)}${d.consideredAndRejected.trim() ? ` Considered and rejected: ${escapeMarkdown(d.consideredAndRejected)}` : ''}`),
    ),
  action_items: (v) => bullets(v.map((i) => `${escapeMarkdown(i.text)} — ${i.ownerEmail ? escapeMarkdown(i.ownerEmail) : 'no owner'}, ${i.due ? `due ${escapeMarkdown(i.due)}` : 'no date'}`)),
};

function renderField(field: TemplateField, raw: unknown): string {
  if (raw === undefined || raw === null) return NOT_FILLED;
  const parsed = FIELD_VALUE_SCHEMAS[field.type].safeParse(raw);
  if (!parsed.success) return `_Unreadable value:_ ${escapeMarkdown(JSON.stringify(raw))}`;
  const text = (RENDER[field.type] as Render<FieldType>)(parsed.data as FieldValue, field);
  return text.trim() ? text : NOT_FILLED;
}

/**
 * A handoff as a Markdown document: every field by its label with its value, the gaps and their
 * answers, state, dates and sources. Everything a person typed is escaped, so the document shows
 * it as text whatever it contains.
 */
export function handoffToMarkdown(handoff: Handoff, ctx: { template?: Template; client?: Client; members: Member[] }): string {
  const who = (id: string | undefined) => {
    const m = ctx.members.find((x) => x.id === id);
    return m ? `${escapeMarkdown(m.name)} (${escapeMarkdown(m.email)})` : id ? 'a former member' : 'nobody yet';
  };
  const labelOf = (id: string) => escapeMarkdown(ctx.template?.fields.find((f) => f.id === id)?.label ?? id);
  const out: string[] = [`# ${escapeMarkdown(handoff.title)}`, ''];

  const facts: [string, string | undefined][] = [
    ['Client', ctx.client ? escapeMarkdown(ctx.client.name) : undefined],
    ['Template', ctx.template ? `${escapeMarkdown(ctx.template.name)} (version ${handoff.templateVersion})` : `${escapeMarkdown(handoff.templateId)} (version ${handoff.templateVersion})`],
    ['State', STATE_WORDS[handoff.state]],
    ['From', who(handoff.senderId)],
    ['To', who(handoff.receiverId)],
    ['Started', when(handoff.createdAt)],
    ['Sent', when(handoff.sentAt)],
    ['Confirm by', when(handoff.dueBy)],
    ['Confirmed', when(handoff.confirmedAt)],
    ['Cancelled', when(handoff.cancelledAt)],
    ['Rounds of gaps', handoff.state === 'draft' ? undefined : String(handoff.gapRounds)],
    ['Sent incomplete because', handoff.override ? escapeMarkdown(handoff.override.reason) : undefined],
  ];
  out.push(bullets(facts.filter(([, v]) => v !== undefined).map(([k, v]) => `**${k}:** ${v}`)), '');

  out.push('## Fields', '');
  const fields = ctx.template?.fields ?? [];
  for (const field of fields) {
    out.push(`### ${escapeMarkdown(field.label)}${field.required ? '' : ' (optional)'}`, '', renderField(field, Object.hasOwn(handoff.fields, field.id) ? handoff.fields[field.id] : undefined), '');
  }
  // Values without a template field (an unknown template version) are kept, as data.
  for (const [id, value] of Object.entries(handoff.fields).filter(([id]) => !fields.some((f) => f.id === id))) {
    out.push(`### ${escapeMarkdown(id)}`, '', escapeMarkdown(JSON.stringify(value)), '');
  }

  if (handoff.gaps.length > 0) {
    out.push('## Gaps', '');
    handoff.gaps.forEach((gap, i) => {
      out.push(`### Gap ${i + 1}: ${gap.fieldIds.map(labelOf).join(', ')}`, '', quote(gap.question), '', `Raised by ${who(gap.raisedBy)} on ${when(gap.raisedAt)}.`, '');
      const withdrawn = gap.withdrawnAt !== undefined ? `_Withdrawn by ${who(gap.withdrawnBy ?? gap.raisedBy)} on ${when(gap.withdrawnAt)}${gap.withdrawnReason ? `:_ ${escapeMarkdown(gap.withdrawnReason)}` : '._'}` : '_Not answered yet._';
      out.push(gap.answer !== undefined ? `**Answer** by ${who(gap.answeredBy)} on ${when(gap.answeredAt) ?? 'an unknown date'}:\n\n${quote(gap.answer)}` : withdrawn, '');
    });
  }

  const { gmailThread, asanaTask, adAccount } = handoff.sources;
  const sources = [
    gmailThread ? `Gmail thread “${escapeMarkdown(gmailThread.subject)}”: ${safeLink(gmailThread.url)}` : undefined,
    asanaTask ? `Asana task${asanaTask.name ? ` “${escapeMarkdown(asanaTask.name)}”` : ''}: ${safeLink(asanaTask.url)}` : undefined,
    adAccount ? `${escapeMarkdown(adAccount.site)} account ${escapeMarkdown(adAccount.name ?? adAccount.id)}: ${safeLink(adAccount.url)}` : undefined,
  ].filter((s): s is string => s !== undefined);
  const participants = handoff.context.participants.map((p) => `${p.role}: ${p.name ? `${escapeMarkdown(p.name)} ` : ''}${escapeMarkdown(`<${p.email}>`)}`);
  if (sources.length > 0 || participants.length > 0 || handoff.context.selectedText) {
    out.push('## Sources', '');
    if (sources.length > 0) out.push(bullets(sources), '');
    if (participants.length > 0) out.push('Participants:', '', bullets(participants), '');
    if (handoff.context.selectedText) out.push('Selected text:', '', quote(handoff.context.selectedText), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name for the document: the title in lower-case words, safe on every system. */
export function handoffFileName(handoff: Pick<Handoff, 'title' | 'id'>): string {
  const slug = handoff.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80);
  return `${slug || handoff.id}.md`;
}
