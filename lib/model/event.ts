import { ClientSchema } from './client';
import { IdSchema, OptionalEmailSchema, PersonSchema, TimestampSchema, UrlSchema, shortText } from './common';
import { CapturedContextSchema, HandoffSourcesSchema } from './handoff';
import { IdentifierSchema } from './identifier';
import { MemberSchema, NewMemberSchema, WorkspaceSchema } from './member';
import { FailureSchema, NoteSchema } from './note';
import { RuleSchema, StartedBySchema } from './rule';
import { TeamRoleIdSchema, TeamRolesSchema } from './team';
import { failure, type Result, succeed } from '../result';
import { TemplateSchema } from './template';
import { z } from './zod';

export const EVENT_SCHEMA_VERSION = 1;

/** Field values nest at most this deep (the fields themselves are the first level). */
const MAX_FIELD_DEPTH = 32;

/**
 * Whether `value` nests objects and arrays at most `limit` levels deep, walked with an explicit
 * stack: a hostile value 20,000 levels deep must not overflow the call stack of a recursive walk.
 */
function nestsWithin(value: unknown, limit: number): boolean {
  const pending: { item: unknown; level: number }[] = [{ item: value, level: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.item !== 'object' || next.item === null) continue;
    if (next.level > limit) return false;
    for (const child of Object.values(next.item)) pending.push({ item: child, level: next.level + 1 });
  }
  return true;
}

// Field values are checked against their template by the reducer; here only their shape is bounded.
// The depth check aborts the rest: JSON.stringify in the size check recurses.
const fields = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,60}$/), z.unknown())
  .refine((f) => Object.keys(f).length <= 100, 'too many fields')
  .refine((f) => nestsWithin(f, MAX_FIELD_DEPTH), { message: `nested deeper than ${MAX_FIELD_DEPTH} levels`, abort: true })
  .refine((f) => JSON.stringify(f).length <= 500_000, 'the fields are too large (over 500 KB)');
const clientPatch = z.object({
  name: ClientSchema.shape.name.optional(),
  ownerId: IdSchema.optional(),
  stakeholders: z.array(PersonSchema).max(200).optional(),
  preferences: ClientSchema.shape.preferences.optional(),
  sensitivities: ClientSchema.shape.sensitivities.optional(),
  toneOfVoiceUrl: z.union([UrlSchema, z.literal('')]).optional(),
  identifiers: z.array(IdentifierSchema).max(500).optional(),
});

