import type { ReadModel } from '../../lib/events/read-model';
import type { Handoff } from '../../lib/model/handoff';
import { stripUnsafe } from '../../lib/text/clean-text';

/** The moments of a handoff a channel hears of. */
export type SlackMoment = 'started' | 'sent' | 'gaps_raised' | 'confirmed' | 'overdue';

const HEADLINES: Record<SlackMoment, string> = {
  started: 'A rule started a handoff',
  sent: 'Handoff sent',
  gaps_raised: 'Gaps raised',
  confirmed: 'Handoff confirmed',
  overdue: 'Overdue: not confirmed in time',
};
/** Slack refuses a section block's text over 3,000 characters (invalid_payload); every piece below is capped so the sum stays under. */
export const SECTION_TEXT_LIMIT = 3000;
const MAX_GAPS_SHOWN = 5;

/**
 * Text from a record as Slack mrkdwn shows it literally, at most `max` characters once escaped. Slack
 * reads `&`, `<` and `>` as control characters (`<!channel>` pings everyone, `<url|x>` makes a link),
 * so they become entities; `@channel`-like words get a zero-width space so no client setting can turn
 * them into a mention; NUL, other controls and half emoji are removed, and line breaks become spaces
 * (a piece of text never starts a block quote or a list). Cut between code points, with an ellipsis.
 */
export function slackText(raw: string, max: number): string {
  const clean = stripUnsafe(raw)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200B$1')
    .trim();
  let out = '';
  for (const char of clean) {
    const piece = char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
    if (out.length + piece.length > max - 1) return `${out}…`;
    out += piece;
  }
  return out;
}

/** The handoff's page on the hub (server/handoff-link-page.ts), or undefined when the hub knows no public address. */
export function handoffLink(publicUrl: string | undefined, handoffId: string): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/h/${encodeURIComponent(handoffId)}` : undefined;
}

const when = (iso: string | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'none set');

/**
 * The message for one moment of a handoff: who → whom, client, template, title, state, confirm-by, the
 * gaps' questions in short, and the link. Plain mrkdwn text, under Slack's section limit whatever the
 * handoff holds (`gaps`: the questions this moment raised).
 */
export function slackMessage(model: ReadModel, handoff: Handoff, moment: SlackMoment, options: { publicUrl?: string; gaps?: readonly string[] }): string {
  const name = (id: string | undefined) => (id ? (model.member(id)?.name ?? 'someone no longer listed') : 'no receiver yet');
  const client = model.client(handoff.clientId)?.name ?? 'an unknown client';
  const template = model.template(handoff.templateId, handoff.templateVersion)?.name ?? handoff.templateId;
  const lines = [
    `*${HEADLINES[moment]}* · ${slackText(client, 120)}`,
    `${slackText(name(handoff.senderId), 120)} → ${slackText(name(handoff.receiverId), 120)} · ${slackText(template, 120)} · “${slackText(handoff.title, 300)}”`,
    `State: ${handoff.state.replace('_', ' ')} · Confirm by: ${when(handoff.dueBy)}`,
  ];
  // A draft a workflow rule started: which rule, and on what (the task that moved, the handoff confirmed).
  if (handoff.startedBy) lines.push(`Rule “${slackText(handoff.startedBy.ruleName, 120)}”: ${slackText(handoff.startedBy.trigger.label, 300)}`);
  const gaps = options.gaps ?? [];
  if (gaps.length > 0) {
    lines.push('Questions:');
    for (const question of gaps.slice(0, MAX_GAPS_SHOWN)) lines.push(`• ${slackText(question, 200)}`);
    if (gaps.length > MAX_GAPS_SHOWN) lines.push(`…and ${gaps.length - MAX_GAPS_SHOWN} more`);
  }
  const link = handoffLink(options.publicUrl, handoff.id);
  // The address is the hub's own (BATON_PUBLIC_URL) and an id of letters, digits and - _ : .: nothing in it can close the link.
  lines.push(link ? `<${link.replace(/[<>|]/g, encodeURIComponent)}|Open this handoff in Baton>` : 'Open Baton’s side panel to see this handoff.');
  return lines.join('\n');
}

/** What Slack is sent: the text (what notifications show) and the same text as one mrkdwn section. */
export function slackPayload(text: string): { text: string; blocks: unknown[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
