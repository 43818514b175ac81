import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { databases, freshDb, hubCliForFile } from './hub-harness';
import { runCli as runHubCli } from './hub-process';

const { cli, scratch } = hubCliForFile('crash');

async function runCli(env: Record<string, string>) {
  const { out, child } = await runHubCli(cli(), env);
  return { out: out(), child };
}

describe.each(databases())('the hub process on $kind, killed mid-stream', { timeout: 150_000 }, ({ kind, url }) => {
  it('keeps every event it acknowledged, and takes the rest again without duplicates', async () => {
    const env: Record<string, string> = { BATON_HUB_PORT: String(18_000 + Math.floor(Math.random() * 2000)), BATON_ADMIN_EMAIL: 'jane@brightlane.agency' };
    if (kind === 'postgres') {
      const { db, url: dbUrl } = await freshDb('postgres', url);
      await db.close();
      env.DATABASE_URL = dbUrl!;
    } else {
      env.BATON_DATA_DIR = mkdtempSync(join(scratch(), 'data-'));
    }
    const first = await runCli(env);
    const code = /Admin invite \(shown once\):\s+(\S+)/.exec(first.out)?.[1];
    const base = `http://127.0.0.1:${env.BATON_HUB_PORT}`;
    const joined = (await (await fetch(`${base}/v1/invites/redeem`, { method: 'POST', body: JSON.stringify({ code }), headers: { 'content-type': 'application/json' } })).json()) as { token: string; member: { id: string } };
    const headers = { authorization: `Bearer ${joined.token}`, 'content-type': 'application/json' };
    const events = Array.from({ length: 120 }, (_, i) => makeEvent('client.created', joined.member.id, `client-${i}`, { name: `Client ${i}` }));

    // A stream of writes, one event per request; the hub is killed without warning part-way.
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (const event of events) {
        try {
          const res = await fetch(`${base}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ events: [event] }) });
          const { results } = (await res.json()) as { results: { status: string }[] };
          if (results[0]?.status === 'accepted') acknowledged.push(event.id);
        } catch {
          return;
        }
      }
    })();
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    await writer;
    await new Promise((r) => first.child.once('exit', r));

    const second = await runCli(env);
    try {
      const pulled = (await (await fetch(`${base}/v1/events?after=0&limit=1000`, { headers })).json()) as { events: { event: { id: string } }[] };
      const stored = new Set(pulled.events.map((e) => e.event.id));
      for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
      // The client's outbox sends everything it has not seen acknowledged, and more: nothing doubles.
      const res = await fetch(`${base}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ events }) });
      const { results } = (await res.json()) as { results: { status: string }[] };
      expect(results.every((r) => r.status === 'accepted' || r.status === 'duplicate')).toBe(true);
      const all = (await (await fetch(`${base}/v1/events?after=0&limit=1000`, { headers })).json()) as { events: { event: { id: string } }[] };
      const ids = all.events.map((e) => e.event.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Besides these: the workspace's creation and its two default rules (lib/workflow/default-rules.ts).
      expect(ids.filter((id) => id.length > 0)).toHaveLength(events.length + 3);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });
});
