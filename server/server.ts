import type { IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkToken, clientAddress, positiveWhole, type Throttle, throttleFromEnv, tooManyMessage } from './address-limiter';
import { createApp, parseAllowedOrigins } from './app';
import type { Db } from './db';
import type { TlsFiles } from './listen-options';
import { DEFAULT_MAX_STREAMS_PER_MEMBER, KEEPALIVE_MS, LiveStreams, MAX_CLIENT_FRAME_BYTES, type StreamFigures } from './live-streams';
import { createAsanaHub } from './asana/asana-hub';
import type { AsanaHubOptions } from './asana/config';
import { fireRules } from './reactors/fire-rules';
import { hubReactors } from './reactors';
import type { Reactor } from './reactors/reactor';
import { type ReactorRunner, startReactors } from './reactors/reactor-runner';
import { migrate } from './schema';
import { type SignInSettings, signInSettingsFrom } from './sign-in-settings';
import { type Caller, EVENTS_CHANNEL, HubStore, REVOCATIONS_CHANNEL } from './store';

export interface Hub {
  url: string;
  port: number;
  store: HubStore;
  /** Connected live streams, for figures and tests. */
  connections(): number;
  /** The reactors (Slack, Asana, rules): tests drain them to see their effects now. */
  reactors: ReactorRunner;
  /** The live streams' limits at work: open streams, the most bytes left unsent, streams closed and why. */
  streams(): StreamFigures;
  close(): Promise<void>;
}

export interface HubOptions {
  port?: number;
  hostname?: string;
  /** The address members paste into Baton, shown on the hub's front page (by default the one a request came to). */
  publicUrl?: string;
  log?: (entry: Record<string, unknown>) => void;
  /** A certificate and key: the hub serves HTTPS, and its live streams WSS, on the same port. */
  tls?: TlsFiles;
  /** Extension origins CORS answers; by default BATON_ALLOWED_ORIGINS, and when unset any extension's. */
  allowedOrigins?: readonly string[];
  /** Per-address limits on unauthenticated attempts; by default from BATON_AUTH_* and BATON_TRUST_PROXY. */
  throttle?: Throttle;
  /** Live streams one member may hold; one more closes their oldest. By default BATON_MAX_STREAMS_PER_MEMBER, else 10. */
  maxStreamsPerMember?: number;
  /** How often each live stream is pinged; one that misses a ping's answer is cut off (20 s; tests shorten it). */
  keepaliveMs?: number;
  /** Sign-in through an OpenID Connect provider; by default from BATON_OIDC_* (null: invites only). */
  signIn?: SignInSettings | null;
  /** What the hub does after appends (server/reactors); by default hubReactors(). */
  reactors?: readonly Reactor[];
  /** How often reactors tick (overdue checks, retries, polls); 15 s by default, tests shorten it. */
  reactorTickMs?: number;
  /** Asana through the hub (server/asana): base URL, poll period, the rules engine; by default from BATON_ASANA_*. */
  asana?: AsanaHubOptions;
}


/**
 * Starts the hub on a database: HTTP API plus a WebSocket at /v1/stream that tells each member's
 * browser the moment its workspace has new events (it then pulls them). Announcements cross hub
 * processes through PostgreSQL LISTEN/NOTIFY.
 */
export async function startHub(db: Db, options: HubOptions = {}): Promise<Hub> {
  const allowedOrigins = options.allowedOrigins ?? parseAllowedOrigins(process.env.BATON_ALLOWED_ORIGINS);
  const signIn = options.signIn === undefined ? signInSettingsFrom(process.env) : options.signIn;
  await migrate(db);
  const store = new HubStore(db);
  const log = options.log ?? (() => undefined);
  const throttle = options.throttle ?? throttleFromEnv(process.env);
  const maxStreamsPerMember = options.maxStreamsPerMember ?? positiveWhole(process.env, 'BATON_MAX_STREAMS_PER_MEMBER', DEFAULT_MAX_STREAMS_PER_MEMBER);
  const asana = createAsanaHub({ db, store, publicUrl: options.publicUrl, log, options: options.asana, fireRules });
  const app = createApp({ store, log, allowedOrigins, throttle, publicUrl: options.publicUrl, signIn, asana });
  if (!allowedOrigins) log({ level: 'warn', msg: 'BATON_ALLOWED_ORIGINS is not set: any browser extension may call the hub (a member token still guards every answer); set it to your extension origins.' });
  const server = await listen(app.fetch, options);
  const port = (server.address() as AddressInfo).port;

  const streams = new LiveStreams({ keepaliveMs: options.keepaliveMs ?? KEEPALIVE_MS, maxStreamsPerMember, log });
  const revocations = await watchRevocations(db, store);
  // No compression (memory per socket), and pings are answered by LiveStreams within each stream's allowance.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false, autoPong: false });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    void (async () => {
      const admitted = await admitUpgrade(req, socket, store, throttle);
      if (!admitted) return;
      const { caller, token } = admitted;
      wss.handleUpgrade(req, socket, head, (ws) => {
        revocations.track(ws, caller.memberId, token);
        // Should an announcement of a revocation have been missed, the stream closes within one keepalive.
        streams.add(ws, caller, () => revocations.closeIfRevoked(ws, token));
      });
    })().catch(() => socket.destroy());
  });

  const stopListening = await announceEvents(db, store, streams, log);
  const reactors = await startReactors({ db, store, reactors: options.reactors ?? hubReactors({ asana }), publicUrl: options.publicUrl, log, tickMs: options.reactorTickMs });

  log({ level: 'info', msg: 'hub listening', port, database: db.kind, tls: Boolean(options.tls) });
  return {
    url: `${options.tls ? 'https' : 'http'}://${localHost(options.hostname)}:${port}`,
    port,
    store,
    connections: () => streams.figures().open,
    reactors,
    streams: () => streams.figures(),
    async close() {
      streams.closeAll(1001, 'hub shutting down');
      wss.close();
      // Stops accepting, and waits for requests in flight (their writes) to finish.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await reactors.stop();
      await asana.stop();
      await stopListening();
      await revocations.stop();
      await db.close();
    },
  };
}

