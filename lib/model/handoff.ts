import { IdSchema, OptionalEmailSchema, TimestampSchema, UrlSchema, shortText } from './common';
import { StartedBySchema } from './rule';
import { z } from './zod';

export const HANDOFF_STATES = ['draft', 'sent', 'gaps_raised', 'gaps_answered', 'confirmed', 'cancelled', 'reassigned'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** Where a handoff came from: links back to the thread, task or account it was started on. */
export const HandoffSourcesSchema = z.object({
  gmailThread: z
    .object({ id: shortText(200).min(1), legacyId: z.string().regex(/^[0-9a-f]{16}$/).optional(), subject: shortText(1000), url: UrlSchema })
    .optional(),
  asanaTask: z.object({ id: z.string().regex(/^\d+$/), name: shortText(300).optional(), url: UrlSchema }).optional(),
  adAccount: z.object({ site: shortText(40), id: z.string().regex(/^\d+$/), name: shortText(200).optional(), url: UrlSchema }).optional(),
});
export type HandoffSources = z.infer<typeof HandoffSourcesSchema>;

/** What the page showed when the handoff was captured. Email bodies only when the user selected text. */
export const CapturedContextSchema = z.object({
  participants: z.array(z.object({ email: shortText(254), name: shortText(200).optional(), role: z.enum(['from', 'to', 'cc']) })).max(200).default([]),
  selectedText: shortText(20_000).optional(),
  capturedAt: TimestampSchema.optional(),
});

export const GapSchema = z.object({
  id: IdSchema,
  fieldIds: z.array(IdSchema).min(1).max(60),
  question: shortText(4000).min(1),
  raisedBy: IdSchema,
  raisedAt: TimestampSchema,
  answer: shortText(20_000).optional(),
  answeredBy: IdSchema.optional(),
  answeredAt: TimestampSchema.optional(),
  /** Withdrawn by the receiver before it was answered: no longer open, kept in the record. */
  withdrawnAt: TimestampSchema.optional(),
  /** Who withdrew it (the receiver then; after a reassignment, not always who raised it). Absent on older records: the raiser. */
  withdrawnBy: IdSchema.optional(),
  withdrawnReason: shortText(2000).optional(),
});
export type Gap = z.infer<typeof GapSchema>;

export const CompletenessSchema = z.object({
  required: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  /** Field ids with the reason each fails its check. */
  missing: z.array(z.object({ fieldId: IdSchema, reason: shortText(500) })).max(60),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const HandoffSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  templateId: IdSchema,
  templateVersion: z.number().int().min(1),
  title: shortText(300),
  fields: z
    .record(z.string().max(64), z.unknown())
    .refine((f) => JSON.stringify(f).length <= 500_000, 'the fields are too large (over 500 KB)'),
  /** The accountable owner: responsible for completeness, not just delivery. */
  senderId: IdSchema,
  receiverId: IdSchema.optional(),
  state: z.enum(HANDOFF_STATES),
  dueBy: TimestampSchema.optional(),
  sources: HandoffSourcesSchema.default({}),
  context: CapturedContextSchema.default({ participants: [] }),
  gaps: z.array(GapSchema).max(500).default([]),
  /** Rounds of gaps raised: 0 is a first-pass confirmation. */
  gapRounds: z.number().int().min(0).default(0),
  completenessAtSend: CompletenessSchema.optional(),
  override: z.object({ reason: shortText(2000).min(1), missing: z.array(IdSchema).max(60) }).optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  sentAt: TimestampSchema.optional(),
  confirmedAt: TimestampSchema.optional(),
  /**
   * The receiver's first confirmation, kept once an edit asks them to confirm again (confirmedAt is
   * cleared then): the client and its open items were handed over at it, so it is never cancelled.
   */
  firstConfirmedAt: TimestampSchema.optional(),
  cancelledAt: TimestampSchema.optional(),
  /**
   * The sender's edits after the send, since the receiver last confirmed: who, when, which template
   * fields changed (and whether the title or the confirm-by did).
   */
  lastEdit: z
    .object({ by: IdSchema, at: TimestampSchema, fieldIds: z.array(z.string().max(64)).max(100), title: z.boolean(), dueBy: z.boolean() })
    .optional(),
  /** The sender's last nudge: the next one waits (lib/workflow/nudge.ts). */
  lastNudgedAt: TimestampSchema.optional(),
  /** The last reassignment: who moved it, when, from whom, and why. */
  /** Members who hear of its moments besides sender and receiver (template defaults, rules, `handoff.watched`). */
  watcherIds: z.array(IdSchema).max(100).optional(),
  /** The rule that started this draft, and on what. */
  startedBy: StartedBySchema.optional(),
  reassignment: z.object({ by: IdSchema, at: TimestampSchema, fromId: IdSchema.optional(), reason: shortText(2000).optional() }).optional(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

/** An open action item on a client, owned by one person; a confirmed handoff can hand it on. */
export const OpenItemSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  text: shortText(1000).min(1),
  ownerEmail: OptionalEmailSchema,
  due: z.union([z.iso.date(), z.literal('')]).default(''),
  done: z.boolean(),
  sourceHandoffId: IdSchema.optional(),
  updatedAt: TimestampSchema,
});
export type OpenItem = z.infer<typeof OpenItemSchema>;

/** A gap still waiting for the sender's answer: neither answered nor withdrawn. */
export const isOpenGap = (gap: Gap): boolean => gap.answer === undefined && gap.withdrawnAt === undefined;
