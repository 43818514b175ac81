// Fault: PostgreSQL restarts under a running hub (its server stops for a few seconds, connections cut,
// then starts again on the same data). The members' browsers run the extension's own sync runner with
// its live stream (the `ws` package standing in for the browser's WebSocket). While PostgreSQL is down,
// pushing fails with a clear error and the hub process stays up; the changes wait in the outbox. Once it
// is back they all arrive, exactly once, and a new change is announced live to the others.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createSyncRunner, type SyncRunner } from '../../../lib/background/sync-runner';
import type { Session, WorkspaceService } from '../../../lib/background/workspace';
import { readLog } from '../../../lib/db/event-store';
import { getMeta } from '../../../lib/db/meta';
import { makeEvent } from '../../../lib/events/make-event';
import { newId } from '../../../lib/model/common';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { getItem } from '../../../lib/storage/store';
import { pushEvents } from '../../../lib/sync/hub-client';
import { databases } from '../server/hub-harness';
import { buildHubCli, freePort, runCli, stopGently } from '../server/hub-process';
import type { JoinedBrowser } from '../sync/browser-harness';
import { browsersJoining, hubLog, settle, sleep, within, workspaceWithInvites } from './hub-fixture';

interface PostgresHelpers {
  findPostgresBinDir(): string | null;
  startTestPostgres(options: { port: number; dir: string }): Promise<{ url: string; stop(): Promise<void> }>;
  haltTestPostgres(options: { port: number; dir: string; mode?: 'fast' | 'immediate' }): void;
  resumeTestPostgres(options: { port: number; dir: string }): void;
}
// @ts-expect-error -- scripts/postgres.mjs is plain JS shared with the npm scripts and CI; typed just above.
const helpers = (await import('../../../scripts/postgres.mjs')) as PostgresHelpers;

const PEOPLE = ['Jane Doe', 'Tom Reyes', 'Sam Lee'];
/** Long enough that the hub's old single LISTEN retry (after 1 s) would have failed. */
const OUTAGE_MS = 3000;
const LIVE_MS = 5000;

// PostgreSQL is restarted here, so it is a cluster of this file's own, not the one other test files share.
const shared = databases().some((d) => d.kind === 'postgres') && helpers.findPostgresBinDir() !== null;
let cluster: { port: number; dir: string; url: string; stop(): Promise<void> } | undefined;
let cli: Awaited<ReturnType<typeof buildHubCli>> | undefined;

beforeAll(async () => {
  if (!shared) return;
  const port = await freePort();
  const dir = mkdtempSync('/tmp/baton-pg-restart-');
  cluster = { port, dir, ...(await helpers.startTestPostgres({ port, dir })) };
  cli = await buildHubCli('pg-restart');
  vi.stubGlobal('WebSocket', WebSocket);
}, 60_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  cli?.remove();
  await cluster?.stop();
  if (cluster) rmSync(cluster.dir, { recursive: true, force: true });
});

/** A browser's background: its session and the extension's sync runner with the live stream. */
async function runBackground(browser: JoinedBrowser, stopped: { now: boolean }): Promise<SyncRunner> {
  const session = async (): Promise<Session> => {
    if (stopped.now) throw new Error('the test is over');
    return { db: browser.db, me: (await browser.db.get('members', browser.hub.memberId))!, workspace: (await getMeta(browser.db, 'workspace'))!, hub: browser.hub };
  };
  const runner = createSyncRunner({ session, refresh: session } as unknown as WorkspaceService);
  await runner.connectStream();
  return runner;
}

async function holds(browser: JoinedBrowser, ids: readonly string[]): Promise<boolean> {
  const held = new Set((await readLog(browser.db)).events.map((e) => e.id));
  return ids.every((id) => held.has(id));
}

/** A change made in the extension: appended locally, then a sync round asked for (as the router does). */
async function addNote(browser: JoinedBrowser, runner: SyncRunner, clientId: string, text: string): Promise<string> {
  const id = newId();
  const eventId = await browser.act('note.added', id, { note: { kind: 'note', id, clientId, authorId: browser.hub.memberId, at: new Date().toISOString(), text } });
  runner.request(0);
  return eventId;
}

describe.skipIf(!shared)('a hub on postgres while PostgreSQL restarts', { timeout: 90_000 }, () => {
  it('refuses pushes clearly while it is down, stays up, then takes every waiting change once and announces again', async () => {
    const { port, dir, url } = cluster!;
    const env = { BATON_HUB_PORT: String(await freePort()), DATABASE_URL: url };
    const { workspaceId, codes } = await workspaceWithInvites({ databaseUrl: url }, PEOPLE);
    const hub = await runCli(cli!.cli, env);
    const stopped = { now: false };
    try {
      const base = `http://127.0.0.1:${env.BATON_HUB_PORT}`;
      const [jane, tom, sam] = await browsersJoining(base, workspaceId, codes);
      await settle([jane!, tom!, sam!]);
      const [janes, toms] = [await runBackground(jane!, stopped), await runBackground(tom!, stopped)];
      const clientId = newId();
      const made = [await jane!.act('client.created', clientId, { name: 'Northwind Outfitters' })];
      janes.request(0);
      await within(LIVE_MS, 'Tom sees Jane’s client live before the outage', () => holds(tom!, made));

      helpers.haltTestPostgres({ port, dir });
      const outageEnds = Date.now() + OUTAGE_MS;
      for (let i = 0; i < 3; i++) made.push(await addNote(jane!, janes, clientId, `Kick-off notes ${i}, written while the database was down`));
      // Jane's round failed with the hub's reason, and her three changes wait in her outbox.
      await within(OUTAGE_MS, 'a failed round reports three changes waiting', async () => {
        const status = await getItem(STORAGE_KEYS.syncStatus);
        return Boolean(status?.lastError) && status?.pending === 3;
      });
      expect((await getItem(STORAGE_KEYS.syncStatus))?.lastError).toMatch(/database is unavailable/);
      // The hub answers a push it cannot store with 503 and that reason (a client waits and retries).
      const refused = await pushEvents(sam!.hub, [makeEvent('client.created', sam!.hub.memberId, newId(), { name: 'Pushed during the outage' })]);
      expect(refused).toMatchObject({ ok: false, status: 503, problem: { message: expect.stringMatching(/database is unavailable/) } });
      expect(await jane!.db.count('outbox')).toBe(3);
      await sleep(outageEnds - Date.now());
      expect(hub.child.exitCode, `the hub process stays up:\n${hub.out()}`).toBeNull();
      helpers.resumeTestPostgres({ port, dir });

      // Back: Jane's runner retries on its own; Tom's stream is told and he pulls.
      await within(20_000, 'Jane’s waiting changes reach Tom after the outage', () => holds(tom!, made));
      expect(await jane!.db.count('outbox')).toBe(0);
      // A new change after the outage is announced live: Tom's note reaches Jane with no round of her own asked for.
      const after = await addNote(tom!, toms, clientId, 'Call summary after the restart');
      made.push(after);
      await within(LIVE_MS, 'Tom’s new note is announced to Jane', () => holds(jane!, [after]));

      await settle([jane!, tom!, sam!]);
      const log = await hubLog(sam!.hub);
      expect(new Set(log).size).toBe(log.length);
      expect(made.filter((id) => log.filter((x) => x === id).length !== 1)).toEqual([]);
      expect(await holds(sam!, made)).toBe(true);
      expect(hub.child.exitCode).toBeNull();
    } finally {
      stopped.now = true;
      await stopGently(hub.child);
    }
  });
});
