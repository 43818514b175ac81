// Client teams by role: who holds each role for a client (`client.team_set`, one per changed role), and
// the workspace's roles (`workspace.updated { roles }`, admins).
import { getMeta } from '../db/meta';
import { listClients, listMembers } from '../db/queries';
import { makeEvent } from '../events/make-event';
import type { Client } from '../model/client';
import type { BatonEvent } from '../model/event';
import { teamRoles, type TeamRole } from '../model/team';
import type { Template } from '../model/template';
import type { Member } from '../model/member';
import type { Rule } from '../model/rule';
import type { TeamPair } from '../import/team-column';
import { teamReceiver } from '../workflow/team-receivers';
import { append, appendAll } from './append';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** The roles and, for each, how many clients have someone in it (removing a held role asks first). */
export interface TeamRolesView {
  roles: TeamRole[];
  held: Record<string, number>;
  /** The names of the rules that name each role (removing it warns with them). */
  ruledBy: Record<string, string[]>;
  /**
   * Role ids a new role must not take again: still held on some client's team (archived ones too) or
   * named by a rule, so a removed role's old holders and rules do not come back with a new one.
   */
  taken: string[];
  isAdmin: boolean;
}

/** For each role id, the names of the rules that name it as sender, receiver or watcher. */
function rulesByRole(rules: readonly Rule[]): Record<string, string[]> {
  const ruledBy: Record<string, string[]> = {};
  for (const rule of rules) {
    const roleIds = new Set([rule.start.sender, rule.start.receiver, ...rule.start.watchers].flatMap((p) => ('role' in p ? [p.role] : [])));
    for (const roleId of roleIds) (ruledBy[roleId] ??= []).push(rule.name);
  }
  return ruledBy;
}

/** The workspace record as the log last left it (the session's copy may predate a synced change). */
export async function currentRoles(session: Session): Promise<TeamRole[]> {
  const stored = await getMeta(session.db, 'workspace');
  return [...teamRoles((stored as { roles?: TeamRole[] } | undefined) ?? session.workspace)];
}

export async function teamRolesView(session: Session): Promise<TeamRolesView> {
  const roles = await currentRoles(session);
  const held: Record<string, number> = {};
  const taken = new Set<string>();
  for (const client of (await listClients(session.db)).values) {
    for (const roleId of Object.keys(client.team ?? {})) {
      taken.add(roleId);
      if (!client.archived) held[roleId] = (held[roleId] ?? 0) + 1;
    }
  }
  const ruledBy = rulesByRole((await getMeta(session.db, 'workspace'))?.rules ?? []);
  for (const roleId of Object.keys(ruledBy)) taken.add(roleId);
  return { roles, held, ruledBy, taken: [...taken].sort(), isAdmin: session.me.role === 'admin' };
}

/**
 * The client's team as chosen: one `client.team_set` per role that changes (null: nobody), appended
 * together or not at all. Roles left out stay as they are.
 */
export async function setClientTeam(session: Session, clientId: string, team: Record<string, string | null>): Promise<Client> {
  const client = await session.db.get('clients', clientId);
  if (!client) throw new CommandError('Unknown client.', 'not-found');
  const current: Record<string, string> = client.team ?? {};
  const events: BatonEvent[] = [];
  for (const [roleId, memberId] of Object.entries(team)) {
    if ((current[roleId] ?? null) === memberId) continue;
    events.push(makeEvent('client.team_set', session.me.id, clientId, { roleId, memberId }));
  }
  if (events.length > 0) await appendAll(session, events);
  return (await session.db.get('clients', clientId)) as Client;
}

/** Admins only: the workspace's roles, as a whole list (renamed, added, removed). */
export async function setTeamRoles(session: Session, roles: TeamRole[]): Promise<TeamRolesView> {
  if (session.me.role !== 'admin') throw new CommandError('Only an admin can change the team roles.', 'forbidden');
  await append(session, makeEvent('workspace.updated', session.me.id, session.workspace.id, { roles }));
  return teamRolesView(session);
}

/**
 * The `client.team_set` events an imported row's team makes (lib/import/team-column.ts): one per role
 * whose holder changes. Pairs are checked already: every email names an active member.
 */
export function importedTeamEvents(actorId: string, clientId: string, team: Client['team'], pairs: readonly TeamPair[], memberByEmail: ReadonlyMap<string, Member>): BatonEvent[] {
  return pairs.flatMap(({ roleId, email }) => {
    const member = memberByEmail.get(email);
    if (!member || team?.[roleId] === member.id) return [];
    return [makeEvent('client.team_set', actorId, clientId, { roleId, memberId: member.id })];
  });
}

/** The receiver a new handoff of `template` for the client starts with: the client's holder of its receiving role. */
export async function teamReceiverFor(session: Session, clientId: string, template: Pick<Template, 'toRoleId'>): Promise<string | undefined> {
  if (!template.toRoleId) return undefined;
  const client = await session.db.get('clients', clientId);
  if (!client?.team) return undefined;
  return teamReceiver(client.team, template, (await listMembers(session.db)).values, session.me.id);
}
