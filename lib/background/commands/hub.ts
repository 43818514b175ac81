// The team hub: join with an invite, see the connection, leave.
import type { HubStatus } from '../../messaging/protocol';
import { CommandError } from '../command-error';
import { assertJoinAllowed } from '../managed-policy';
import { IdSchema } from '../../model/common';
import { z } from '../../model/zod';
import { STORAGE_KEYS } from '../../storage/keys';
import { getItem } from '../../storage/store';
import { readInviteLink } from '../../sync/invite-link';
import { discardRefused, refusedChanges, retryRefused } from '../../sync/refused';
import { exchangeSignInCode, fetchHubInfo, type HubInfo, signInThroughHub } from '../../sync/sign-in';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type CommandContext, type Effect } from './define';

/** Joining or leaving changes the whole workspace: tabs are matched again and sync starts afresh. */
const NEW_HUB: readonly Effect[] = ['rematch', 'restart-sync'];

// The token travels with every request: plain http only to this machine.
const HUB_URL = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => u.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'Use https:// for a hub on another machine.');

async function hubStatus({ session }: Pick<CommandContext, 'session'>): Promise<HubStatus> {
  const s = await session();
  const status = (await getItem(STORAGE_KEYS.syncStatus)) ?? { pending: 0, live: false };
  const refused = (await refusedChanges(s.db)).map(({ id, type, reason, at }) => ({ id, type, reason, at }));
  return { ...status, pending: await s.db.count('outbox'), connected: Boolean(s.hub), url: s.hub?.url, me: s.me, refused };
}

const InviteCodeSchema = z.string().trim().min(10).max(200);

/** An invite link (`<hub>/join#<code>`), or the address and the code apart. */
const ConnectSchema = z.union([z.object({ link: z.string().max(10_000) }), z.object({ url: HUB_URL, code: InviteCodeSchema })]);

/** The address and the code a connect request carries, a link's checked like the fields; the reason in words when they are not. */
function addressAndCode(request: z.output<typeof ConnectSchema>): { url: string; code: string } {
  if (!('link' in request)) return request;
  const read = readInviteLink(request.link);
  if (!read.ok) throw new CommandError(read.problem.message, 'bad-request');
  const url = HUB_URL.safeParse(read.data.url);
  if (!url.success) throw new CommandError(url.error.issues[0]?.message ?? 'That link does not hold a hub’s address.', 'bad-request');
  return { url: url.data, code: read.data.code };
}

export const hubCommands = [
  defineCommand({
    type: 'hub/connect', schema: ConnectSchema, from: PAGES, kind: 'write', effects: NEW_HUB, response: returns<HubStatus>(),
    async handle(request, context) {
      const { url, code } = addressAndCode(request);
      await assertJoinAllowed({ url, method: 'invite' });
      await context.workspace.connect(url, code);
      return hubStatus(context);
    },
  }),
  // What a hub offers before joining it: its name, and the provider it signs people in with (lib/sync/sign-in.ts).
  defineCommand({
    type: 'hub/info', schema: z.object({ url: HUB_URL }), from: PAGES, kind: 'read', effects: [], response: returns<HubInfo>(),
    async handle({ url }) {
      const info = await fetchHubInfo(url);
      if (!info.ok) throw new CommandError(info.problem.message, info.problem.code);
      return info.data;
    },
  }),
  // Joining by signing in with the hub's provider (Google Workspace…) in the browser's sign-in window.
  defineCommand({
    type: 'hub/sign-in', schema: z.object({ url: HUB_URL }), from: PAGES, kind: 'write', effects: NEW_HUB, response: returns<HubStatus>(),
    async handle({ url }, context) {
      await assertJoinAllowed({ url, method: 'sign-in' });
      const signedIn = await signInThroughHub(url);
      if (!signedIn.ok) throw new CommandError(signedIn.problem.message, signedIn.problem.code);
      await context.workspace.connect(url, signedIn.data.code, (hub, code) => exchangeSignInCode(hub, code, signedIn.data.verifier));
      return hubStatus(context);
    },
  }),
  defineCommand({
    type: 'hub/status', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<HubStatus>(),
    handle: async (_request, context) => hubStatus(context),
  }),
  defineCommand({
    type: 'hub/disconnect', schema: NO_FIELDS, from: PAGES, kind: 'write', effects: NEW_HUB, response: returns<HubStatus>(),
    async handle(_request, context) {
      context.sync?.disconnect();
      await context.workspace.disconnect();
      return hubStatus(context);
    },
  }),
  // A change the hub refused: back into the outbox for the next round (sent again, cleaned), or forgotten.
  defineCommand({
    type: 'hub/retry-refused', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: CHANGE, response: returns<HubStatus>(),
    async handle({ id }, context) {
      const retried = await retryRefused((await context.session()).db, id);
      if (!retried.ok) throw new CommandError(retried.problem.message, retried.problem.code);
      return hubStatus(context);
    },
  }),
  defineCommand({
    type: 'hub/discard-refused', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: [], response: returns<HubStatus>(),
    async handle({ id }, context) {
      await discardRefused((await context.session()).db, id);
      return hubStatus(context);
    },
  }),
] as const;
