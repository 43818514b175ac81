import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { computeMetrics } from '../lib/metrics/compute';
import { computeFlows } from '../lib/metrics/flows';
import { parseMetricsQuery } from '../lib/metrics/query';
import { TimestampSchema } from '../lib/model/common';
import { z } from '../lib/model/zod';
import { failure, type Result, succeed } from '../lib/result';
import { adminOnly } from './admin-only';
import { type AddressLimiter, checkToken, clientAddress, type Throttle, throttleFromEnv, tooManyMessage } from './address-limiter';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { frontPage } from './front-page';
import { HUB_VERSION } from './hub-page';
import { InviteError } from './invite-error';
import { joinPage } from './join-page';
import { handoffLinkPage } from './handoff-link-page';
import { routeSlack } from './slack/slack-routes';
import { MEMBER_ROLES } from '../lib/model/member';
import { EmailSchema, shortText } from '../lib/model/common';
import { inviteLink } from '../lib/sync/invite-link';
import type { AsanaHub } from './asana/asana-hub';
import { routeAsana } from './asana/routes';
import { migrationsDone } from './schema';
import { routeJoinRequests } from './sign-in-join-requests';
import { routeSignIn } from './sign-in-routes';
import type { SignInSettings } from './sign-in-settings';
import type { Caller, HubStore } from './store';

export interface AppOptions {
  store: HubStore;
  /** Requests per minute per token. */
  rateLimit?: number;
  log?: (entry: Record<string, unknown>) => void;
  /** Extension origins CORS answers (`chrome-extension://<id>`); undefined: any extension's. */
  allowedOrigins?: readonly string[];
  /** Per-address limits on unauthenticated attempts; by default from the environment (`throttleFromEnv`). */
  throttle?: Throttle;
  /** The address members paste into Baton (BATON_PUBLIC_URL); by default the address the request came to. */
  publicUrl?: string;
  /** Sign-in through an OpenID Connect provider (BATON_OIDC_*); null or absent: invites only. */
  signIn?: SignInSettings | null;
  /** Where a person gets the extension (BATON_EXTENSION_URL), shown on /join; by default the README's words. */
  extensionUrl?: string;
  /** Asana through the hub: its settings routes and webhook target (server/asana/routes.ts). */
  asana?: AsanaHub;
}

const MAX_BODY = 1024 * 1024;
const MAX_BATCH = 500;
const MAX_PULL = 1000;
const PushSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_BATCH) });
const RedeemSchema = z.object({ code: z.string().min(10).max(200) });
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[\w-]+$/;

/**
 * BATON_ALLOWED_ORIGINS: comma-separated extension origins such as `chrome-extension://<id>`. Unset or
 * blank: undefined (any extension origin). Anything that is not an extension origin stops the hub:
 * a typo must not silently open or close the door.
 */
export function parseAllowedOrigins(value: string | undefined): string[] | undefined {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  const wrong = origins.find((origin) => !EXTENSION_ORIGIN.test(origin));
  if (wrong !== undefined) throw new Error(`BATON_ALLOWED_ORIGINS: "${wrong}" is not an extension origin such as chrome-extension://<id> or moz-extension://<uuid>.`);
  return origins.length > 0 ? origins : undefined;
}

/** A query parameter that must be a whole number from `min` to `max` (digits only: no sign, exponent or fraction). */
function wholeNumberParam(raw: string | undefined, name: string, range: { min: number; max: number; fallback: number }): Result<number> {
  if (raw === undefined) return succeed(range.fallback);
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= range.min && value <= range.max) return succeed(value);
  return failure('bad-request', `${name}: a whole number from ${range.min} to ${range.max}`, name);
}

/** A fixed window per member: enough to stop a runaway client without hurting a busy one. Over it: seconds until the window ends. */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): { allowed: boolean; retryAfterSeconds: number } => {
    const now = Date.now();
    const w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      windows.set(key, { start: now, count: 1 });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    w.count += 1;
    return { allowed: w.count <= perMinute, retryAfterSeconds: Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000)) };
  };
}

