// A browser's Baton joined to a hub, for the sync tests: its own IndexedDB, its hub connection, and
// `act` to make a change as that member (the id of the event it appended).
import 'fake-indexeddb/auto';
import { afterEach, expect } from 'vitest';
import { appendEvent } from '../../../lib/db/event-store';
import { openBatonDb, type BatonDatabase } from '../../../lib/db/open';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { EventType } from '../../../lib/model/event';
import { redeemInvite, type HubConnection } from '../../../lib/sync/hub-client';
import { syncOnce } from '../../../lib/sync/sync';
import { startHub, type Hub } from '../../../server/server';
import { freshDb } from '../server/hub-harness';

export interface JoinedBrowser {
  db: BatonDatabase;
  hub: HubConnection;
  act<T extends EventType>(type: T, entityId: string, payload: EventInput<T>): Promise<string>;
}

let n = 0;

/** Invites `email` to the workspace and joins with that invite, as Settings → Team hub does. */
export async function joinedBrowser(hub: Hub, workspaceId: string, email: string, name: string, role: 'admin' | 'member'): Promise<JoinedBrowser> {
  return browserJoining(hub.url, workspaceId, await hub.store.createInvite(workspaceId, { email, name, role }));
}

/** A new browser that joins the hub at `url` with an invite `code` (a hub in another process, too). */
export async function browserJoining(url: string, workspaceId: string, code: string): Promise<JoinedBrowser> {
  const joined = await redeemInvite(url, code);
  if (!joined.ok) throw new Error(joined.problem.message);
  const connection: HubConnection = { url, token: joined.data.token, memberId: joined.data.member.id, workspaceId };
  const db = await openBatonDb(`baton-sync-${n++}-${Date.now()}`);
  return {
    db,
    hub: connection,
    async act(type, entityId, payload) {
      const result = await appendEvent(db, makeEvent(type, connection.memberId, entityId, payload));
      if (!result.ok) throw new Error(result.problem.message);
      return result.event.id;
    },
  };
}

/**
 * Jane (admin) and Tom, each a browser joined to a fresh hub on that database, synced once. The hubs
 * close after each test (this registers the `afterEach`).
 */
export function janeAndTomClosedAfterEach(): (kind: 'pglite' | 'postgres', url?: string) => Promise<{ hub: Hub; jane: JoinedBrowser; tom: JoinedBrowser }> {
  const hubs: Hub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close().catch(() => undefined)));
  });
  return async (kind, url) => {
    const hub = await startHub((await freshDb(kind, url)).db, { port: 0 });
    hubs.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await joinedBrowser(hub, workspaceId, 'jane@brightlane.agency', 'Jane Doe', 'admin');
    const tom = await joinedBrowser(hub, workspaceId, 'tom@brightlane.agency', 'Tom Reyes', 'member');
    for (const b of [jane, tom]) expect((await syncOnce(b.db, b.hub)).problem).toBeUndefined();
    return { hub, jane, tom };
  };
}
