import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres, resubscribeDelay } from '../../../server/db';
import { startHub } from '../../../server/server';
import { databases, join, teamsClosedAfterEach } from './hub-harness';

const { team, closeAfter } = teamsClosedAfterEach();
const postgres = databases().find((d) => d.kind === 'postgres');

describe('re-listening after a lost LISTEN', () => {
  it('backs off from a quarter second, doubling, to at most ten seconds, with jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => resubscribeDelay(attempt, () => 1))).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(resubscribeDelay(0, () => 0)).toBe(125);
    expect(resubscribeDelay(9, () => 0)).toBe(5000);
  });
});

/**
 * Hub A reaches PostgreSQL as its own login role; taking that role's login away and cutting its
 * connections is, for hub A, PostgreSQL going down (connections refused) — without disturbing hub B or
 * the other test files sharing the cluster. Hub B keeps writing throughout.
 */
describe.skipIf(!postgres)('live announcements on postgres across a database outage', { timeout: 60_000 }, () => {
  it('hub A announces what hub B appended during a 3 s outage, and what B appends afterwards', async () => {
    const { hub: hubB, workspaceId, jane, dbUrl } = await team('postgres', postgres!.url);
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    const role = `baton_hub_a_${randomBytes(4).toString('hex')}`;
    await admin.query(`create role ${role} login superuser`);
    try {
      const urlA = new URL(dbUrl!);
      urlA.username = role;
      const hubA = closeAfter(await startHub(await openPostgres(urlA.toString()), { port: 0 }));
      const sam = await join(hubA, await hubA.store.createInvite(workspaceId, { email: 'sam@brightlane.agency', name: 'Sam Lee', role: 'member' }));
      const stream = await sam.stream();
      await stream.next((m) => m.type === 'hello');

      // PostgreSQL goes away for hub A, for well over the old single retry at 1 s.
      await admin.query(`alter role ${role} nologin`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where usename = $1', [role]);
      const [duringOutage] = await jane.push(jane.event('client.created', 'client-outage', { name: 'Acme during the outage' }));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(stream.messages.filter((m) => m.type === 'events')).toEqual([]);
      await admin.query(`alter role ${role} login`);

      // Back: the event appended meanwhile is announced (the browser then pulls it) ...
      expect(await stream.next((m) => m.type === 'events' && m.seq >= duringOutage.seq)).toEqual({ type: 'events', seq: duringOutage.seq });
      // ... and so is the next one pushed through hub B.
      const [after] = await jane.push(jane.event('client.created', 'client-after', { name: 'Acme after the outage' }));
      expect(await stream.next((m) => m.type === 'events' && m.seq === after.seq)).toEqual({ type: 'events', seq: after.seq });
      expect(hubB.connections()).toBe(0);
      stream.socket.close();
    } finally {
      // Leave hub A able to log in for its close; the role stays behind in the throwaway cluster.
      await admin.query(`alter role ${role} login`).catch(() => undefined);
      await admin.end();
    }
  });
});
