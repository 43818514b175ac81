import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openPglite } from '../../../server/db';
import { migrate } from '../../../server/schema';
import { startHub, type Hub } from '../../../server/server';
import { HubStore } from '../../../server/store';
import { join } from './hub-harness';

const hubs: Hub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close().catch(() => undefined)));
});

describe('hub safety', { timeout: 30_000 }, () => {
  it('limits requests per member, answers CORS only to extensions, and logs no secrets', async () => {
    const db = await openPglite();
    await migrate(db);
    const store = new HubStore(db);
    const logs: string[] = [];
    const app = createApp({ store, rateLimit: 3, log: (entry) => logs.push(JSON.stringify(entry)) });
    const workspaceId = await store.createWorkspace('Brightlane');
    const code = await store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' });
    const redeemed = await app.request('/v1/invites/redeem', { method: 'POST', body: JSON.stringify({ code }), headers: { 'content-type': 'application/json' } });
    const { token } = (await redeemed.json()) as { token: string };
    const me = () => app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect([(await me()).status, (await me()).status, (await me()).status, (await me()).status]).toEqual([200, 200, 200, 429]);

    const preflight = (origin: string) => app.request('/v1/events', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect((await preflight('moz-extension://0f1e2d3c-aaaa-bbbb-cccc-123456789abc')).headers.get('access-control-allow-origin')).toBe('moz-extension://0f1e2d3c-aaaa-bbbb-cccc-123456789abc');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const written = logs.join('\n');
    expect(logs.length).toBeGreaterThan(4);
    expect(written).not.toContain(token);
    expect(written).not.toContain(code);
    await db.close();
  });

  it('lets only the admin invite found a workspace; an earlier member invite waits, unspent', async () => {
    const hub = await startHub(await openPglite(), { port: 0 });
    hubs.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const adminCode = await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' });
    const bobCode = await hub.store.createInvite(workspaceId, { email: 'bob@brightlane.agency', name: 'Bob', role: 'member' });
    await expect(join(hub, bobCode)).rejects.toThrow(/admin has to join first/);
    await join(hub, adminCode);
    const bob = await join(hub, bobCode);
    expect((await bob.call('/v1/me')).body.member).toMatchObject({ name: 'Bob', role: 'member' });
  });

  it('finishes the writes in flight when it shuts down', async () => {
    const hub = await startHub(await openPglite(), { port: 0 });
    hubs.push(hub);
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const events = Array.from({ length: 200 }, (_, i) => jane.event('client.created', `c${i}`, { name: `Client ${i}` }));
    const pushing = jane.push(...events);
    await new Promise((r) => setTimeout(r, 5));
    const closing = hubs.pop()!.close();
    const results = await pushing;
    await closing;
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(200);
  });
});
