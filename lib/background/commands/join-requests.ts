// People waiting for an admin's approval to join the team hub (they signed in with an allowed address
// on a hub where newcomers wait): an admin lists them, approves or declines each.
import { CommandError } from '../command-error';
import { z } from '../../model/zod';
import { decideJoinRequest, fetchJoinRequests, type JoinRequest } from '../../sync/sign-in';
import { NO_FIELDS, PAGES, defineCommand, returns, type CommandContext } from './define';

/** The hub connection, for an admin's request to it (undefined: a local workspace, where no one waits). */
async function adminHub(context: CommandContext) {
  const session = await context.session();
  if (session.hub && session.me.role !== 'admin') throw new CommandError('Only an admin decides who joins.', 'forbidden');
  return session.hub;
}

async function answered(reply: Awaited<ReturnType<typeof fetchJoinRequests>>): Promise<JoinRequest[]> {
  if (!reply.ok) throw new CommandError(reply.problem.message, reply.problem.code);
  return reply.data.requests;
}

export const joinRequestCommands = [
  defineCommand({
    type: 'hub/join-requests', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<JoinRequest[]>(),
    async handle(_request, context) {
      const hub = await adminHub(context);
      return hub ? answered(await fetchJoinRequests(hub)) : [];
    },
  }),
  defineCommand({
    type: 'hub/decide-join-request',
    schema: z.object({ id: z.string().min(1).max(100), decision: z.enum(['approve', 'decline']) }),
    from: PAGES, kind: 'write', effects: [], response: returns<JoinRequest[]>(),
    async handle({ id, decision }, context) {
      const hub = await adminHub(context);
      if (!hub) throw new CommandError('Connect to a team hub first.', 'unavailable');
      return answered(await decideJoinRequest(hub, id, decision));
    },
  }),
] as const;
