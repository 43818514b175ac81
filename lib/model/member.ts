import { DEFAULT_CURRENCY, DEFAULT_HOURLY_RATE } from '../workflow/defaults';
import { EmailSchema, IdSchema, shortText, TimestampSchema } from './common';
import { RuleSchema } from './rule';
import { TeamRoleSchema } from './team';
import { z } from './zod';

export const MEMBER_ROLES = ['admin', 'member'] as const;
export const MemberSchema = z.object({
  id: IdSchema,
  name: shortText(200).min(1),
  email: EmailSchema,
  role: z.enum(MEMBER_ROLES),
  /** When an admin removed them (`member.removed`): gone from the team and the pickers, their history kept. */
  removedAt: TimestampSchema.optional(),
});
export type Member = z.infer<typeof MemberSchema>;
/** A member as an event adds one: never already removed. */
export const NewMemberSchema = MemberSchema.omit({ removedAt: true });

/** Whether the member is on the team now (not removed). */
export const isActive = (member: Pick<Member, 'removedAt'>): boolean => member.removedAt === undefined;

/** How overdue confirmations are chased: the receiver is reminded, then the admins are told (0: never). */
export const ReminderSettingsSchema = z.object({
  remindEveryHours: z.number().int().min(0).max(24 * 30),
  escalateAfterHours: z.number().int().min(0).max(24 * 90),
});
export const DEFAULT_REMINDERS = { remindEveryHours: 4, escalateAfterHours: 24 } as const;

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: shortText(200).min(1),
  /** The agency's own mail domains: colleagues never identify a client. */
  ownDomains: z.array(z.string().trim().toLowerCase().max(253)).max(100).default([]),
  /** Loaded cost of an hour, for the cost of failures (DOMAIN.md). */
  hourlyRate: z.number().nonnegative().max(100_000).default(DEFAULT_HOURLY_RATE),
  currency: z.string().length(3).default(DEFAULT_CURRENCY),
  /** How overdue confirmations are chased; absent means the defaults (DEFAULT_REMINDERS). */
  reminders: ReminderSettingsSchema.optional(),
  /** The roles of client teams (lib/model/team.ts); absent: DEFAULT_TEAM_ROLES. */
  roles: z.array(TeamRoleSchema).max(30).optional(),
  /** Workflow rules (`rule.saved` / `rule.deleted`, admins): a trigger starts a handoff draft. */
  rules: z.array(RuleSchema).max(200).optional(),
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/**
 * An invite still waiting, as the hub lists it for admins (never its code; only its hash is kept).
 * `expiresAt` null: made before invites expired. The hub answers it and the extension shows it.
 */
export interface PendingInvite {
  id: string;
  name: string;
  email: string;
  role: Member['role'];
  createdAt: string;
  expiresAt: string | null;
}
