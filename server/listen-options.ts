import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The certificate and key the hub serves HTTPS and WSS with (PEM). */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * Where the hub listens and the address members use: BATON_HUB_HOST (default 127.0.0.1, loopback
 * only; 0.0.0.0 for every interface, as behind a reverse proxy on another host or in a container) and
 * BATON_PUBLIC_URL (an http(s) address, checked here so a typo stops the hub with a clear message).
 * BATON_TLS_CERT and BATON_TLS_KEY (PEM file paths, both or neither): the hub serves TLS itself.
 */
export function listenFrom(env: NodeJS.ProcessEnv): { hostname: string; port: number; publicUrl?: string; tls?: TlsFiles } {
  const port = Number(env.BATON_HUB_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`BATON_HUB_PORT: a port from 0 to 65535, not "${env.BATON_HUB_PORT}".`);
  const hostname = env.BATON_HUB_HOST?.trim() || '127.0.0.1';
  const tls = tlsFrom(env);
  const raw = env.BATON_PUBLIC_URL?.trim();
  if (!raw) return { hostname, port, ...(tls && { tls }) };
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) throw new Error(`BATON_PUBLIC_URL: an address such as https://hub.example.com, not "${raw}".`);
  return { hostname, port, publicUrl: url.href.replace(/\/$/, ''), ...(tls && { tls }) };
}

/** Both PEM files read now, so a missing or unreadable one stops the hub at start, naming it. */
function tlsFrom(env: NodeJS.ProcessEnv): TlsFiles | undefined {
  const certPath = env.BATON_TLS_CERT?.trim();
  const keyPath = env.BATON_TLS_KEY?.trim();
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error(`BATON_TLS_CERT and BATON_TLS_KEY go together: set both (PEM files) for the hub to serve HTTPS itself, or neither behind a reverse proxy. Only ${certPath ? 'BATON_TLS_CERT' : 'BATON_TLS_KEY'} is set.`);
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { cause: error });
    }
  };
  const files = { cert: read('BATON_TLS_CERT', certPath), key: read('BATON_TLS_KEY', keyPath) };
  try {
    createSecureContext(files);
  } catch (error) {
    throw new Error(`BATON_TLS_CERT and BATON_TLS_KEY: ${certPath} and ${keyPath} are not a PEM certificate and its private key (${(error as Error).message}).`, { cause: error });
  }
  return files;
}