/** Every change is one of these; the payload schema is chosen by `type`. */
export const EVENT_PAYLOADS = {
  'workspace.created': z.object({ workspace: WorkspaceSchema.omit({ createdAt: true }), admin: NewMemberSchema }),
  // Each field optional and without its default: an update carries only what it changes (a default
  // here would reset, say, the agency's domains whenever the reminders are saved).
  'workspace.updated': z.object({
    name: WorkspaceSchema.shape.name.optional(),
    ownDomains: WorkspaceSchema.shape.ownDomains.unwrap().optional(),
    hourlyRate: WorkspaceSchema.shape.hourlyRate.unwrap().optional(),
    currency: WorkspaceSchema.shape.currency.unwrap().optional(),
    reminders: WorkspaceSchema.shape.reminders,
    roles: TeamRolesSchema.optional(),
  }),
  'member.added': z.object({ member: NewMemberSchema }),
  'member.updated': z.object({ name: MemberSchema.shape.name.optional(), email: MemberSchema.shape.email.optional(), role: MemberSchema.shape.role.optional() }),
  /** An admin took the member off the team: their tokens are revoked at the hub, their history stays. */
  'member.removed': z.object({ reason: shortText(2000).optional() }),
  'client.created': clientPatch.extend({ name: ClientSchema.shape.name }),
  'client.updated': clientPatch,
  'client.identifier_linked': z.object({ identifier: IdentifierSchema }),
  /** Archived clients keep their history but are no longer recognised or listed. */
  'client.archived': z.object({ archived: z.boolean() }),
  'template.saved': z.object({ template: TemplateSchema }),
  'handoff.created': z.object({
    clientId: IdSchema,
    templateId: IdSchema,
    templateVersion: z.number().int().min(1),
    title: shortText(300).optional(),
    receiverId: IdSchema.optional(),
    dueBy: TimestampSchema.optional(),
    sources: HandoffSourcesSchema.default({}),
    context: CapturedContextSchema.default({ participants: [] }),
    fields: fields.default({}),
    watcherIds: z.array(IdSchema).max(100).optional(),
    /** A rule started this draft (the event's id is then ruleEventIds(rule, trigger.key).eventId). */
    startedBy: StartedBySchema.optional(),
  }),
  'handoff.updated': z.object({
    title: shortText(300).optional(),
    receiverId: IdSchema.optional(),
    dueBy: TimestampSchema.optional(),
    fields: fields.default({}),
  }),
  'handoff.sent': z.object({ overrideReason: shortText(2000).optional(), dueBy: TimestampSchema.optional() }),
  'handoff.gaps_raised': z.object({
    gaps: z.array(z.object({ id: IdSchema, fieldIds: z.array(IdSchema).min(1).max(60), question: shortText(4000).min(1) })).min(1).max(50),
  }),
  'handoff.gaps_answered': z.object({
    answers: z.array(z.object({ gapId: IdSchema, answer: shortText(20_000).min(1) })).min(1).max(50),
    fields: fields.default({}),
  }),
  /**
   * `seenEditAt`: the version its receiver read (the last edit's time, null for none), so a confirmation
   * held for undo is refused when a required field changed meanwhile. Absent in older events: not checked.
   */
  'handoff.confirmed': z.object({ comment: shortText(4000).optional(), seenEditAt: TimestampSchema.nullable().optional() }),
  'handoff.cancelled': z.object({ reason: shortText(2000).optional() }),
  'handoff.reassigned': z.object({ receiverId: IdSchema, reason: shortText(2000).optional(), dueBy: TimestampSchema.optional() }),
  /**
   * The sender's new version of a sent (or confirmed) handoff: what it changes. `reconfirm` says a
   * required field changed, so a confirmed handoff awaits its receiver again; the reducer checks it
   * against the change, and the metrics fold reads it without keeping every field.
   */
  'handoff.edited': z.object({
    title: shortText(300).optional(),
    dueBy: TimestampSchema.optional(),
    fields: fields.default({}),
    reconfirm: z.boolean().default(false),
  }),
  /** The sender reminds the receiver now (at most once every few hours: lib/workflow/nudge.ts). */
  'handoff.nudged': z.object({}),
  'note.added': z.object({ note: NoteSchema }),
  'failure.logged': z.object({ failure: FailureSchema }),
  'item.added': z.object({ clientId: IdSchema, text: shortText(1000).min(1), ownerEmail: OptionalEmailSchema.default(''), due: z.union([z.iso.date(), z.literal('')]).default('') }),
  'item.completed': z.object({}),
  /** The receiver takes back a gap they raised that is not answered yet (issue 14). */
  'handoff.gap_withdrawn': z.object({ gapId: IdSchema, reason: shortText(2000).optional() }),
  /** Who holds a role on the client's team now (null: nobody). */
  'client.team_set': z.object({ roleId: TeamRoleIdSchema, memberId: IdSchema.nullable() }),
  /** An admin adds or changes a workflow rule (entity: the rule). */
  'rule.saved': z.object({ rule: RuleSchema }),
  'rule.deleted': z.object({}),
  /** The actor starts or stops watching the handoff. */
  'handoff.watched': z.object({}),
  'handoff.unwatched': z.object({}),
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export const ENTITY_KINDS = ['workspace', 'member', 'client', 'template', 'handoff', 'note', 'failure', 'item', 'rule'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const EnvelopeSchema = z.object({
  id: IdSchema,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  actor: IdSchema,
  at: TimestampSchema,
  entity: z.object({ kind: z.enum(ENTITY_KINDS), id: IdSchema }),
  payload: z.unknown(),
  v: z.literal(EVENT_SCHEMA_VERSION),
});

export type BatonEvent<T extends EventType = EventType> = T extends EventType
  ? Omit<z.infer<typeof EnvelopeSchema>, 'type' | 'payload'> & { type: T; payload: EventPayload<T> }
  : never;

/** Parses an event from anywhere (a page, IndexedDB, the hub); the problem names what is wrong. */
export function parseEvent(raw: unknown): Result<BatonEvent> {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) return failure('bad-request', describe(envelope.error));
  const payload = EVENT_PAYLOADS[envelope.data.type].safeParse(envelope.data.payload);
  if (!payload.success) return failure('bad-request', `${envelope.data.type}: ${describe(payload.error)}`);
  return succeed({ ...envelope.data, payload: payload.data } as BatonEvent);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid event';
  // An unknown type: zod's message would list every type there is (and grow with each one added).
  if (issue.path.length === 1 && issue.path[0] === 'type' && issue.code === 'invalid_value') return 'type: not a Baton event type (see lib/model/event.ts)';
  return `${issue.path.join('.') || 'event'}: ${issue.message}`;
}
