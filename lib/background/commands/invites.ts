// Invites to the team hub, made by an admin from Settings → Team: the hub makes them (and decides who
// is an admin, from the workspace's log); these commands carry the admin's token to it.
import { createInvite, listInvites, revokeInvite, type HubConnection, type HubInvite, type NewHubInvite } from '../../sync/hub-client';
import { EmailSchema, shortText } from '../../model/common';
import { MEMBER_ROLES } from '../../model/member';
import { z } from '../../model/zod';
import { CommandError } from '../command-error';
import { NO_FIELDS, PAGES, defineCommand, returns, type CommandContext } from './define';
import { hubAnswer } from './hub-answer';

async function connectedHub({ session }: Pick<CommandContext, 'session'>): Promise<HubConnection> {
  const { hub } = await session();
  if (!hub) throw new CommandError('Connect to a team hub (Settings → Team hub) to invite colleagues.', 'unavailable');
  return hub;
}

export const inviteCommands = [
  defineCommand({
    type: 'invite/create', schema: z.object({ name: shortText(200).min(1), email: EmailSchema, role: z.enum(MEMBER_ROLES).default('member') }), from: PAGES, kind: 'write', effects: [], response: returns<NewHubInvite>(),
    handle: async (invitee, context) => hubAnswer(await createInvite(await connectedHub(context), invitee)),
  }),
  defineCommand({
    type: 'invite/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<HubInvite[]>(),
    async handle(_request, context) {
      const { hub } = await context.session();
      return hub ? hubAnswer(await listInvites(hub)) : [];
    },
  }),
  defineCommand({
    type: 'invite/revoke', schema: z.object({ id: z.string().min(1).max(100) }), from: PAGES, kind: 'write', effects: [], response: returns<HubInvite[]>(),
    async handle({ id }, context) {
      const hub = await connectedHub(context);
      hubAnswer(await revokeInvite(hub, id));
      return hubAnswer(await listInvites(hub));
    },
  }),
] as const;