type Env = { Variables: { caller: Caller } };

/** The peer address @hono/node-server passes in `env.incoming` (absent when a test calls `app.request`). */
function socketAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/**
 * Charges the caller's address one attempt before `next` asks the store; a 429 with Retry-After when
 * the address has none left. `next` says whether the attempt succeeded (then the charge is refunded).
 */
function throttled(limiter: AddressLimiter, trustProxy: boolean) {
  return async (c: Context<Env>, attempt: () => Promise<{ ok: boolean; response: Response }>): Promise<Response> => {
    const address = clientAddress(socketAddress(c.env), c.req.header('X-Forwarded-For'), trustProxy);
    const charge = limiter.charge(address);
    if (!charge.allowed) return c.json({ error: tooManyMessage(charge.retryAfterSeconds) }, 429, { 'Retry-After': String(charge.retryAfterSeconds) });
    const { ok, response } = await attempt();
    if (ok) limiter.refund(address);
    return response;
  };
}

/** On each route that reads a body (after the token check, so a stranger learns only 401): JSON or 415. */
const jsonBody: MiddlewareHandler<Env> = async (c, next) => {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return next();
  return c.json({ error: 'Send the body as JSON, with Content-Type: application/json.' }, 415);
};

type App = Hono<Env>;

/** The hub's HTTP API. Every /v1 route but invite redemption needs a member's bearer token. */
export function createApp(options: AppOptions) {
  const { store, rateLimit = 1200, log = () => undefined, allowedOrigins, throttle = throttleFromEnv(process.env), publicUrl, signIn = null } = options;
  const app: App = new Hono<Env>();
  guardAndLog(app, log, allowedOrigins);
  routeStatus(app, store, publicUrl);
  routeJoin(app, publicUrl, options.extensionUrl ?? extensionUrlFrom(process.env));
  routeInvites(app, store, throttled(throttle.invites, throttle.trustProxy));
  routeSignIn(app, { store, signIn, publicUrl, guard: throttled(throttle.invites, throttle.trustProxy), log, allowedOrigins });
  requireMember(app, store, rateLimiter(rateLimit), throttle);
  routeJoinRequests(app, store);
  app.get('/v1/me', async (c) => {
    const caller = c.get('caller');
    const member = await store.member(caller);
    return c.json({ member, workspaceId: caller.workspaceId });
  });
  routeEvents(app, store);
  routeMetrics(app, store);
  routeAdmin(app, store, publicUrl);
  routeSlack(app, store);
  if (options.asana) routeAsana(app, options.asana);
  app.onError((error, c) => {
    log({ level: 'error', path: c.req.path, error: error instanceof Error ? error.message : String(error) });
    // PostgreSQL restarting or down: a passing state the client waits out, not a fault of the hub's.
    if (isDatabaseUnavailable(error)) return c.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, 503, { 'Retry-After': '5' });
    return c.json({ error: 'The hub could not complete that request.' }, 500);
  });
  return app;
}

/** CORS for extensions only, the body limit, headers that keep answers out of caches, and one structured log line per request. */
function guardAndLog(app: App, log: NonNullable<AppOptions['log']>, allowedOrigins: AppOptions['allowedOrigins']): void {
  // Only browser extensions call the hub from a browser; tools call it without an Origin.
  const allowed = (origin: string) => (allowedOrigins ? allowedOrigins.includes(origin) : EXTENSION_ORIGIN.test(origin));
  app.use('*', cors({ origin: (origin) => (allowed(origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
  app.use('*', async (c, next) => {
    await next();
    // Answers carry workspace data: never sniffed as another type, never kept by a cache.
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY,
      // The rest of the body is never read: the connection cannot carry another request.
      onError: (c) => c.json({ error: 'The request body is too large (1 MB at most).' }, 413, { Connection: 'close' }),
    }),
  );
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    // Structured, and never the Authorization header or a body.
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) });
  });
}

