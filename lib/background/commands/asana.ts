// Asana, through the team hub (admins): see the connection, connect a bot user's token, disconnect.
import { z } from '../../model/zod';
import type { HubReply } from '../../sync/hub-client';
import { connectAsana, disconnectAsana, fetchAsanaStatus, type AsanaStatus } from '../../sync/hub-asana';
import { CommandError } from '../command-error';
import type { Session } from '../workspace';
import { NO_FIELDS, PAGES, defineCommand, returns } from './define';
import { hubAnswer } from './hub-answer';

/**
 * Without a hub there is no Asana: the page says so and links to Settings → Team hub. The hub shows
 * the connection to admins only: a member's view has no status (an admin connects Asana for the team).
 */
export type AsanaView = { hub: false } | { hub: true; status?: AsanaStatus };

const NEEDS_HUB = 'Asana needs the team hub: connect this browser to your agency’s hub first (Settings → Team hub).';

function hubOf(session: Session, admin: boolean) {
  if (!session.hub) throw new CommandError(NEEDS_HUB, 'unavailable');
  if (admin && session.me.role !== 'admin') throw new CommandError('Only an admin can connect or disconnect Asana.', 'forbidden');
  return session.hub;
}

/** A hub from before Asana answers its routes with a bare 404: say that, not "not a Baton hub". */
const answer = <T>(reply: HubReply<T>): T => hubAnswer(reply, 'Asana');

export const asanaCommands = [
  defineCommand({
    type: 'asana/status', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<AsanaView>(),
    async handle(_request, { session }): Promise<AsanaView> {
      const s = await session();
      if (!s.hub) return { hub: false };
      // The hub's GET /v1/integrations/asana is for admins: a member does not ask it.
      if (s.me.role !== 'admin') return { hub: true };
      return { hub: true, status: answer(await fetchAsanaStatus(s.hub)) };
    },
  }),
  /** The token goes to the hub in this request and nowhere else. */
  defineCommand({
    type: 'asana/connect', schema: z.object({ token: z.string().trim().min(1, 'Paste the Asana access token.').max(500) }), from: PAGES, kind: 'write', effects: [], response: returns<AsanaView>(),
    async handle({ token }, { session }): Promise<AsanaView> {
      const hub = hubOf(await session(), true);
      return { hub: true, status: answer(await connectAsana(hub, token)) };
    },
  }),
  defineCommand({
    type: 'asana/disconnect', schema: NO_FIELDS, from: PAGES, kind: 'write', effects: [], response: returns<AsanaView>(),
    async handle(_request, { session }): Promise<AsanaView> {
      const hub = hubOf(await session(), true);
      answer(await disconnectAsana(hub));
      return { hub: true, status: answer(await fetchAsanaStatus(hub)) };
    },
  }),
] as const;
