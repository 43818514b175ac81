// Debian's real Caddy (/usr/bin/caddy) in front of a hub, the way a team deploys it: `tls internal` gives
// a certificate from Caddy's own local CA for a hostname on loopback, and Caddy reverse-proxies to the
// hub (WebSocket upgrades pass through by default). Plain Node (no Playwright), so vitest can use it too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { freePort } from '../../unit/server/hub-process.ts';

export const CADDY = process.env.BATON_CADDY ?? '/usr/bin/caddy';

export interface Caddy {
  /** The hub's address for members, e.g. https://hub.baton.test:41234 */
  url: string;
  hostname: string;
  port: number;
  /** Caddy's local CA: the root (what a machine would install) and the intermediate it signs leaves with. */
  rootCertificate: string;
  intermediateCertificate: string;
  /**
   * Base64 SHA-256 of the root's and the intermediate's SubjectPublicKeyInfo, for Chromium's
   * --ignore-certificate-errors-spki-list. Chromium matches the list against the chain the server
   * presents (leaf and intermediate; Caddy never sends its root): the root's hash alone still gives
   * ERR_CERT_AUTHORITY_INVALID, the intermediate's is what makes it trusted (tried with Chromium here).
   */
  spkiHashes: string[];
  /** Chromium's --host-resolver-rules entry sending `hostname` to loopback (the port is kept). */
  hostRule: [string, string];
  /** Everything Caddy printed, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

/** Base64 SHA-256 of a PEM certificate's SubjectPublicKeyInfo: what Chromium's SPKI allowlist names. */
export function spkiHash(pem: string | Buffer): string {
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** The Caddyfile: no admin endpoint, no :80 redirect listener, no trust-store install, storage in `dir`. */
export function caddyfile({ hostname, port, httpPort, upstream, dir }: { hostname: string; port: number; httpPort: number; upstream: string; dir: string }): string {
  return `{
	admin off
	auto_https disable_redirects
	skip_install_trust
	http_port ${httpPort}
	https_port ${port}
	storage file_system ${join(dir, 'data')}
}

https://${hostname}:${port} {
	bind 127.0.0.1
	tls internal
	reverse_proxy ${upstream}
}
`;
}

/**
 * Whether tests that need `caddy` run: when it runs here, and always under CI=true (.ci/run installs
 * Debian's package), where a missing Caddy is then a failure, not a skip.
 */
export function caddyAvailable(): boolean {
  const ci = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
  return ci || (existsSync(CADDY) && spawnSync(CADDY, ['version'], { stdio: 'ignore' }).status === 0);
}

/** Starts Caddy serving https://<hostname>:<free port> in front of `upstream` (host:port); resolves once its TLS answers. */
export async function startCaddy({ upstream, hostname = 'hub.baton.test' }: { upstream: string; hostname?: string }): Promise<Caddy> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-caddy-'));
  const port = await freePort();
  let httpPort = await freePort();
  while (httpPort === port) httpPort = await freePort();
  const config = join(dir, 'Caddyfile');
  writeFileSync(config, caddyfile({ hostname, port, httpPort, upstream, dir }));
  const child = spawn(CADDY, ['run', '--config', config, '--adapter', 'caddyfile'], {
    cwd: dir,
    // Caddy keeps its autosave and any default storage under XDG folders: keep them in the temp dir.
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const stop = () => stopCaddy(child, dir);
  try {
    const authority = join(dir, 'data', 'pki', 'authorities', 'local');
    await waitForTls(child, () => out, { port, hostname, rootPath: join(authority, 'root.crt') });
    const rootCertificate = join(authority, 'root.crt');
    const intermediateCertificate = join(authority, 'intermediate.crt');
    return {
      url: `https://${hostname}:${port}`,
      hostname,
      port,
      rootCertificate,
      intermediateCertificate,
      spkiHashes: [rootCertificate, intermediateCertificate].map((file) => spkiHash(readFileSync(file))),
      hostRule: [hostname, '127.0.0.1'],
      log: () => out,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopCaddy(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Waits until Caddy's local CA exists and a TLS handshake for `hostname`, verified against that root, succeeds. */
async function waitForTls(child: ChildProcess, out: () => string, { port, hostname, rootPath }: { port: number; hostname: string; rootPath: string }): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caddy exited with ${child.exitCode}:\n${out()}`);
    if (existsSync(rootPath) && (await handshakes(port, hostname, readFileSync(rootPath)))) return;
    if (Date.now() > deadline) throw new Error(`caddy did not serve TLS for ${hostname}:${port} within 30 s:\n${out()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function handshakes(port: number, servername: string, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername, ca }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