/** Listens on HTTP, or on HTTPS with the given certificate; resolves once the port is bound. */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], options: HubOptions): Promise<ServerType> {
  const address = { fetch, port: options.port ?? 8787, hostname: options.hostname ?? '127.0.0.1' };
  const tls = options.tls ? { createServer: createHttpsServer, serverOptions: { cert: options.tls.cert, key: options.tls.key } } : {};
  return new Promise((resolve, reject) => {
    // A port already taken stops the start with its reason rather than as an unhandled 'error'.
    const s = serve({ ...address, ...tls }, () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** The host this machine reaches the hub on: a hub listening on every interface is reached on loopback. */
function localHost(hostname = '127.0.0.1'): string {
  if (hostname === '0.0.0.0' || hostname === '::' || hostname === '') return '127.0.0.1';
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}

/**
 * Tells each connected stream when its workspace has new events, as the store announces them (from
 * this process or another on the same database).
 */
function announceEvents(db: Db, store: HubStore, streams: LiveStreams, log: (entry: Record<string, unknown>) => void) {
  const announce = (workspaceId: string, seq: number) => streams.announce(workspaceId, seq);
  // Events appended while the LISTEN was lost were never announced: tell each served workspace its latest seq.
  const announceLatest = () =>
    void store.workspaces().then(
      (all) => {
        const served = new Set(streams.workspaces());
        for (const w of all) if (served.has(w.id)) announce(w.id, Number(w.last_seq));
      },
      (error: Error) => log({ level: 'error', msg: 'announcing after re-listening failed', error: error.message }),
    );
  return db.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const [workspaceId = '', seq] = payload.split(':');
      announce(workspaceId, Number(seq));
    },
    announceLatest,
  );
}

/**
 * The member a WebSocket upgrade to /v1/stream is for, or null once the socket has been answered 401,
 * or 429 when its address is out of attempts (charged before the store is asked, like bearer tokens).
 */
async function admitUpgrade(req: IncomingMessage, socket: Duplex, store: HubStore, throttle: Throttle): Promise<{ caller: Caller; token: string } | null> {
  const url = new URL(req.url ?? '/', 'http://hub');
  // Browsers cannot set headers on a WebSocket: the token travels as the second subprotocol.
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const token = protocols[0] === 'baton' ? protocols[1] : undefined;
  const forwarded = req.headers['x-forwarded-for'];
  const address = clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, throttle.trustProxy);
  const check = await checkToken(throttle, address, url.pathname === '/v1/stream' ? token : undefined, (t) => store.authenticate(t));
  if ('throttled' in check) {
    socket.end(tooManyUpgrade(check.throttled));
    return null;
  }
  const { caller } = check;
  if (!caller || !token) {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return null;
  }
  return { caller, token };
}

/** The raw HTTP answer refusing a throttled WebSocket upgrade (there is no Hono on this path). */
function tooManyUpgrade(retryAfterSeconds: number): string {
  const body = JSON.stringify({ error: tooManyMessage(retryAfterSeconds) });
  return [
    'HTTP/1.1 429 Too Many Requests',
    `Retry-After: ${retryAfterSeconds}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Closes a revoked member's streams the moment the store announces the revocation (from this process
 * or another on the same database; the keepalive check is only the fallback). Only streams whose token
 * no longer authenticates close: the member may hold a newer token too.
 */
async function watchRevocations(db: Db, store: HubStore) {
  const holders = new Map<WebSocket, { memberId: string; token: string }>();
  const close = (ws: WebSocket) => {
    ws.close(4001, 'token revoked');
    // A client that never answers the close frame is cut off anyway, within the second.
    setTimeout(() => ws.terminate(), 1000).unref();
  };
  const closeIfRevoked = (ws: WebSocket, token: string) => void store.authenticate(token).then((still) => still ?? close(ws), () => undefined);
  const stop = await db.listen(
    REVOCATIONS_CHANNEL,
    (memberId) => {
      for (const [ws, holder] of holders) if (holder.memberId === memberId) closeIfRevoked(ws, holder.token);
    },
    // Revocations announced while the LISTEN was lost: check every open stream's token once.
    () => {
      for (const [ws, holder] of holders) closeIfRevoked(ws, holder.token);
    },
  );
  return {
    track(ws: WebSocket, memberId: string, token: string) {
      holders.set(ws, { memberId, token });
      ws.on('close', () => holders.delete(ws));
    },
    closeIfRevoked,
    stop,
  };
}
