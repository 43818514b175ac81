import { IdSchema, shortText, TimestampSchema } from './common';
import { TeamRoleIdSchema } from './team';
import { z } from './zod';

const FieldIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,60}$/);

/** Who a rule names: a client-team role ("the client's creative") or one person. */
export const PartySchema = z.union([z.object({ role: TeamRoleIdSchema }).strict(), z.object({ memberId: IdSchema }).strict()]);
export type Party = z.infer<typeof PartySchema>;

/** What fires a rule. Asana triggers concern tasks of a project linked to a client (an `asana-project` identifier). */
export const RuleTriggerSpecSchema = z.discriminatedUnion('kind', [
  /** A task moves to the section of that name (trimmed, case-insensitive). */
  z.object({ kind: z.literal('asana.section'), sectionName: shortText(200).min(1) }),
  /** A custom field (an enum or text "Status") takes the value. */
  z.object({ kind: z.literal('asana.custom_field'), fieldName: shortText(200).min(1), value: shortText(200).min(1) }),
  z.object({ kind: z.literal('asana.completed') }),
  /** A handoff of the template is confirmed: chains (strategy → media buying confirmed drafts launch → reporting). */
  z.object({ kind: z.literal('handoff.confirmed'), templateId: IdSchema }),
  /** A date field of a confirmed handoff of the template is reached. */
  z.object({ kind: z.literal('date.reached'), templateId: IdSchema, fieldId: FieldIdSchema }),
]);
export type RuleTriggerSpec = z.infer<typeof RuleTriggerSpecSchema>;
export type RuleTriggerKind = RuleTriggerSpec['kind'];

/** Where a prefilled field's value comes from: the Asana task, the source handoff's field, or fixed text. */
export const PrefillSourceSchema = z.union([
  z.object({ from: z.enum(['task.name', 'task.url', 'task.notes', 'task.due_on']) }).strict(),
  z.object({ from: z.literal('field'), fieldId: FieldIdSchema }).strict(),
  z.object({ text: shortText(2000) }).strict(),
]);
export type PrefillSource = z.infer<typeof PrefillSourceSchema>;

export const RuleSchema = z.object({
  id: IdSchema,
  name: shortText(120).min(1, 'A rule needs a name.'),
  enabled: z.boolean(),
  /** Only this client's tasks and handoffs; absent: every client. */
  clientId: IdSchema.optional(),
  trigger: RuleTriggerSpecSchema,
  start: z.object({
    templateId: IdSchema,
    sender: PartySchema,
    receiver: PartySchema,
    /** Hours the receiver has once it is sent; absent: the template's. */
    confirmWithinHours: z.number().int().min(1).max(24 * 90).optional(),
    /** Chains: the confirm-by is this date field of the source handoff (the launch date). */
    dueFromFieldId: FieldIdSchema.optional(),
    watchers: z.array(PartySchema).max(20).default([]),
    prefill: z.record(FieldIdSchema, PrefillSourceSchema).refine((p) => Object.keys(p).length <= 60, 'too many prefilled fields').default({}),
  }),
  /** What the hub writes back to the Asana task a handoff came from. */
  writeBack: z
    .object({ comment: z.boolean(), assignOnConfirm: z.boolean(), moveToSectionOnConfirm: shortText(200).optional() })
    .default({ comment: true, assignOnConfirm: false }),
  createdAt: TimestampSchema,
  /**
   * Since when the rule fires as it is now: set when it is made, turned back on, or its trigger or
   * the template it starts changes. Rules measure "the past" from it (absent: `createdAt`), so turning
   * a rule back on or changing what it listens to does not replay what happened before.
   */
  activeSince: TimestampSchema.optional(),
  updatedAt: TimestampSchema,
});
export type Rule = z.infer<typeof RuleSchema>;

/**
 * The source event a rule fired on, kept on the draft it started. `key` names the event uniquely
 * (`asana:<task>:section:<section>`, `handoff:<id>:confirmed`, `date:<handoff>:<field>`): one key, one draft.
 */
export const RuleTriggerSourceSchema = z.object({
  kind: z.enum(['asana.section', 'asana.custom_field', 'asana.completed', 'handoff.confirmed', 'date.reached']),
  key: shortText(300).min(1),
  label: shortText(500).min(1),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});
export type RuleTriggerSource = z.infer<typeof RuleTriggerSourceSchema>;

export const StartedBySchema = z.object({ ruleId: IdSchema, ruleName: shortText(120).min(1), trigger: RuleTriggerSourceSchema });
export type StartedBy = z.infer<typeof StartedBySchema>;
