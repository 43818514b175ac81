// Commands from extension pages that change the workspace. Each becomes one event, appended by the
// background (the single writer) through the shared reducer. Zod schemas: imported as types only by
// code that must stay small.
import { IdSchema, shortText } from '../model/common';
import { EVENT_PAYLOADS } from '../model/event';
import { IdentifierSchema } from '../model/identifier';
import { FAILURE_CATEGORIES } from '../model/note';
import { PageContextSchema } from '../model/page-context';
import { z } from '../model/zod';
import { CostSettingsSchema } from './cost-settings';

const handoffId = { id: IdSchema };

export const COMMAND_SCHEMAS = {
  'client/view': z.object({ clientId: IdSchema }),
  'client/link': z.object({ clientId: IdSchema, identifiers: z.array(IdentifierSchema).min(1).max(50) }),
  'clients/archive': z.object({ id: IdSchema }),
  'members/list': z.object({}),
  'me/get': z.object({}),
  'me/update': z.object({ name: shortText(200).min(1), email: z.email().max(254) }),
  'member/add': z.object({ name: shortText(200).min(1), email: z.email().max(254), role: z.enum(['admin', 'member']).default('member') }),
  'handoff/start': z.object({
    clientId: IdSchema,
    templateId: IdSchema,
    templateVersion: z.number().int().min(1).optional(),
    receiverId: IdSchema.optional(),
    /** Prefill from what this tab shows (thread, task, account)… */
    tabId: z.number().int().optional(),
    /** …or from what it showed when the person clicked (a capture): the tab may have moved on since. */
    page: PageContextSchema.optional(),
    selectedText: shortText(20_000).optional(),
  }),
  'handoff/get': z.object(handoffId),
  'handoff/update': EVENT_PAYLOADS['handoff.updated'].extend(handoffId),
  'handoff/send': EVENT_PAYLOADS['handoff.sent'].extend(handoffId),
  'handoff/raise-gaps': z.object({ ...handoffId, gaps: z.array(z.object({ fieldIds: z.array(IdSchema).min(1).max(60), question: shortText(4000).min(1) })).min(1).max(50) }),
  'handoff/answer-gaps': EVENT_PAYLOADS['handoff.gaps_answered'].extend(handoffId),
  'handoff/confirm': EVENT_PAYLOADS['handoff.confirmed'].extend(handoffId),
  'handoff/cancel': EVENT_PAYLOADS['handoff.cancelled'].extend(handoffId),
  'handoff/reassign': EVENT_PAYLOADS['handoff.reassigned'].extend(handoffId),
  'handoffs/awaiting-me': z.object({}),
  'handoffs/sent-by-me': z.object({}),
  'item/add': EVENT_PAYLOADS['item.added'],
  'item/complete': z.object({ id: IdSchema }),
  'note/add': z.object({
    clientId: IdSchema,
    handoffId: IdSchema.optional(),
    note: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('decision'), decision: shortText(1000).min(1), rationale: shortText(4000).min(1), consideredAndRejected: shortText(4000).default('') }),
      z.object({ kind: z.literal('call_summary'), summary: shortText(20_000).min(1), attendees: z.array(shortText(200)).max(50).default([]) }),
      z.object({ kind: z.literal('commitment'), commitment: shortText(1000).min(1), validated: z.boolean(), evidence: shortText(2000).default('') }),
      z.object({ kind: z.literal('note'), text: shortText(20_000).min(1) }),
    ]),
  }),
  // Something that broke after a handoff. The client can be left to the handoff (it is the handoff's),
  // but one of the two must be named: a failure belongs somewhere.
  'failure/log': z
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
    .refine((f) => f.clientId !== undefined || f.handoffId !== undefined, { message: 'Name the client or the handoff the failure belongs to.', path: ['clientId'] }),
  'cost/get': z.object({}),
  'metrics/refresh': z.object({ refold: z.boolean().optional() }),
  'cost/save': CostSettingsSchema,
  'hub/connect': z.object({
    // The token travels with every request: plain http only to this machine.
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .refine((u) => u.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'Use https:// for a hub on another machine.'),
    code: z.string().trim().min(10).max(200),
  }),
  'hub/status': z.object({}),
  'hub/disconnect': z.object({}),
} as const;

export type CommandType = keyof typeof COMMAND_SCHEMAS;
export type CommandRequest<T extends CommandType> = z.input<(typeof COMMAND_SCHEMAS)[T]>;
