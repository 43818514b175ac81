// What is recorded about a client as work goes on: notes (decisions, call summaries), open items and
// the failures that followed a handoff.
import { makeEvent } from '../../events/make-event';
import { IdSchema, newId, shortText } from '../../model/common';
import { EVENT_PAYLOADS } from '../../model/event';
import { FAILURE_CATEGORIES } from '../../model/note';
import { z } from '../../model/zod';
import { append } from '../append';
import { CommandError } from '../command-error';
import { CHANGE, PAGES, defineCommand, returns } from './define';
import { mustGetHandoff } from './handoffs';

type Created = { id: string };

const NoteDraftSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), decision: shortText(1000).min(1), rationale: shortText(4000).min(1), consideredAndRejected: shortText(4000).default('') }),
  z.object({ kind: z.literal('call_summary'), summary: shortText(20_000).min(1), attendees: z.array(shortText(200)).max(50).default([]) }),
  z.object({ kind: z.literal('commitment'), commitment: shortText(1000).min(1), validated: z.boolean(), evidence: shortText(2000).default('') }),
  z.object({ kind: z.literal('note'), text: shortText(20_000).min(1) }),
]);

// Something that broke after a handoff. The client can be left to the handoff (it is the handoff's),
// but one of the two must be named: a failure belongs somewhere.
const FailureReportSchema = z
  .object({
    clientId: IdSchema.optional(),
    handoffId: IdSchema.optional(),
    category: z.enum(FAILURE_CATEGORIES, { error: `Choose a category: ${FAILURE_CATEGORIES.join(', ')}.` }),
    hours: z
      .number({ error: 'Hours to repair must be a number.' })
      .min(0, 'Hours to repair cannot be negative.')
      .max(10_000, 'Hours to repair must be at most 10,000.'),
    description: shortText(4000).min(1, 'Say what happened.'),
  })
  .refine((f) => f.clientId !== undefined || f.handoffId !== undefined, { message: 'Name the client or the handoff the failure belongs to.', path: ['clientId'] });

export const noteCommands = [
  defineCommand({
    type: 'note/add', schema: z.object({ clientId: IdSchema, handoffId: IdSchema.optional(), note: NoteDraftSchema }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Created>(),
    async handle(request, { session, now }) {
      const s = await session();
      const id = newId();
      const note = { ...request.note, id, clientId: request.clientId, authorId: s.me.id, at: now().toISOString(), ...(request.handoffId ? { handoffId: request.handoffId } : {}) };
      await append(s, makeEvent('note.added', s.me.id, id, { note }));
      return { id };
    },
  }),
  /** An open item on a client, owned by one person (by email: the owner may not be a member yet). */
  defineCommand({
    type: 'item/add', schema: EVENT_PAYLOADS['item.added'], from: PAGES, kind: 'write', effects: CHANGE, response: returns<Created>(),
    async handle(item, { session }) {
      const s = await session();
      const id = newId();
      await append(s, makeEvent('item.added', s.me.id, id, { ...item, ownerEmail: item.ownerEmail.trim().toLowerCase() }));
      return { id };
    },
  }),
  defineCommand({
    type: 'item/complete', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<Created>(),
    async handle({ id }, { session }) {
      const s = await session();
      await append(s, makeEvent('item.completed', s.me.id, id, {}));
      return { id };
    },
  }),
  defineCommand({
    type: 'failure/log', schema: FailureReportSchema, from: PAGES, kind: 'write', effects: CHANGE, response: returns<Created>(),
    async handle(reported, { session, now }) {
      const s = await session();
      // A failure after a handoff: one that never left (a draft, or a draft cancelled) cannot have caused it.
      if (reported.handoffId && !(await mustGetHandoff(s, reported.handoffId)).sentAt) {
        throw new CommandError('That handoff was never sent: log the failure on its client instead.');
      }
      const id = newId();
      const failure = { ...reported, id, loggedBy: s.me.id, at: now().toISOString() };
      await append(s, makeEvent('failure.logged', s.me.id, id, { failure }));
      return { id };
    },
  }),
] as const;
