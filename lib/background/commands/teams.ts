// Client teams by role: the workspace's roles (admins change them) and who holds each for a client.
import { IdSchema } from '../../model/common';
import type { Client } from '../../model/client';
import { TeamRoleIdSchema, TeamRolesSchema } from '../../model/team';
import { z } from '../../model/zod';
import { setClientTeam, setTeamRoles, teamRolesView, type TeamRolesView } from '../teams';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type Effect } from './define';

const WORKSPACE_CHANGE: readonly Effect[] = [...CHANGE, 'refresh-session'];

export const teamCommands = [
  defineCommand({
    type: 'team/roles', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<TeamRolesView>(),
    handle: async (_request, { session }) => teamRolesView(await session()),
  }),
  /** One `client.team_set` per role whose holder changes (null: nobody); roles not named stay. */
  defineCommand({
    type: 'client/set-team',
    schema: z.object({ clientId: IdSchema, team: z.record(TeamRoleIdSchema, IdSchema.nullable()).refine((t) => Object.keys(t).length <= 30, 'too many roles') }),
    from: PAGES, kind: 'write', effects: CHANGE, response: returns<Client>(),
    handle: async ({ clientId, team }, { session }) => setClientTeam(await session(), clientId, team),
  }),
  /** Admins only: the workspace's team roles, the whole list. */
  defineCommand({
    type: 'workspace/set-roles', schema: z.object({ roles: TeamRolesSchema }), from: PAGES, kind: 'write', effects: WORKSPACE_CHANGE, response: returns<TeamRolesView>(),
    handle: async ({ roles }, { session }) => setTeamRoles(await session(), roles),
  }),
] as const;
