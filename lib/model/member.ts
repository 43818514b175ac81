import { EmailSchema, IdSchema, shortText } from './common';
import { z } from './zod';

export const MEMBER_ROLES = ['admin', 'member'] as const;
export const MemberSchema = z.object({
  id: IdSchema,
  name: shortText(200).min(1),
  email: EmailSchema,
  role: z.enum(MEMBER_ROLES),
});
export type Member = z.infer<typeof MemberSchema>;

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: shortText(200).min(1),
  /** The agency's own mail domains: colleagues never identify a client. */
  ownDomains: z.array(z.string().trim().toLowerCase().max(253)).max(100).default([]),
  /** Loaded cost of an hour, for the cost of failures (DOMAIN.md). */
  hourlyRate: z.number().nonnegative().max(100_000).default(75),
  currency: z.string().length(3).default('USD'),
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;