export type Throttled = ReturnType<typeof throttled>;

/**
 * An invite code becomes a member token (the one /v1 route without a token). Every attempt with a
 * well-formed body is charged to the address and a redemption refunds it: what is limited is guessing.
 */
function routeInvites(app: App, store: HubStore, guard: Throttled): void {
  app.post('/v1/invites/redeem', jsonBody, async (c) => {
    const body = RedeemSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send {"code": "<invite code>"}.' }, 400);
    return guard(c, async () => {
      const joined = await store.redeemInvite(body.data.code).catch((error: unknown) => {
        if (error instanceof InviteError) return error;
        throw error;
      });
      if (joined instanceof InviteError) return { ok: false, response: c.json({ error: joined.message }, joined.status) };
      if (!joined) return { ok: false, response: c.json({ error: 'That invite code is unknown or was already used.' }, 404) };
      return { ok: true, response: c.json({ token: joined.token, member: joined.member, workspaceId: joined.workspaceId }) };
    });
  });
}

/**
 * Every other /v1 route: a member's bearer token, within the member's rate limit. A missing or bad
 * token is charged to the address, so a flood of them is answered 429 before the store is asked; a
 * token that proved good lately is not (an office's members behind one address are not guesses).
 */
function requireMember(app: App, store: HubStore, allow: ReturnType<typeof rateLimiter>, throttle: Throttle): void {
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/invites/redeem') return next();
    const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const address = clientAddress(socketAddress(c.env), c.req.header('X-Forwarded-For'), throttle.trustProxy);
    const check = await checkToken(throttle, address, token, (t) => store.authenticate(t));
    if ('throttled' in check) return c.json({ error: tooManyMessage(check.throttled) }, 429, { 'Retry-After': String(check.throttled) });
    if (!check.caller) return c.json({ error: 'A valid member token is required.' }, 401);
    const member: Caller = check.caller;
    const within = allow(member.memberId);
    if (!within.allowed) {
      const wait = within.retryAfterSeconds;
      return c.json({ error: `Too many requests: slow down, try again in ${wait} s.` }, 429, { 'Retry-After': String(wait) });
    }
    c.set('caller', member);
    return next();
  });
}

/**
 * What anyone may ask without a token: `/` (a page saying what this address is and how to join),
 * `/healthz` (the process answers: for a liveness probe, never the database's state) and `/readyz`
 * (the database answers and every migration is applied: for a load balancer or a deploy to wait on).
 */
function routeStatus(app: App, store: HubStore, publicUrl: string | undefined): void {
  app.get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(frontPage(publicUrl ?? new URL(c.req.url).origin));
  });
  app.get('/healthz', (c) => c.json({ ok: true, version: HUB_VERSION }));
  app.get('/readyz', async (c) => {
    const migrations = await migrationsDone(store.db).catch(() => undefined);
    if (!migrations) return c.json({ ready: false, error: DATABASE_UNAVAILABLE_MESSAGE }, 503, { 'Retry-After': '5' });
    const ready = migrations.applied >= migrations.expected;
    return c.json({ ready, migrations, ...(ready ? {} : { error: 'The database’s migrations are not all applied yet.' }) }, ready ? 200 : 503);
  });
}

/** Push a batch (each event judged on its own), pull after a sequence number. */
function routeEvents(app: App, store: HubStore): void {
  app.post('/v1/events', jsonBody, async (c) => {
    const body = PushSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `Send {"events": [...]} with 1 to ${MAX_BATCH} events.` }, 400);
    const results = await store.push(c.get('caller'), body.data.events);
    return c.json({ results });
  });
  app.get('/v1/events', async (c) => {
    const after = wholeNumberParam(c.req.query('after'), 'after', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    if (!after.ok) return c.json({ error: after.problem.message }, 400);
    const limit = wholeNumberParam(c.req.query('limit'), 'limit', { min: 1, max: MAX_PULL, fallback: 500 });
    if (!limit.ok) return c.json({ error: limit.problem.message }, 400);
    const events = await store.pull(c.get('caller').workspaceId, after.data, limit.data);
    return c.json({ events, next: events.at(-1)?.seq ?? after.data, more: events.length === limit.data });
  });
}

