import type { MemoryModel } from '../../lib/events/memory-model';
import type { BatonEvent } from '../../lib/model/event';
import type { Handoff } from '../../lib/model/handoff';

const QUESTION_CHARS = 140;
const QUESTIONS_SHOWN = 3;

/**
 * The comment a moment of a handoff leaves on its Asana task: who → whom, the template, the state, the
 * gaps' questions in short, and the handoff's link (`<publicUrl>/h/<id>`, when the hub has an address).
 */
export function commentText(model: MemoryModel, handoff: Handoff, event: BatonEvent, publicUrl: string | undefined): string {
  const name = (id: string | undefined) => (id ? (model.member(id)?.name ?? 'someone') : 'nobody yet');
  const sender = name(handoff.senderId);
  const receiver = name(handoff.receiverId);
  const template = model.template(handoff.templateId, handoff.templateVersion)?.name ?? 'handoff';
  const link = publicUrl ? `\nOpen it: ${publicUrl.replace(/\/$/, '')}/h/${encodeURIComponent(handoff.id)}` : '';
  if (event.type === 'handoff.gaps_raised') {
    const gaps = event.payload.gaps;
    const shown = gaps.slice(0, QUESTIONS_SHOWN).map((g) => `• ${short(g.question)}`);
    const more = gaps.length > QUESTIONS_SHOWN ? [`• and ${gaps.length - QUESTIONS_SHOWN} more`] : [];
    return [`Baton: ${receiver} raised ${gaps.length === 1 ? 'a gap' : `${gaps.length} gaps`} on the handoff “${template}” (${sender} → ${receiver}):`, ...shown, ...more].join('\n') + link;
  }
  if (event.type === 'handoff.confirmed') return `Baton: ${receiver} confirmed the handoff “${template}” (${sender} → ${receiver}).${link}`;
  return `Baton: handoff “${template}” sent (${sender} → ${receiver}); waiting for ${receiver} to confirm.${link}`;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUESTION_CHARS ? `${flat.slice(0, QUESTION_CHARS - 1)}…` : flat;
}
