// Handoff commands: start, read, fill in, send, and the receiver's and sender's moves after that.
import { awaitingConfirmation, getHandoff, sentByMeOpen } from '../../db/queries';
import { makeEvent } from '../../events/make-event';
import { IdSchema, newId, shortText } from '../../model/common';
import { EVENT_PAYLOADS, type EventType } from '../../model/event';
import type { Handoff } from '../../model/handoff';
import { PageContextSchema } from '../../model/page-context';
import { z } from '../../model/zod';
import { MAX_SELECTED_TEXT } from '../../messaging/protocol';
import { findTemplate } from '../../templates';
import { describeEdit } from '../../workflow/edits';
import { prefillFromPage } from '../../workflow/prefill';
import { append, appendAll } from '../append';
import { CommandError } from '../command-error';
import { allTemplates } from '../templates';
import type { Session } from '../workspace';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns } from './define';

const handoffId = { id: IdSchema };

async function mustGetHandoff(session: Session, id: string): Promise<Handoff> {
  const handoff = await getHandoff(session.db, id);
  if (!handoff) throw new CommandError('That handoff no longer exists.', 'not-found');
  return handoff;
}

/** A command that is one event about the handoff it names; it answers with the handoff as it is now. */
function handoffEventCommand<const T extends string, E extends EventType>(type: T, eventType: E) {
  return defineCommand({
    type,
    schema: EVENT_PAYLOADS[eventType].extend(handoffId), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
    async handle({ id, ...payload }, { session }) {
      const s = await session();
      await append(s, makeEvent(eventType, s.me.id, id, payload as never));
      return mustGetHandoff(s, id);
    },
  });
}

const start = defineCommand({
  type: 'handoff/start',
  schema: z.object({
    clientId: IdSchema,
    templateId: IdSchema,
    templateVersion: z.number().int().min(1).optional(),
    receiverId: IdSchema.optional(),
    /** Prefill from what this tab shows (thread, task, account)… */
    tabId: z.number().int().optional(),
    /** …or from what it showed when the person clicked (a capture): the tab may have moved on since. */
    page: PageContextSchema.optional(),
    selectedText: shortText(MAX_SELECTED_TEXT).optional(),
  }),
  from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle(request, { session, tabState, now }) {
    const s = await session();
    // Without a version, the newest: an admin's edit applies to every handoff started after it.
    const template = findTemplate(await allTemplates(s.db), request.templateId, request.templateVersion);
    if (!template) throw new CommandError('Unknown template.', 'not-found');
    const page = request.page ?? (request.tabId !== undefined ? ((await tabState(request.tabId))?.context ?? null) : null);
    const prefill = prefillFromPage(template, page, { ownDomains: s.workspace.ownDomains, selectedText: request.selectedText, now: now() });
    const id = newId();
    const { title, sources, context, fields } = prefill;
    const payload = { clientId: request.clientId, templateId: template.id, templateVersion: template.version, title, receiverId: request.receiverId, sources, context, fields };
    await append(s, makeEvent('handoff.created', s.me.id, id, payload));
    return mustGetHandoff(s, id);
  },
});

const get = defineCommand({
  type: 'handoff/get', schema: z.object(handoffId), from: PAGES, kind: 'read', effects: [], response: returns<Handoff | null>(),
  handle: async ({ id }, { session }) => getHandoff((await session()).db, id),
});

// A draft's autosave: the sender's own work in progress. It is shared with the next round of sync,
// and nothing in the prompts can change while it is a draft, so it starts neither.
const update = defineCommand({ ...handoffEventCommand('handoff/update', 'handoff.updated'), effects: [] });

/**
 * Sends a draft. The form's last edits travel with it (`draft`) and are appended with the send in one
 * transaction: one click, one message, and never a send of a draft older than what the person sees.
 */
const send = defineCommand({
  type: 'handoff/send', schema: EVENT_PAYLOADS['handoff.sent'].extend({ ...handoffId, draft: EVENT_PAYLOADS['handoff.updated'].optional() }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle({ id, draft, ...payload }, { session }) {
    const s = await session();
    const sent = makeEvent('handoff.sent', s.me.id, id, payload);
    await appendAll(s, draft ? [makeEvent('handoff.updated', s.me.id, id, draft), sent] : [sent]);
    return mustGetHandoff(s, id);
  },
});

const raiseGaps = defineCommand({
  type: 'handoff/raise-gaps', schema: z.object({ ...handoffId, gaps: z.array(z.object({ fieldIds: z.array(IdSchema).min(1).max(60), question: shortText(4000).min(1) })).min(1).max(50) }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle(request, { session }) {
    const s = await session();
    const gaps = request.gaps.map((g) => ({ ...g, id: newId() }));
    await append(s, makeEvent('handoff.gaps_raised', s.me.id, request.id, { gaps }));
    return mustGetHandoff(s, request.id);
  },
});

/**
 * The sender's new version of a sent handoff. Whether it asks the receiver to confirm again is
 * judged here on the handoff as stored, and checked again by the reducer (lib/workflow/edits.ts).
 */
const edit = defineCommand({
  type: 'handoff/edit', schema: EVENT_PAYLOADS['handoff.edited'].omit({ reconfirm: true }).extend(handoffId), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle({ id, ...payload }, { session }) {
    const s = await session();
    const handoff = await mustGetHandoff(s, id);
    const template = findTemplate(await allTemplates(s.db), handoff.templateId, handoff.templateVersion);
    if (!template) throw new CommandError('Unknown template.', 'not-found');
    const { reconfirm } = describeEdit(template, handoff, payload);
    await append(s, makeEvent('handoff.edited', s.me.id, id, { ...payload, reconfirm }));
    return mustGetHandoff(s, id);
  },
});

/** A list of my handoffs, as one of the queries keyed by member reads it. */
function myHandoffsCommand<const T extends string>(type: T, query: (db: Session['db'], memberId: string) => Promise<{ values: Handoff[] }>) {
  return defineCommand({
    type, schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<Handoff[]>(),
    async handle(_request, { session }) {
      const s = await session();
      return (await query(s.db, s.me.id)).values;
    },
  });
}

export const handoffCommands = [
  start,
  get,
  update,
  send,
  raiseGaps,
  handoffEventCommand('handoff/answer-gaps', 'handoff.gaps_answered'),
  handoffEventCommand('handoff/confirm', 'handoff.confirmed'),
  handoffEventCommand('handoff/cancel', 'handoff.cancelled'),
  handoffEventCommand('handoff/reassign', 'handoff.reassigned'),
  edit,
  handoffEventCommand('handoff/nudge', 'handoff.nudged'),
  myHandoffsCommand('handoffs/awaiting-me', awaitingConfirmation),
  myHandoffsCommand('handoffs/sent-by-me', sentByMeOpen),
] as const;

export { mustGetHandoff };
