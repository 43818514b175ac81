/**
 * Where the hub listens and the address members use: BATON_HUB_HOST (default 127.0.0.1, loopback
 * only; 0.0.0.0 for every interface, as behind a reverse proxy on another host or in a container) and
 * BATON_PUBLIC_URL (an http(s) address, checked here so a typo stops the hub with a clear message).
 */
export function listenFrom(env: NodeJS.ProcessEnv): { hostname: string; port: number; publicUrl?: string } {
  const port = Number(env.BATON_HUB_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`BATON_HUB_PORT: a port from 0 to 65535, not "${env.BATON_HUB_PORT}".`);
  const hostname = env.BATON_HUB_HOST?.trim() || '127.0.0.1';
  const raw = env.BATON_PUBLIC_URL?.trim();
  if (!raw) return { hostname, port };
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) throw new Error(`BATON_PUBLIC_URL: an address such as https://hub.example.com, not "${raw}".`);
  return { hostname, port, publicUrl: url.href.replace(/\/$/, '') };
}
