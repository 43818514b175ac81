// The hub serving TLS itself (BATON_TLS_CERT, BATON_TLS_KEY): HTTPS and the live stream's WSS on one
// port, verified against the certificate's own authority; a missing, unreadable or mismatched file stops
// the hub at start with a message naming it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { listenFrom } from '../../../server/listen-options';
import { startHub } from '../../../server/server';
import { databases, freshDb, teamsClosedAfterEach } from './hub-harness';
import { buildHubCli, runCli } from './hub-process';
import { eventually, openRawStream } from './stream-socket';

const dir = mkdtempSync(join(tmpdir(), 'baton-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed certificate for localhost and 127.0.0.1 (it is its own authority), as PEM files. */
function selfSigned(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '1', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

const hubCert = selfSigned('hub');
const otherCert = selfSigned('other');
const ca = readFileSync(hubCert.cert);

/** One HTTPS request, trusting only `trust`; the status and parsed JSON body. */
function httpsJson(url: string, trust: Buffer, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca: trust }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.once('error', reject);
    req.end(init.body);
  });
}

const { closeAfter } = teamsClosedAfterEach();

describe.each(databases())('a hub serving TLS itself on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('answers HTTPS and streams over WSS on one port, to a client trusting its certificate only', async () => {
    const { db } = await freshDb(kind, url);
    const listen = listenFrom({ BATON_HUB_PORT: '0', BATON_TLS_CERT: hubCert.cert, BATON_TLS_KEY: hubCert.key });
    const hub = closeAfter(await startHub(db, { ...listen, publicUrl: 'https://localhost' }));
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpsJson(`${hub.url}/healthz`, ca)).toMatchObject({ status: 200, body: { ok: true } });
    // A client that does not trust this certificate is refused by TLS itself; plain HTTP gets no answer.
    await expect(httpsJson(`${hub.url}/healthz`, readFileSync(otherCert.cert))).rejects.toThrow(/self[- ]signed/i);
    await expect(fetch(`${hub.url.replace('https', 'http')}/healthz`)).rejects.toThrow();

    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const code = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'admin' });
    const redeemed = await httpsJson(`${hub.url}/v1/invites/redeem`, ca, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    const { token, member } = redeemed.body as { token: string; member: { id: string } };
    const stream = await openRawStream(hub, token, { ca });
    expect(stream.socket.url).toMatch(/^wss:/);
    const pushed = await httpsJson(`${hub.url}/v1/events`, ca, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [makeEvent('client.created', member.id, 'northwind', { name: 'Northwind Outfitters' })] }),
    });
    expect(pushed.status).toBe(200);
    expect(await eventually(() => stream.announcements.count > 0)).toBe(true);
    stream.socket.close();
  });
});

describe('BATON_TLS_CERT and BATON_TLS_KEY', () => {
  it('are read at start: both or neither, each readable, a certificate and its own key', () => {
    expect(listenFrom({}).tls).toBeUndefined();
    expect(listenFrom({ BATON_TLS_CERT: hubCert.cert, BATON_TLS_KEY: hubCert.key }).tls?.cert).toEqual(ca);
    expect(() => listenFrom({ BATON_TLS_CERT: hubCert.cert })).toThrow(/BATON_TLS_CERT and BATON_TLS_KEY go together.*Only BATON_TLS_CERT is set/);
    expect(() => listenFrom({ BATON_TLS_KEY: hubCert.key })).toThrow(/Only BATON_TLS_KEY is set/);
    expect(() => listenFrom({ BATON_TLS_CERT: join(dir, 'nope.crt'), BATON_TLS_KEY: hubCert.key })).toThrow(/^BATON_TLS_CERT: cannot read .*nope\.crt \(ENOENT\)/);
    expect(() => listenFrom({ BATON_TLS_CERT: hubCert.cert, BATON_TLS_KEY: otherCert.key })).toThrow(/not a PEM certificate and its private key/);
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    expect(() => listenFrom({ BATON_TLS_CERT: garbage, BATON_TLS_KEY: hubCert.key })).toThrow(/not a PEM certificate/);
  });

  it('stop the hub process before it starts when the key is missing, saying which', async () => {
    const { cli, remove } = await buildHubCli('tls');
    try {
      const data = mkdtempSync(join(dir, 'data-'));
      const start = runCli(cli, { BATON_DATA_DIR: data, BATON_HUB_PORT: '0', BATON_TLS_CERT: hubCert.cert, BATON_TLS_KEY: join(dir, 'missing.key') });
      await expect(start).rejects.toThrow(/exited with 1: BATON_TLS_KEY: cannot read .*missing\.key \(ENOENT\)/);
    } finally {
      remove();
    }
  });
});
