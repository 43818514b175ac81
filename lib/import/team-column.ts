// The optional `team` column of the client CSV import (ARCHITECTURE §3.3): the client's team by role,
// `role_id:email` pairs separated by spaces, e.g. `strategist:jane@agency.com creative:ana@agency.com`.
// Pure: the options page previews with it (with the roles and people it knows), and the background
// checks the same cell again against the workspace before it writes a `client.team_set` per pair.
import { TeamRoleIdSchema, type TeamRole } from '../model/team';
import { cutCodePoints } from '../text/clean-text';

export const MAX_TEAM_CELL = 20_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface TeamPair {
  roleId: string;
  email: string;
}

/** What the cell is checked against, when known: the workspace's roles, its active members' addresses. */
export interface TeamContext {
  roles?: readonly TeamRole[];
  memberEmails?: ReadonlySet<string>;
}

const shown = (text: string) => `“${cutCodePoints(text, 60)}”`;

/** The cell's pairs, in order, and what is wrong with it, each problem a sentence that says what to fix. */
export function readTeamCell(cell: string, context: TeamContext = {}): { pairs: TeamPair[]; errors: string[] } {
  if (cell.length > MAX_TEAM_CELL) return { pairs: [], errors: [`The team cell is longer than ${MAX_TEAM_CELL.toLocaleString('en-US')} characters.`] };
  const pairs: TeamPair[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const token of cell.split(/\s+/).filter(Boolean)) {
    const colon = token.indexOf(':');
    const roleId = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    const email = colon > 0 ? token.slice(colon + 1).toLowerCase() : '';
    if (!roleId || !email) {
      errors.push(`${shown(token)} is not a team entry: write role_id:email, e.g. strategist:jane@agency.com.`);
      continue;
    }
    if (!TeamRoleIdSchema.safeParse(roleId).success || (context.roles && !context.roles.some((r) => r.id === roleId))) {
      const known = context.roles ? ` Roles: ${context.roles.map((r) => r.id).join(', ')}.` : '';
      errors.push(`${shown(roleId)} is not one of the workspace’s roles.${known}`);
      continue;
    }
    if (!EMAIL.test(email)) errors.push(`${shown(email)} is not an email address.`);
    else if (context.memberEmails && !context.memberEmails.has(email)) errors.push(`${email} is not a member of your workspace.`);
    else if (seen.has(roleId)) errors.push(`The role ${roleId} is given twice: one person per role.`);
    else pairs.push({ roleId, email });
    seen.add(roleId);
  }
  return { pairs: errors.length > 0 ? [] : pairs, errors };
}
