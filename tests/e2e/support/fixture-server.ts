// A local HTTPS server that stands in for Gmail, Asana and the ad platforms.
// Chromium reaches it through --host-resolver-rules, so pages keep their real URLs
// (https://mail.google.com/...) and Baton's content scripts run on them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = process.env.BATON_FIXTURE_DIR
  ? resolve(process.env.BATON_FIXTURE_DIR)
  : resolve(import.meta.dirname, '..', '..', 'fixtures', 'sites');

/** Hosts the server answers for; the browser maps each of them to 127.0.0.1:<port>. */
export const MAPPED_HOSTS = [
  'mail.google.com',
  'app.asana.com',
  'ads.google.com',
  'adsmanager.facebook.com',
  'www.facebook.com',
  'business.facebook.com',
  'www.linkedin.com',
  'ui.ads.microsoft.com',
  'ads.tiktok.com',
  'analytics.google.com',
] as const;

export interface FixtureServer {
  port: number;
  /** Serve `tests/fixtures/sites/<fixture>.html` for every request to `host` without ?fixture=. */
  setFixture(host: string, fixture: string): void;
  /** Requests seen so far (host + path), for debugging. */
  requests: string[];
  close(): Promise<void>;
}

function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const san = ['localhost', ...MAPPED_HOSTS].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-nodes', '-sha256', '-days', '2',
        '-subj', '/CN=baton-e2e.localhost',
        '-addext', `subjectAltName=${san}`,
        '-keyout', keyPath, '-out', certPath,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    throw new Error(
      `Could not create the test certificate with openssl (is it installed? Debian: apt-get install -y openssl): ${String(error)}`,
      { cause: error },
    );
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

function notFound(message: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Not found</title><p>${message.replace(/[<&>]/g, '')}</p>`;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;
/** One certificate per test process, made on first use in a temp dir that is removed at exit. */
function testCertificate(): { key: Buffer; cert: Buffer } {
  if (!certificate) {
    const dir = mkdtempSync(join(tmpdir(), 'baton-e2e-cert-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    certificate = makeCertificate(dir);
  }
  return certificate;
}

/** The fixture server's self-signed certificate (PEM), for a browser that trusts it by its key rather than ignoring every error. */
export function fixtureCertificate(): Buffer {
  return testCertificate().cert;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const { key, cert } = testCertificate();
  const defaults = new Map<string, string>();
  const requests: string[] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    requests.push(`${host}${url.pathname}${url.search}${url.hash}`);

    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const fixture = url.searchParams.get('fixture') ?? defaults.get(host);
    if (!fixture || !/^[\w.-]+$/.test(fixture)) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(notFound(`No fixture chosen for ${host}${url.pathname}`));
      return;
    }
    const file = join(FIXTURE_DIR, fixture.endsWith('.html') ? fixture : `${fixture}.html`);
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(notFound(`No fixture file ${fixture}`));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(file));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    setFixture(host, fixture) {
      defaults.set(host.toLowerCase(), fixture);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
