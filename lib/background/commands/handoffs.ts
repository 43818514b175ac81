// Handoff commands: start, read, fill in, send, and the receiver's and sender's moves after that.
import { awaitingConfirmation, getHandoff, sentByMeOpen, waitingOnAnswers } from '../../db/queries';
import { makeEvent } from '../../events/make-event';
import { IdSchema, newId, shortText } from '../../model/common';
import { EVENT_PAYLOADS, type BatonEvent, type EventType } from '../../model/event';
import type { Handoff } from '../../model/handoff';
import { PageContextSchema } from '../../model/page-context';
import { z } from '../../model/zod';
import { MAX_SELECTED_TEXT } from '../../messaging/protocol';
import { findTemplate } from '../../templates';
import { openDuplicate } from '../../workflow/duplicates';
import { startWatchers } from '../watchers';
import { describeEdit } from '../../workflow/edits';
import { prefillFromPage } from '../../workflow/prefill';
import { dryRun } from '../../db/dry-run';
import { append, appendAll } from '../append';
import { CommandError } from '../command-error';
import { rulesAfterConfirm } from '../local-rules';
import { commitNow, dismissRefused, holdAction, readPending, undoAction } from '../pending-actions';
import { summarize, UNDO_WINDOW_MS, type PendingKind, type PendingSummary } from '../pending-queue';
import { allTemplates } from '../templates';
import { teamReceiverFor } from '../teams';
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

/** The answer to a start refused for a duplicate: the handoff of that kind already open. */
export interface OpenDuplicateAnswer {
  duplicate: Handoff;
}

