import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, parseAllowedOrigins } from '../../../server/app';
import { openPglite, openPostgres } from '../../../server/db';
import { migrate } from '../../../server/schema';
import { startHub, type Hub } from '../../../server/server';
import { HubStore } from '../../../server/store';
import { databases, hubWithTeam, type Member } from './hub-harness';

const OURS = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const OURS_IN_FIREFOX = 'moz-extension://0f1e2d3c-aaaa-bbbb-cccc-123456789abc';

describe('the hub answers CORS only to the extension origins it is told', { timeout: 30_000 }, () => {
  it('reads BATON_ALLOWED_ORIGINS strictly: a list of extension origins, or unset', () => {
    expect(parseAllowedOrigins(` ${OURS}, ${OURS_IN_FIREFOX}/ `)).toEqual([OURS, OURS_IN_FIREFOX]);
    expect(parseAllowedOrigins(undefined)).toBeUndefined();
    expect(parseAllowedOrigins(' , ')).toBeUndefined();
    expect(() => parseAllowedOrigins(`${OURS},https://evil.example`)).toThrow(/"https:\/\/evil.example" is not an extension origin/);
    expect(() => parseAllowedOrigins('*')).toThrow(/not an extension origin/);
  });

  it('refuses every other extension and every web page when origins are configured', async () => {
    const db = await openPglite();
    await migrate(db);
    const app = createApp({ store: new HubStore(db), allowedOrigins: [OURS, OURS_IN_FIREFOX] });
    const preflight = async (origin: string) =>
      (await app.request('/v1/events', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).headers.get('access-control-allow-origin');
    expect(await preflight(OURS)).toBe(OURS);
    expect(await preflight(OURS_IN_FIREFOX)).toBe(OURS_IN_FIREFOX);
    expect(await preflight('chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeNull();
    expect(await preflight('moz-extension://11111111-2222-3333-4444-555555555555')).toBeNull();
    expect(await preflight('https://evil.example')).toBeNull();
    await db.close();
  });

  it('takes its origins from BATON_ALLOWED_ORIGINS, and warns at startup when any extension may call it', async () => {
    const logs: Record<string, unknown>[] = [];
    const open = await startHub(await openPglite(), { port: 0, log: (entry) => logs.push(entry) });
    await open.close();
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/BATON_ALLOWED_ORIGINS is not set/) }));

    logs.length = 0;
    process.env.BATON_ALLOWED_ORIGINS = OURS;
    try {
      const closed = await startHub(await openPglite(), { port: 0, log: (entry) => logs.push(entry) });
      const preflight = async (origin: string) =>
        (await fetch(`${closed.url}/v1/events`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).headers.get('access-control-allow-origin');
      expect(await preflight(OURS)).toBe(OURS);
      expect(await preflight(OURS_IN_FIREFOX)).toBeNull();
      await closed.close();
      expect(logs.filter((entry) => entry.level === 'warn')).toEqual([]);
    } finally {
      delete process.env.BATON_ALLOWED_ORIGINS;
    }
  });
});

describe.each(databases())('the HTTP surface of the hub on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  let hub: Hub;
  let jane: Member;
  let tom: Member;
  let workspaceId: string;
  let dbUrl: string | undefined;
  beforeAll(async () => {
    ({ hub, jane, tom, workspaceId, dbUrl } = await hubWithTeam(kind, url));
  }, 60_000);
  afterAll(() => hub?.close());

  it('marks every answer nosniff and no-store, refusals included', async () => {
    const answers = [
      await fetch(`${hub.url}/healthz`),
      await fetch(`${hub.url}/v1/events`, { headers: { authorization: `Bearer ${jane.token}` } }),
      await fetch(`${hub.url}/v1/events?after=-1`, { headers: { authorization: `Bearer ${jane.token}` } }),
      await fetch(`${hub.url}/v1/me`),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 400, 401]);
    for (const r of answers) {
      expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff');
      expect(r.headers.get('cache-control'), r.url).toBe('no-store');
    }
  });

  it('refuses a body that is not JSON with 415 and says so', async () => {
    const event = JSON.stringify({ events: [jane.event('client.created', 'c-typed', { name: 'Typed' })] });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await jane.call('/v1/events', { method: 'POST', body: event, headers: { 'content-type': type } });
      expect(r, type).toMatchObject({ status: 415, body: { error: expect.stringMatching(/application\/json/) } });
    }
    const redeem = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', body: '{"code":"bi_0123456789"}', headers: { 'content-type': 'text/plain' } });
    expect(redeem.status).toBe(415);
    // Nothing of the refused bodies was stored; JSON with a charset is JSON.
    expect((await jane.call('/v1/events')).body.events.some((e: { event: { entityId: string } }) => e.event.entityId === 'c-typed')).toBe(false);
    const accepted = await jane.call('/v1/events', { method: 'POST', body: event, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(accepted.body.results[0]).toMatchObject({ status: 'accepted' });
  });

  it('closes a revoked member’s open stream at once, not at the next keepalive, and leaves the others open', async () => {
    const toms = await tom.stream();
    const janes = await jane.stream();
    await toms.next((m) => m.type === 'hello');
    const closed = new Promise<{ code: number; at: number }>((resolve) => toms.socket.once('close', (code) => resolve({ code, at: performance.now() })));
    // As the CLI does: its own store, on PostgreSQL its own connection (another process in production).
    const cliDb = dbUrl ? await openPostgres(dbUrl) : undefined;
    const cli = cliDb ? new HubStore(cliDb) : hub.store;
    const start = performance.now();
    expect(await cli.revokeTokens(workspaceId, 'tom@brightlane.agency')).toBe(1);
    const { code, at } = await closed;
    const ms = at - start;
    console.log(`revoked stream closed after ${ms.toFixed(0)} ms on ${kind}`);
    expect(code).toBe(4001);
    // The keepalive that used to notice is 20 s; an announcement takes milliseconds (1 s leaves room for a busy machine).
    expect(ms).toBeLessThan(1000);
    expect(janes.socket.readyState).toBe(janes.socket.OPEN);
    await cliDb?.close();
    janes.socket.close();
  });
});
