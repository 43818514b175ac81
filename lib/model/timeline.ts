import { IdSchema, TimestampSchema, shortText } from './common';
import { z } from './zod';

/** One line of a client's history, derived from one event. */
export const TimelineEntrySchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  at: TimestampSchema,
  type: z.string().max(60),
  actorId: IdSchema,
  handoffId: IdSchema.optional(),
  noteId: IdSchema.optional(),
  failureId: IdSchema.optional(),
  summary: shortText(500),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
