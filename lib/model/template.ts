import { IdSchema, OptionalEmailSchema, UrlSchema, shortText } from './common';
import { TeamRoleIdSchema } from './team';
import { z } from './zod';

/** The kinds of field a handoff template can ask for. */
export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'list',
  'people',
  'link',
  'date',
  'kpi_targets',
  'checklist',
  'decisions',
  'action_items',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TemplateFieldSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,60}$/, 'field ids are snake_case'),
  label: shortText(120).min(1),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  /** One or two sentences for a busy account manager: what good looks like, not what the field is. */
  help: shortText(600).min(1),
  placeholder: shortText(200).optional(),
  /** For checklists: the items every handoff of this kind must tick. */
  items: z.array(shortText(200).min(1)).max(50).optional(),
});
export type TemplateField = z.infer<typeof TemplateFieldSchema>;

export const HANDOFF_KINDS = [
  'sales_to_am',
  'brief_to_creative',
  'strategy_to_media',
  'launch_to_reporting',
  'am_transition',
  'coverage',
  'offboarding',
  'custom',
] as const;

export const TemplateSchema = z
  .object({
    id: IdSchema,
    version: z.number().int().min(1),
    kind: z.enum(HANDOFF_KINDS),
    name: shortText(120).min(1),
    description: shortText(600).min(1),
    /** Who typically hands off, and to whom: "Sales" → "Account manager". */
    fromRole: shortText(80).min(1),
    toRole: shortText(80).min(1),
    /** The same flow in client-team roles (lib/model/team.ts): what the map draws and rules resolve. */
    fromRoleId: TeamRoleIdSchema.optional(),
    toRoleId: TeamRoleIdSchema.optional(),
    /** Client-team roles that watch every handoff of this template by default. */
    watcherRoleIds: z.array(TeamRoleIdSchema).max(20).optional(),
    /** Confirming this handoff makes the receiver the client's owner (transitions, coverage). */
    transfersOwnership: z.boolean(),
    /** Hours the receiver has to confirm, by default. */
    confirmWithinHours: z.number().int().min(1).max(24 * 30),
    builtIn: z.boolean(),
    fields: z.array(TemplateFieldSchema).min(1).max(60),
  })
  .refine((t) => new Set(t.fields.map((f) => f.id)).size === t.fields.length, 'field ids must be unique');
export type Template = z.infer<typeof TemplateSchema>;

// The value each field type holds. Lenient on emptiness (drafts are incomplete by nature): the
// completeness check, not the schema, decides whether a handoff may be sent.
const text = z.string().max(20_000);
export const KpiTargetSchema = z.object({
  metric: shortText(200),
  value: shortText(200),
  /** Checked against the client's real data (margins, ad history)? null: not answered yet. */
  validated: z.boolean().nullable(),
  evidence: shortText(2000).default(''),
});
export const ChecklistItemSchema = z.object({ label: shortText(200), done: z.boolean() });
export const DecisionSchema = z.object({
  decision: shortText(1000),
  rationale: shortText(4000),
  consideredAndRejected: shortText(4000).default(''),
});
export const ActionItemSchema = z.object({
  id: IdSchema,
  text: shortText(1000),
  ownerEmail: OptionalEmailSchema.default(''),
  due: z.union([z.iso.date(), z.literal('')]).default(''),
});
const LoosePersonSchema = z.object({ name: shortText(200), role: shortText(200).default(''), email: shortText(254) });

export const FIELD_VALUE_SCHEMAS = {
  short_text: shortText(500),
  long_text: text,
  list: z.array(shortText(2000)).max(200),
  people: z.array(LoosePersonSchema).max(100),
  link: z.union([UrlSchema, z.literal('')]),
  date: z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.literal('')]),
  kpi_targets: z.array(KpiTargetSchema).max(100),
  checklist: z.array(ChecklistItemSchema).max(100),
  decisions: z.array(DecisionSchema).max(100),
  action_items: z.array(ActionItemSchema).max(200),
} satisfies Record<FieldType, z.ZodType>;

export type FieldValue<T extends FieldType = FieldType> = z.infer<(typeof FIELD_VALUE_SCHEMAS)[T]>;
export type KpiTarget = z.infer<typeof KpiTargetSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
