// The hub behind Debian's real Caddy (`tls internal`, as tests/e2e/hub-over-https.spec.ts and
// deploy/Caddyfile put it, with BATON_TRUST_PROXY as compose.yaml sets it): HTTPS answers, and the live
// stream upgrades to WSS through the proxy and carries announcements.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { throttleFromEnv } from '../../../server/address-limiter';
import { startHub } from '../../../server/server';
import { caddyAvailable, startCaddy, type Caddy } from '../../e2e/support/caddy';
import { databases, freshDb, join, teamsClosedAfterEach } from './hub-harness';
import { eventually, openRawStream } from './stream-socket';

const { closeAfter } = teamsClosedAfterEach();
let caddy: Caddy | undefined;
afterEach(async () => {
  await caddy?.stop();
  caddy = undefined;
});

/** A GET through Caddy to its hostname (resolved to loopback here), trusting only Caddy's root. */
function viaCaddy(proxy: Caddy, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxy.port, servername: proxy.hostname, path, headers: { host: `${proxy.hostname}:${proxy.port}` }, ca: readFileSync(proxy.rootCertificate) }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe.skipIf(!caddyAvailable()).each(databases())('a hub behind Caddy on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('answers over HTTPS and streams over WSS through the proxy, verified against Caddy’s local CA', async () => {
    const { db } = await freshDb(kind, url);
    const hub = closeAfter(await startHub(db, { port: 0, throttle: throttleFromEnv({ BATON_TRUST_PROXY: '1' }) }));
    caddy = await startCaddy({ upstream: `127.0.0.1:${hub.port}` });
    expect(await viaCaddy(caddy, '/healthz')).toMatchObject({ status: 200, body: expect.stringContaining('"ok":true') });

    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const proxied = { ...hub, url: caddy.url };
    const ca = readFileSync(caddy.rootCertificate);
    // ws resolves the hostname itself: send it to loopback, keeping the name for TLS and the Host header
    // (ws's types leave out the connection options it passes on, such as `lookup`).
    const lookup = (_host: string, options: { all?: boolean }, done: (error: null, ...answer: unknown[]) => void) =>
      options.all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4);
    const stream = await openRawStream(proxied, jane.token, { ca, ...({ lookup } as object) });
    expect(stream.socket.url).toBe(`wss://${caddy.hostname}:${caddy.port}/v1/stream`);
    await jane.push(jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }));
    expect(await eventually(() => stream.announcements.count > 0)).toBe(true);
    stream.socket.close();
  });
});
