import { IdSchema, shortText } from './common';
import { z } from './zod';

/** A role on a client's team ("Media buyer"): workspace data an admin edits; its id is what rules and templates name. */
export const TeamRoleIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'role ids are snake_case');
export const TeamRoleSchema = z.object({ id: TeamRoleIdSchema, name: shortText(80).min(1, 'A role needs a name.') });
export type TeamRole = z.infer<typeof TeamRoleSchema>;

/** The roles of an agency's client teams until an admin changes them (DOMAIN.md's handoffs run between these). */
export const DEFAULT_TEAM_ROLES: readonly TeamRole[] = [
  { id: 'account_manager', name: 'Account manager' },
  { id: 'strategist', name: 'Strategist' },
  { id: 'media_buyer', name: 'Media buyer' },
  { id: 'creative', name: 'Creative' },
  { id: 'analyst', name: 'Analyst' },
  { id: 'sales', name: 'Sales' },
];

export const TeamRolesSchema = z
  .array(TeamRoleSchema)
  .min(1, 'Keep at least one role.')
  .max(30)
  .refine((roles) => new Set(roles.map((r) => r.id)).size === roles.length, 'role ids must be unique');

/** A client's team: who holds each role for this client (role id → member id). A role not in it: nobody yet. */
export const ClientTeamSchema = z.record(TeamRoleIdSchema, IdSchema).refine((team) => Object.keys(team).length <= 30, 'too many roles');
export type ClientTeam = z.infer<typeof ClientTeamSchema>;

/** The workspace's roles: its own list once an admin set one, else the defaults. */
export function teamRoles(workspace: { roles?: readonly TeamRole[] } | undefined): readonly TeamRole[] {
  return workspace?.roles && workspace.roles.length > 0 ? workspace.roles : DEFAULT_TEAM_ROLES;
}

/** A role's name for people ("Media buyer"); an id no longer in the list reads as itself, spaced. */
export function roleName(roles: readonly TeamRole[], roleId: string): string {
  return roles.find((r) => r.id === roleId)?.name ?? roleId.replace(/_/g, ' ');
}

/** Who holds `roleId` on the client's team, if anyone. */
export function clientTeamMember(client: { team?: ClientTeam } | undefined, roleId: string): string | undefined {
  return client?.team?.[roleId];
}
