// Fault: the hub process is killed without warning (SIGKILL), again and again, while four people's
// browsers — the real sync client on its own IndexedDB — keep making changes and syncing. Afterwards
// nothing a browser made is missing at the hub or there twice, every outbox is empty and every browser
// holds everyone's changes: no loss, no duplicate, no stall.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../lib/db/event-store';
import { newId } from '../../../lib/model/common';
import { syncOnce } from '../../../lib/sync/sync';
import { databases, hubCliForFile, hubDataEnv } from '../server/hub-harness';
import { freePort, killHard, runCli } from '../server/hub-process';
import type { JoinedBrowser } from '../sync/browser-harness';
import { browsersJoining, hubLog, settle, sleep, workspaceWithInvites } from './hub-fixture';

const KILLS = 3;
/** Changes the hub must have acknowledged since it last started before it is killed again. */
const ACKS_BEFORE_KILL = 10;
const PEOPLE = ['Jane Doe', 'Tom Reyes', 'Sam Lee', 'Ada Park'];

const { cli, scratch } = hubCliForFile('faults');

/** The hub's environment (its data on `kind`), with a workspace and one invite per person made beforehand. */
async function prepareHub(kind: 'pglite' | 'postgres', url: string | undefined) {
  const env: Record<string, string> = { BATON_HUB_PORT: String(await freePort()), ...(await hubDataEnv(kind, url, scratch())) };
  const { workspaceId, codes } = await workspaceWithInvites({ databaseUrl: env.DATABASE_URL, dataDir: env.BATON_DATA_DIR }, PEOPLE);
  return { env, workspaceId, codes, base: `http://127.0.0.1:${env.BATON_HUB_PORT}` };
}

interface Traffic {
  made: string[][];
  refused: string[];
  acknowledged: number;
  running: boolean;
}

/** One person at work: a client of their own, then note after note, each followed by a sync round. */
async function keepWorking(browser: JoinedBrowser, i: number, traffic: Traffic): Promise<void> {
  const clientId = newId();
  traffic.made[i]!.push(await browser.act('client.created', clientId, { name: `${PEOPLE[i]}'s client` }));
  for (let k = 0; traffic.running; k++) {
    const id = newId();
    const note = { kind: 'note' as const, id, clientId, authorId: browser.hub.memberId, at: new Date().toISOString(), text: `Call notes ${k} by ${PEOPLE[i]}` };
    traffic.made[i]!.push(await browser.act('note.added', id, { note }));
    const report = await syncOnce(browser.db, browser.hub);
    traffic.acknowledged += report.pushed;
    traffic.refused.push(...report.refused.map((r) => `${r.type}: ${r.reason}`));
    // The hub is down (or restarting): the change waits in the outbox; the next one comes a little later.
    if (report.problem) await sleep(100);
  }
}

describe.each(databases())('four browsers syncing with a hub on $kind that is killed again and again', { timeout: 150_000 }, ({ kind, url }) => {
  it('ends with every change at the hub exactly once, every outbox empty and everyone holding everything', async () => {
    const { env, workspaceId, codes, base } = await prepareHub(kind, url);
    let hub = await runCli(cli(), env);
    try {
      const browsers = await browsersJoining(base, workspaceId, codes);
      // Joined as Settings → Team hub does: a first round brings the workspace and its members.
      await settle(browsers);
      const traffic: Traffic = { made: browsers.map(() => []), refused: [], acknowledged: 0, running: true };
      const working = Promise.all(browsers.map((b, i) => keepWorking(b, i, traffic))).finally(() => (traffic.running = false));
      // A person's work that fails ends the traffic; the failure is reported where `working` is awaited.
      working.catch(() => undefined);

      for (let kill = 0; kill < KILLS; kill++) {
        // Killed mid-traffic: only once it has acknowledged changes since it (re)started.
        const before = traffic.acknowledged;
        const deadline = Date.now() + 20_000;
        while (traffic.running && traffic.acknowledged < before + ACKS_BEFORE_KILL && Date.now() < deadline) await sleep(10);
        if (!traffic.running) await working;
        expect(traffic.acknowledged, `the hub acknowledged changes before kill ${kill + 1}`).toBeGreaterThanOrEqual(before + ACKS_BEFORE_KILL);
        await killHard(hub.child);
        // The browsers keep working against a dead address for a moment.
        await sleep(300);
        hub = await runCli(cli(), env);
      }
      // Some traffic on the last hub too, then everyone stops making changes and syncs until done.
      const before = traffic.acknowledged;
      while (traffic.running && traffic.acknowledged < before + ACKS_BEFORE_KILL) await sleep(10);
      traffic.running = false;
      await working;
      await settle(browsers);

      expect(traffic.refused).toEqual([]);
      const log = await hubLog(browsers[0]!.hub);
      // No duplicate anywhere in the hub's log, and every change each browser made is in it exactly once.
      expect(new Set(log).size).toBe(log.length);
      const made = traffic.made.flat();
      const atHub = new Set(log);
      expect(made.filter((id) => !atHub.has(id)), 'changes lost').toEqual([]);
      expect(made.length).toBeGreaterThan(KILLS * ACKS_BEFORE_KILL);
      // Every browser has everyone's changes (the pull never stalled), and nothing it made is left unsent.
      for (const browser of browsers) {
        expect(await browser.db.count('outbox')).toBe(0);
        const held = new Set((await readLog(browser.db)).events.map((e) => e.id));
        expect(made.filter((id) => !held.has(id))).toEqual([]);
      }
    } finally {
      // Throwaway data: no need to wait for a graceful stop.
      await killHard(hub.child);
    }
  });
});
