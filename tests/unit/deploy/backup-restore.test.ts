// Backup and restore of a hub on PostgreSQL, both ways docs/deploy.md gives: the hub's own
// `backup FILE` / `restore FILE` (taken while the hub runs), and `pg_dump -Fc` / `pg_restore`. Each copy
// goes into a fresh database; a hub started on it answers the same events to the same members' tokens,
// and they go on syncing (the sequence continues after the restored events).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { freshDb, hubCliForFile, teamsClosedAfterEach } from '../server/hub-harness';
import { runCli } from '../server/hub-process';

interface PostgresHelpers {
  findPostgresBinDir(): string | null;
}
// @ts-expect-error -- scripts/postgres.mjs is plain JS shared with the npm scripts and CI; typed just above.
const { findPostgresBinDir } = (await import('../../../scripts/postgres.mjs')) as PostgresHelpers;

const { team, closeAfter } = teamsClosedAfterEach();
const { cli, scratch } = hubCliForFile('backup');
const url = inject('databaseUrl');

/** A request to `hub` with a member's bearer token: status and JSON body. */
async function asMember(hub: Hub, token: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: { events?: { seq: number }[]; results?: { status: string; seq?: number }[] } }> {
  const res = await fetch(`${hub.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  return { status: res.status, body: (await res.json()) as never };
}

/** A PostgreSQL client tool (pg_dump, pg_restore) of the test cluster's version; fails the test with its message. */
function pgTool(name: string, args: string[]): void {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const ran = spawnSync(join(bin, name), args, { encoding: 'utf8', timeout: 60_000 });
  expect(ran.status, `${name}: ${ran.stderr}`).toBe(0);
}

/** An empty database on the test cluster; its URL. */
async function emptyDatabase(): Promise<string> {
  const { db, url: fresh } = await freshDb('postgres', url);
  await db.close();
  return fresh!;
}

describe.skipIf(!url)('backing up and restoring a hub on PostgreSQL', { timeout: 120_000 }, () => {
  it('the hub’s own backup and pg_dump -Fc each restore into a fresh database that serves the same events to the same tokens', async () => {
    const { hub, jane, tom, dbUrl } = await team('postgres', url);
    await jane.push(jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }));
    await tom.push(tom.event('client.created', 'globex', { name: 'Globex' }));
    const before = await asMember(hub, tom.token, '/v1/events?after=0');
    const last = before.body.events!.at(-1)!.seq;
    expect(before.body.events!.length).toBeGreaterThanOrEqual(2);

    // Both copies are taken while the hub serves.
    const backup = join(scratch(), 'hub-backup.json');
    const backedUp = await runCli(cli(), { DATABASE_URL: dbUrl! }, ['backup', backup]);
    expect(backedUp.child.exitCode, backedUp.out()).toBe(0);
    const dump = join(scratch(), 'hub.dump');
    pgTool('pg_dump', ['-Fc', '-f', dump, dbUrl!]);
    await hub.close();

    const restores: [string, (target: string) => Promise<void>][] = [
      ['the hub’s restore', async (target) => {
        const restored = await runCli(cli(), { DATABASE_URL: target }, ['restore', backup]);
        expect(restored.child.exitCode, restored.out()).toBe(0);
      }],
      ['pg_restore', async (target) => pgTool('pg_restore', ['--no-owner', '--exit-on-error', '-d', target, dump])],
    ];
    for (const [how, restore] of restores) {
      const target = await emptyDatabase();
      await restore(target);
      const again = closeAfter(await startHub(await openPostgres(target), { port: 0 }));
      for (const member of [jane, tom]) expect(await asMember(again, member.token, '/v1/events?after=0'), how).toEqual(before);
      // Syncing goes on: a new event is accepted after the restored ones.
      const pushed = await asMember(again, jane.token, '/v1/events', { method: 'POST', body: JSON.stringify({ events: [jane.event('client.created', `initech-${how.length}`, { name: 'Initech' })] }) });
      expect(pushed.body.results, how).toEqual([expect.objectContaining({ status: 'accepted' })]);
      const after = await asMember(again, tom.token, `/v1/events?after=${last}`);
      expect(after.body.events?.map((e) => e.seq), how).toEqual([last + 1]);
    }
  });
});
