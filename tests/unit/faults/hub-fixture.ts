// Shared by the fault tests. A workspace made on the hub's database before the hub process starts (the CLI keeps an embedded
// database to itself while it runs), with one invite per person, the first an admin.
import { pullEvents, type HubConnection } from '../../../lib/sync/hub-client';
import { syncOnce } from '../../../lib/sync/sync';
import { openDb } from '../../../server/db';
import { migrate } from '../../../server/schema';
import { HubStore } from '../../../server/store';
import { browserJoining, type JoinedBrowser } from '../sync/browser-harness';

export async function workspaceWithInvites(where: { databaseUrl?: string; dataDir?: string }, people: readonly string[]): Promise<{ workspaceId: string; codes: string[] }> {
  const db = await openDb(where);
  try {
    await migrate(db);
    const store = new HubStore(db);
    const workspaceId = await store.createWorkspace('Brightlane');
    const codes: string[] = [];
    for (const [i, name] of people.entries()) {
      codes.push(await store.createInvite(workspaceId, { email: `${name.split(' ')[0]!.toLowerCase()}@brightlane.agency`, name, role: i === 0 ? 'admin' : 'member' }));
    }
    return { workspaceId, codes };
  } finally {
    await db.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polled every 50 ms), at most `ms`; returns how long it took, or throws saying what did not happen. */
export async function within(ms: number, what: string, check: () => Promise<boolean> | boolean): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
  return Date.now() - start;
}

/** Everything in the hub's log, in its order (the ids only). */
export async function hubLog(hub: HubConnection): Promise<string[]> {
  const ids: string[] = [];
  for (let after = 0; ; ) {
    const reply = await pullEvents(hub, after);
    if (!reply.ok) throw new Error(reply.problem.message);
    ids.push(...reply.data.events.map((e) => e.event.id));
    if (!reply.data.more) return ids;
    after = reply.data.next;
  }
}

/** Sync rounds for everyone until no round meets a problem and nothing is left to push (bounded). */
export async function settle(browsers: JoinedBrowser[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const reports = await Promise.all(browsers.map((b) => syncOnce(b.db, b.hub)));
    const pending = await Promise.all(browsers.map((b) => b.db.count('outbox')));
    if (reports.every((r) => !r.problem) && pending.every((n) => n === 0)) return;
    await sleep(200);
  }
  throw new Error('the browsers did not settle within 50 rounds');
}


/** One browser per invite, joined in turn: the admin (the first) joins before the others may. */
export async function browsersJoining(url: string, workspaceId: string, codes: readonly string[]): Promise<JoinedBrowser[]> {
  const browsers: JoinedBrowser[] = [];
  for (const code of codes) browsers.push(await browserJoining(url, workspaceId, code));
  return browsers;
}
