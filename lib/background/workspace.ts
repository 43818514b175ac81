import { appendEvent } from '../db/event-store';
import { getMeta, putMeta } from '../db/meta';
import { openBatonDb, type BatonDatabase } from '../db/open';
import { listClients } from '../db/queries';
import { DB_NAME, type MetaKey } from '../db/schema';
import { makeEvent } from '../events/make-event';
import { ClientSchema } from '../model/client';
import { newId } from '../model/common';
import { MemberSchema, type Member } from '../model/member';
import type { Workspace } from '../model/member';
import { redeemInvite, type HubConnection } from '../sync/hub-client';
import { forgetHubConnection, loadHubConnection, saveHubConnection } from '../storage/hub-connection-store';
import { STORAGE_KEYS } from '../storage/keys';
import { getItem, removeItem } from '../storage/store';
import { syncOnce } from '../sync/sync';
import { CommandError } from './command-error';
import { defaultRuleEvents } from '../workflow/default-rules';

export interface Session {
  db: BatonDatabase;
  me: Member;
  workspace: Workspace;
  hub?: HubConnection;
}

export const ME_KEY = 'me' satisfies MetaKey;

/** Who a new local workspace's member is until the person says otherwise. */
export const DEFAULT_ME = { name: 'You', email: 'you@baton.local' } as const;

/** The Google account Baton saw signed in to Gmail, and the name the page gave it (if any). */
export interface SeenAccount {
  email: string;
  name?: string;
}

/**
 * Who Baton suggests you are: the signed-in Gmail account, offered only while the local member is
 * still the default. A name or address the person set themselves is never second-guessed, and on a
 * hub the hub's member is who you are.
 */
export function identitySuggestion(me: Pick<Member, 'name' | 'email'>, onHub: boolean, seen: SeenAccount | undefined): SeenAccount | undefined {
  if (onHub || !seen) return undefined;
  if (me.name !== DEFAULT_ME.name || me.email !== DEFAULT_ME.email) return undefined;
  return seen.name ? { email: seen.email, name: seen.name } : { email: seen.email };
}

/** The workspace record: a session has one from its first event (workspace.created) on. */
async function workspaceOf(db: BatonDatabase): Promise<Workspace> {
  const workspace = await getMeta(db, 'workspace');
  if (!workspace) throw new Error('This workspace has no record yet: its first event has not arrived.');
  return workspace;
}

/** The local workspace, created on first use with the user as its admin: Baton works without a hub. */
async function openLocalSession(dbName: string): Promise<Session> {
  const db = await openBatonDb(dbName);
  let meId = await getMeta(db, ME_KEY);
  if (!meId || !(await db.get('members', meId))) {
    const me: Member = { id: newId(), ...DEFAULT_ME, role: 'admin' };
    if (!(await getMeta(db, 'workspace'))) {
      const created = await appendEvent(db, makeEvent('workspace.created', me.id, newId(), { workspace: { id: newId(), name: 'My agency' }, admin: me }));
      if (!created.ok) throw new Error(`Could not create the workspace: ${created.problem.message}`);
      // A new agency starts with the default workflow rules (lib/workflow/default-rules.ts), on.
      for (const rule of defaultRuleEvents(me.id, new Date())) await appendEvent(db, rule);
    }
    await putMeta(db, ME_KEY, me.id);
    meId = me.id;
  }
  const me = MemberSchema.parse(await db.get('members', meId));
  await importLegacyClients(db, me);
  return { db, me, workspace: await workspaceOf(db) };
}

/** The hub's workspace, in its own database; its log arrives from the hub. */
async function openHubSession(dbName: string, hub: HubConnection): Promise<Session> {
  const db = await openBatonDb(`${dbName}-ws-${hub.workspaceId}`);
  if (!(await db.get('members', hub.memberId))) {
    const first = await syncOnce(db, hub);
    if (first.problem) throw new CommandError(first.problem.message, first.problem.code);
  }
  const me = MemberSchema.parse(await db.get('members', hub.memberId));
  return { db, me, workspace: await workspaceOf(db), hub };
}

async function importLegacyClients(db: BatonDatabase, me: Member): Promise<void> {
  const stored = await getItem(STORAGE_KEYS.legacyClients);
  if (!stored) return;
  for (const raw of stored) {
    const client = ClientSchema.safeParse(raw);
    if (!client.success) continue;
    const { id, name, identifiers } = client.data;
    await appendEvent(db, makeEvent('client.created', me.id, id, { name, identifiers }, { at: client.data.createdAt }));
  }
  await removeItem(STORAGE_KEYS.legacyClients);
}

/** One session per worker life, opened on first use; a failed open is retried on the next call. */
export function createWorkspaceService(dbName = DB_NAME) {
  let pending: Promise<Session> | null = null;
  const open = async () => {
    const hub = await loadHubConnection(dbName);
    return hub ? openHubSession(dbName, hub) : openLocalSession(dbName);
  };
  return {
    session(): Promise<Session> {
      pending ??= open().catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    /** The workspace record or my member changed: read them again. */
    async refresh(): Promise<Session> {
      const session = await this.session();
      session.workspace = await workspaceOf(session.db);
      session.me = MemberSchema.parse(await session.db.get('members', session.me.id));
      return session;
    },
    /**
     * Joins a team hub with an invite code (or, with `redeem`, a sign-in's one-time code). The clients of the local workspace come along (as new
     * events by the joining member); the local workspace stays as it was, for a later disconnect.
     */
    async connect(url: string, code: string, redeem: typeof redeemInvite = redeemInvite): Promise<Session> {
      const joined = await redeem(url, code);
      if (!joined.ok) throw new CommandError(joined.problem.message, joined.problem.code);
      const local = await this.session();
      const hub: HubConnection = { url, token: joined.data.token, memberId: joined.data.member.id, workspaceId: joined.data.workspaceId };
      // The invite is spent: keep the token before anything else can fail.
      await saveHubConnection(hub, dbName);
      pending = null;
      const session = await openHubSession(dbName, hub);
      const known = new Set((await listClients(session.db)).values.map((c) => c.name.toLowerCase()));
      for (const client of (await listClients(local.db)).values) {
        if (client.archived || known.has(client.name.toLowerCase())) continue;
        await appendEvent(session.db, makeEvent('client.created', hub.memberId, newId(), { name: client.name, identifiers: client.identifiers }));
      }
      pending = Promise.resolve(session);
      return session;
    },
    /** The store was replaced underneath (a restored backup): open it afresh on the next call. */
    reopen(): void {
      pending = null;
    },
    async disconnect(): Promise<void> {
      await forgetHubConnection(dbName);
      pending = null;
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
