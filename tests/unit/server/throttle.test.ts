import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientAddress, createAddressLimiter, throttleFromEnv } from '../../../server/address-limiter';
import { startHub } from '../../../server/server';
import { databases, freshDb, join, teamsClosedAfterEach } from './hub-harness';

const { closeAfter } = teamsClosedAfterEach();

/** A hub behind a (pretend) trusted proxy, with its store's authenticate and redeemInvite counted. */
async function countedHub(kind: 'pglite' | 'postgres', url?: string) {
  const { db } = await freshDb(kind, url);
  const hub = closeAfter(await startHub(db, { port: 0, throttle: throttleFromEnv({ BATON_TRUST_PROXY: '1' }) }));
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  const queries = { authenticate: 0, redeemInvite: 0 };
  const authenticate = hub.store.authenticate.bind(hub.store);
  const redeemInvite = hub.store.redeemInvite.bind(hub.store);
  hub.store.authenticate = (token) => (queries.authenticate++, authenticate(token));
  hub.store.redeemInvite = (code) => (queries.redeemInvite++, redeemInvite(code));
  return { hub, workspaceId, queries };
}

const redeem = (hubUrl: string, code: string, from: string) =>
  fetch(`${hubUrl}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ code }) });

describe('the address limiter', () => {
  it('allows a burst, then refills at its rate and says when to retry', () => {
    let now = 0;
    const limiter = createAddressLimiter({ perMinute: 30, burst: 3, maxAddresses: 100, now: () => now });
    expect([1, 2, 3].map(() => limiter.charge('a').allowed)).toEqual([true, true, true]);
    expect(limiter.charge('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.charge('b').allowed).toBe(true);
    now += 2000;
    expect(limiter.charge('a').allowed).toBe(true);
    limiter.refund('a');
    expect(limiter.charge('a').allowed).toBe(true);
  });

  it('tracks at most maxAddresses, forgetting the least recently seen', () => {
    const limiter = createAddressLimiter({ perMinute: 1, burst: 1, maxAddresses: 2, now: () => 0 });
    limiter.charge('a');
    limiter.charge('b');
    limiter.charge('a');
    limiter.charge('c');
    expect(limiter.tracked()).toBe(2);
    expect(limiter.charge('a').allowed).toBe(false);
    expect(limiter.charge('b').allowed).toBe(true);
  });

  it('believes X-Forwarded-For only when told to trust the proxy, and then only the entry the proxy added', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', false)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'spoofed, 203.0.113.9', true)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', undefined, true)).toBe('10.0.0.1');
    expect(() => throttleFromEnv({ BATON_AUTH_ATTEMPTS_PER_MINUTE: '0' })).toThrow(/BATON_AUTH_ATTEMPTS_PER_MINUTE/);
  });
});

describe.each(databases())('unauthenticated traffic is throttled per address on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('answers bad invite codes 404 then 429 with Retry-After, without asking the store; members and other addresses are served', async () => {
    const { hub, workspaceId, queries } = await countedHub(kind, url);
    const statuses: number[] = [];
    let throttled: Response | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await redeem(hub.url, `not-a-real-invite-${i}`, '198.51.100.7');
      statuses.push(res.status);
      throttled ??= res.status === 429 ? res : undefined;
      if (res !== throttled) await res.body?.cancel();
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses.slice(30)).toEqual(Array(70).fill(429));
    expect(queries.redeemInvite).toBe(30);
    expect(Number(throttled!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await throttled!.json()).toEqual({ error: expect.stringMatching(/try again in \d+ s/) });

    // Another address still redeems; its member is then served from the flooded address too.
    const code = await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' });
    expect((await redeem(hub.url, `not-a-real-invite-x`, '203.0.113.20')).status).toBe(404);
    const jane = await join(hub, code);
    const me = await fetch(`${hub.url}/v1/me`, { headers: { authorization: `Bearer ${jane.token}`, 'x-forwarded-for': '198.51.100.7' } });
    expect(me.status).toBe(200);
  });

  it('answers a flood of bad bearer tokens 429 before the store is asked', async () => {
    const { hub, queries } = await countedHub(kind, url);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${hub.url}/v1/events`, { headers: { authorization: `Bearer bad-token-${i}`, 'x-forwarded-for': '198.51.100.8' } });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(30).fill(429));
    expect(queries.authenticate).toBe(30);
    const elsewhere = await fetch(`${hub.url}/v1/events`, { headers: { 'x-forwarded-for': '203.0.113.21' } });
    expect(elsewhere.status).toBe(401);
  });

  it('refuses a flood of WebSocket upgrades with bad tokens with 429 and Retry-After', async () => {
    const { hub, queries } = await countedHub(kind, url);
    const upgrade = (i: number) =>
      new Promise<{ status: number; retryAfter?: string }>((resolve) => {
        const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/v1/stream`, ['baton', `bad-token-${i}`], { headers: { 'x-forwarded-for': '198.51.100.9' } });
        socket.on('unexpected-response', (_req, res) => {
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
          res.resume();
          socket.terminate();
        });
        socket.on('error', () => resolve({ status: -1 }));
      });
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await upgrade(i));
    expect(answers.slice(0, 30).map((a) => a.status)).toEqual(Array(30).fill(401));
    expect(answers.slice(30).map((a) => a.status)).toEqual(Array(10).fill(429));
    expect(Number(answers[39]!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(queries.authenticate).toBe(30);
  });

  it('never throttles an office of members behind one address, however many of their requests are in flight; a revoked token is refused at once', async () => {
    const { hub, workspaceId, queries } = await countedHub(kind, url);
    const members = [];
    for (let i = 0; i < 8; i++) {
      const invite = await hub.store.createInvite(workspaceId, { email: `person${i}@brightlane.agency`, name: `Person ${i}`, role: i === 0 ? 'admin' : 'member' });
      members.push(await join(hub, invite));
    }
    // Each member's first request proves their token (charged, then refunded).
    expect((await Promise.all(members.map((m) => m.call('/v1/me')))).map((r) => r.status)).toEqual(Array(8).fill(200));
    // A slow database: 80 requests from one address wait on it at once, well past the burst of 30.
    const authenticate = hub.store.authenticate.bind(hub.store);
    hub.store.authenticate = async (token) => (await new Promise((r) => setTimeout(r, 100)), authenticate(token));
    const before = queries.authenticate;
    const answers = await Promise.all(members.flatMap((m) => Array.from({ length: 10 }, () => m.call('/v1/events?after=0&limit=1'))));
    expect(answers.map((r) => r.status)).toEqual(Array(80).fill(200));
    // Each request still asks the store: revocation takes effect on the very next one.
    expect(queries.authenticate - before).toBe(80);
    await hub.store.revokeTokens(workspaceId, 'person3@brightlane.agency');
    expect((await members[3]!.call('/v1/me')).status).toBe(401);
    expect((await members[4]!.call('/v1/me')).status).toBe(200);
  });
});