/**
 * The manager's figures for the whole workspace, computed as the extension computes them
 * (lib/metrics): ?from=YYYY-MM-DD&to=YYYY-MM-DD, optional tz (IANA zone, default UTC), client,
 * template and person. Optional now (an ISO timestamp) fixes the instant open deadlines are judged
 * against, for reproducible answers; by default it is the hub's clock.
 */
function routeMetrics(app: App, store: HubStore): void {
  app.get('/v1/metrics', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const parsed = parseMetricsQuery(params);
    if (!parsed.ok) return c.json({ error: parsed.problem.message }, 400);
    const at = params.get('now');
    if (at !== null && !TimestampSchema.safeParse(at).success) return c.json({ error: 'now: an ISO timestamp such as 2026-03-09T12:00:00Z' }, 400);
    const now = at === null ? Date.now() : Date.parse(at);
    const facts = await store.metricFacts(c.get('caller').workspaceId);
    return c.json(computeMetrics(facts, parsed.data, now));
  });
  // The handoff map's flows for the same query, between roles or (by=people) between people.
  app.get('/v1/metrics/flows', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const parsed = parseMetricsQuery(params);
    if (!parsed.ok) return c.json({ error: parsed.problem.message }, 400);
    const by = params.get('by') ?? 'roles';
    if (by !== 'roles' && by !== 'people') return c.json({ error: 'by: roles or people' }, 400);
    return c.json(computeFlows(await store.metricFacts(c.get('caller').workspaceId), parsed.data, by));
  });
}

/** BATON_EXTENSION_URL, when it is an http(s) address (anything else is ignored: the page then says it in words). */
function extensionUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.BATON_EXTENSION_URL?.trim();
  return raw && URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol) ? raw : undefined;
}

/** `/join`: where an invite link lands in a browser. The code is in the fragment: the page never sees it. */
function routeJoin(app: App, publicUrl: string | undefined, extensionUrl: string | undefined): void {
  app.get('/join', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(joinPage(publicUrl ?? new URL(c.req.url).origin, extensionUrl));
  });
  // A handoff's link in Slack and Asana: no token, and nothing of the workspace (the id is not even looked up).
  app.get('/h/:id', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(handoffLinkPage());
  });
}

const NewInviteSchema = z.object({ name: shortText(200).min(1), email: EmailSchema, role: z.enum(MEMBER_ROLES).default('member') });

/**
 * Invites made from the extension, for admins (who is one is the workspace's log's say): make one
 * (its link and code, shown once), list the pending ones (never their codes), revoke one.
 */
function routeAdmin(app: App, store: HubStore, publicUrl: string | undefined): void {
  const admin = adminOnly(store, 'Only an admin can manage invites.');
  app.post('/v1/invites', admin, jsonBody, async (c) => {
    const body = NewInviteSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send {"name": "…", "email": "…", "role": "admin" | "member"}.' }, 400);
    const caller = c.get('caller');
    const made = await store.invite(caller.workspaceId, body.data, caller.memberId).catch((error: unknown) => {
      if (error instanceof InviteError) return error;
      throw error;
    });
    if (made instanceof InviteError) return c.json({ error: made.message }, 409);
    return c.json({ ...made, link: inviteLink(publicUrl ?? new URL(c.req.url).origin, made.code) }, 201);
  });
  app.get('/v1/invites', admin, async (c) => c.json(await store.listInvites(c.get('caller').workspaceId)));
  app.delete('/v1/invites/:id', admin, async (c) => {
    const revoked = await store.revokeInvite(c.get('caller').workspaceId, c.req.param('id'));
    return revoked ? c.json({ revoked: true }) : c.json({ error: 'No pending invite with that id (used, revoked or expired already).' }, 404);
  });
}
