import { IdSchema, TimestampSchema, shortText } from './common';
import { z } from './zod';

const base = {
  id: IdSchema,
  clientId: IdSchema,
  handoffId: IdSchema.optional(),
  authorId: IdSchema,
  at: TimestampSchema,
};

/** Documentation at the point of creation: so a handoff is information-rich by default. */
export const NoteSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('decision'),
    decision: shortText(1000).min(1),
    rationale: shortText(4000).min(1, 'A decision needs its rationale.'),
    consideredAndRejected: shortText(4000).default(''),
  }),
  z.object({ ...base, kind: z.literal('call_summary'), summary: shortText(20_000).min(1), attendees: z.array(shortText(200)).max(50).default([]) }),
  z.object({
    ...base,
    kind: z.literal('commitment'),
    commitment: shortText(1000).min(1),
    validated: z.boolean(),
    evidence: shortText(2000).default(''),
  }),
  z.object({ ...base, kind: z.literal('note'), text: shortText(20_000).min(1) }),
]);
export type Note = z.infer<typeof NoteSchema>;

export const FAILURE_CATEGORIES = ['missing_context', 'wrong_expectations', 'missed_deadline', 'duplicated_work', 'client_complaint', 'other'] as const;

/** Something that broke after a handoff, with the hours it took to repair. */
export const FailureSchema = z
  .object({
    id: IdSchema,
    clientId: IdSchema.optional(),
    handoffId: IdSchema.optional(),
    category: z.enum(FAILURE_CATEGORIES),
    hours: z.number().min(0).max(10_000),
    description: shortText(4000).min(1),
    loggedBy: IdSchema,
    at: TimestampSchema,
  })
  .refine((f) => f.clientId !== undefined || f.handoffId !== undefined, 'A failure belongs to a client or a handoff.');
export type Failure = z.infer<typeof FailureSchema>;