/** The open handoff of this template for this client, read as the rest of the panel reads it. */
async function openOfKind(session: Session, kind: { clientId: string; templateId: string }): Promise<Handoff | undefined> {
  const open = openDuplicate(await session.db.getAllFromIndex('handoffs', 'byClient', kind.clientId), kind);
  return open ? ((await getHandoff(session.db, open.id)) ?? undefined) : undefined;
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
    /** Start even when one of this template for this client is already open (the person chose to). */
    startAnyway: z.boolean().optional(),
  }),
  from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff | OpenDuplicateAnswer>(),
  async handle(request, { session, tabState, now }) {
    const s = await session();
    if (!request.startAnyway) {
      const open = await openOfKind(s, request);
      if (open) return { duplicate: open };
    }
    // Without a version, the newest: an admin's edit applies to every handoff started after it.
    const template = findTemplate(await allTemplates(s.db), request.templateId, request.templateVersion);
    if (!template) throw new CommandError('Unknown template.', 'not-found');
    const page = request.page ?? (request.tabId !== undefined ? ((await tabState(request.tabId))?.context ?? null) : null);
    const prefill = prefillFromPage(template, page, { ownDomains: s.workspace.ownDomains, selectedText: request.selectedText, now: now() });
    const id = newId();
    const { title, sources, context, fields } = prefill;
    // Nobody chosen yet: the client's holder of the template's receiving role (lib/background/teams.ts).
    const receiverId = request.receiverId ?? (await teamReceiverFor(s, request.clientId, template));
    const watcherIds = await startWatchers(s, template, { clientId: request.clientId, receiverId });
    const payload = { clientId: request.clientId, templateId: template.id, templateVersion: template.version, title, receiverId, sources, context, fields, ...(watcherIds.length > 0 ? { watcherIds } : {}) };
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
 * `hold`: the move waits UNDO_WINDOW_MS before it is appended (../pending-queue.ts says why). It is
 * judged now, so a refusal shows at the click; the answer is the handoff as the move will leave it.
 * `keep`: appended instead if the person undoes it (a draft's last edits).
 */
async function holdOrAppend(s: Session, kind: PendingKind, hold: boolean | undefined, id: string, events: BatonEvent[], keep: BatonEvent[], comment?: string): Promise<Handoff> {
  if (!hold) {
    await appendAll(s, events);
    // Working alone, this browser fires the chain rules a confirmation starts (on a hub, the hub does).
    if (kind === 'confirm') await rulesAfterConfirm(s, id).catch(() => undefined);
    return mustGetHandoff(s, id);
  }
  const judged = await dryRun(s.db, events, id);
  if (!judged.ok) throw new CommandError(judged.problem.message, judged.problem.code);
  const { handoff } = judged.data;
  const to = kind === 'send' ? (await s.db.get('members', handoff.receiverId ?? ''))?.name : undefined;
  const held = judged.data.events.at(-1)!;
  await holdAction(s, { id: held.id, kind, handoffId: id, events: judged.data.events, keep, dueAt: Date.now() + UNDO_WINDOW_MS, ...(to ? { to } : {}), ...(comment ? { comment } : {}) });
  return handoff;
}

const hold = z.boolean().optional();

/**
 * Sends a draft. The form's last edits travel with it (`draft`) and are appended with the send in one
 * transaction: one click, one message, and never a send of a draft older than what the person sees.
 */
const send = defineCommand({
  type: 'handoff/send', schema: EVENT_PAYLOADS['handoff.sent'].extend({ ...handoffId, draft: EVENT_PAYLOADS['handoff.updated'].optional(), hold }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle({ id, draft, hold: held, ...payload }, { session }) {
    const s = await session();
    const edits = draft ? [makeEvent('handoff.updated', s.me.id, id, draft)] : [];
    return holdOrAppend(s, 'send', held, id, [...edits, makeEvent('handoff.sent', s.me.id, id, payload)], edits);
  },
});

/** Confirms receipt, with the receiver's note (`comment`) when they wrote one. */
const confirm = defineCommand({
  type: 'handoff/confirm', schema: EVENT_PAYLOADS['handoff.confirmed'].extend({ ...handoffId, hold }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Handoff>(),
  async handle({ id, hold: held, ...payload }, { session }) {
    const s = await session();
    return holdOrAppend(s, 'confirm', held, id, [makeEvent('handoff.confirmed', s.me.id, id, payload)], [], payload.comment);
  },
});

const pendingId = z.object({ id: IdSchema });

// The moves held for undo: listed for the panel's "Sent to … · Undo", undone, or committed at once.
const pendingCommands = [
  defineCommand({
    type: 'pending/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<PendingSummary[]>(),
    handle: async (_request, { session }) => (await readPending(await session())).map(summarize),
  }),
  defineCommand({
    type: 'pending/undo', schema: pendingId, from: PAGES, kind: 'write', effects: [], response: returns<boolean>(),
    async handle({ id }, { session }) {
      if (await undoAction(await session(), id)) return true;
      throw new CommandError('Too late to undo: it has already gone out.', 'invalid');
    },
  }),
  defineCommand({
    type: 'pending/commit', schema: pendingId, from: PAGES, kind: 'write', effects: CHANGE, response: returns<boolean>(),
    handle: async ({ id }, { session }) => commitNow(await session(), id),
  }),
  defineCommand({
    type: 'pending/dismiss', schema: pendingId, from: PAGES, kind: 'write', effects: [], response: returns<boolean>(),
    handle: async ({ id }, { session }) => dismissRefused(await session(), id),
  }),
] as const;

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
  confirm,
  handoffEventCommand('handoff/cancel', 'handoff.cancelled'),
  handoffEventCommand('handoff/reassign', 'handoff.reassigned'),
  edit,
  handoffEventCommand('handoff/nudge', 'handoff.nudged'),
  myHandoffsCommand('handoffs/awaiting-me', awaitingConfirmation),
  myHandoffsCommand('handoffs/sent-by-me', sentByMeOpen),
  // Issue 14: the receiver takes back an unanswered gap; the handoffs whose gaps I wait on.
  handoffEventCommand('handoff/withdraw-gap', 'handoff.gap_withdrawn'),
  myHandoffsCommand('handoffs/waiting-on-answers', waitingOnAnswers),
  ...pendingCommands,
] as const;

export { mustGetHandoff };
