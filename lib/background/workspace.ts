import { browser } from 'wxt/browser';
import { appendEvent } from '../db/event-store';
import { openBatonDb, type BatonDatabase } from '../db/open';
import { makeEvent } from '../events/make-event';
import { ClientSchema } from '../model/client';
import { newId } from '../model/common';
import { MemberSchema, type Member } from '../model/member';
import type { Workspace } from '../model/member';

export interface Session {
  db: BatonDatabase;
  me: Member;
  workspace: Workspace;
}

/** Where the first version kept clients, before the event log: imported once, then removed. */
export const LEGACY_CLIENTS_KEY = 'baton:clients';
const ME_KEY = 'me';

/**
 * Opens the local workspace, creating it on first use with the user as its admin. Baton works alone
 * on the local store; joining a team hub replaces the local workspace later.
 */
async function openSession(dbName?: string): Promise<Session> {
  const db = await openBatonDb(dbName);
  let meId = (await db.get('meta', ME_KEY)) as string | undefined;
  if (!meId || !(await db.get('members', meId))) {
    const me: Member = { id: newId(), name: 'You', email: 'you@baton.local', role: 'admin' };
    const workspace = (await db.get('meta', 'workspace')) as Workspace | undefined;
    if (!workspace) {
      const created = await appendEvent(db, makeEvent('workspace.created', me.id, newId(), { workspace: { id: newId(), name: 'My agency' }, admin: me }));
      if (!created.ok) throw new Error(`Could not create the workspace: ${created.reason}`);
    }
    await db.put('meta', me.id, ME_KEY);
    meId = me.id;
  }
  const me = MemberSchema.parse(await db.get('members', meId));
  await importLegacyClients(db, me);
  const workspace = (await db.get('meta', 'workspace')) as Workspace;
  return { db, me, workspace };
}

async function importLegacyClients(db: BatonDatabase, me: Member): Promise<void> {
  const stored = (await browser.storage.local.get(LEGACY_CLIENTS_KEY))[LEGACY_CLIENTS_KEY];
  if (!Array.isArray(stored)) return;
  for (const raw of stored) {
    const client = ClientSchema.safeParse(raw);
    if (!client.success) continue;
    const { id, name, identifiers } = client.data;
    await appendEvent(db, makeEvent('client.created', me.id, id, { name, identifiers }, { at: client.data.createdAt }));
  }
  await browser.storage.local.remove(LEGACY_CLIENTS_KEY);
}

/** One session per worker life, opened on first use; a failed open is retried on the next call. */
export function createWorkspaceService(dbName?: string) {
  let pending: Promise<Session> | null = null;
  return {
    session(): Promise<Session> {
      pending ??= openSession(dbName).catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    /** The workspace record changes (own domains): read it again next time. */
    async refresh(): Promise<Session> {
      const session = await this.session();
      session.workspace = (await session.db.get('meta', 'workspace')) as Workspace;
      session.me = MemberSchema.parse(await session.db.get('members', session.me.id));
      return session;
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
