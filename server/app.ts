import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { computeMetrics } from '../lib/metrics/compute';
import { parseMetricsQuery } from '../lib/metrics/query';
import { TimestampSchema } from '../lib/model/common';
import { z } from '../lib/model/zod';
import { InviteError } from './invite-error';
import type { Caller, HubStore } from './store';

export interface AppOptions {
  store: HubStore;
  /** Requests per minute per token. */
  rateLimit?: number;
  log?: (entry: Record<string, unknown>) => void;
}

const MAX_BODY = 1024 * 1024;
const MAX_BATCH = 500;
const PushSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_BATCH) });
const RedeemSchema = z.object({ code: z.string().min(10).max(200) });

/** A fixed window per token: enough to stop a runaway client without hurting a busy one. */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): boolean => {
    const now = Date.now();
    const w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= perMinute;
  };
}

type Env = { Variables: { caller: Caller } };

type App = Hono<Env>;

/** The hub's HTTP API. Every /v1 route but invite redemption needs a member's bearer token. */
export function createApp({ store, rateLimit = 1200, log = () => undefined }: AppOptions) {
  const app: App = new Hono<Env>();
  guardAndLog(app, log);
  app.get('/healthz', async (c) => {
    await store.db.query('select 1');
    return c.json({ ok: true });
  });
  routeInvites(app, store);
  requireMember(app, store, rateLimiter(rateLimit));
  app.get('/v1/me', async (c) => {
    const caller = c.get('caller');
    const member = await store.member(caller);
    return c.json({ member, workspaceId: caller.workspaceId });
  });
  routeEvents(app, store);
  routeMetrics(app, store);
  app.onError((error, c) => {
    log({ level: 'error', path: c.req.path, error: error instanceof Error ? error.message : String(error) });
    return c.json({ error: 'The hub could not complete that request.' }, 500);
  });
  return app;
}

/** CORS for extensions only, the body limit, and one structured log line per request. */
function guardAndLog(app: App, log: NonNullable<AppOptions['log']>): void {
  // Only browser extensions call the hub from a browser; tools call it without an Origin.
  app.use('*', cors({ origin: (origin) => (/^(chrome|moz)-extension:\/\/[\w-]+$/.test(origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
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

/** An invite code becomes a member token (the one /v1 route without a token). */
function routeInvites(app: App, store: HubStore): void {
  app.post('/v1/invites/redeem', async (c) => {
    const body = RedeemSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send {"code": "<invite code>"}.' }, 400);
    const joined = await store.redeemInvite(body.data.code).catch((error: unknown) => {
      if (error instanceof InviteError) return error;
      throw error;
    });
    if (joined instanceof InviteError) return c.json({ error: joined.message }, 409);
    if (!joined) return c.json({ error: 'That invite code is unknown or was already used.' }, 404);
    return c.json({ token: joined.token, member: joined.member, workspaceId: joined.workspaceId });
  });
}

/** Every other /v1 route: a member's bearer token, within the member's rate limit. */
function requireMember(app: App, store: HubStore, allow: (memberId: string) => boolean): void {
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/invites/redeem') return next();
    const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const caller = token ? await store.authenticate(token) : null;
    if (!caller) return c.json({ error: 'A valid member token is required.' }, 401);
    if (!allow(caller.memberId)) return c.json({ error: 'Too many requests: slow down.' }, 429);
    c.set('caller', caller);
    return next();
  });
}

/** Push a batch (each event judged on its own), pull after a sequence number. */
function routeEvents(app: App, store: HubStore): void {
  app.post('/v1/events', async (c) => {
    const body = PushSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `Send {"events": [...]} with 1 to ${MAX_BATCH} events.` }, 400);
    const results = await store.push(c.get('caller'), body.data.events);
    return c.json({ results });
  });
  app.get('/v1/events', async (c) => {
    const after = Math.max(0, Number.parseInt(c.req.query('after') ?? '0', 10) || 0);
    const limit = Math.min(1000, Math.max(1, Number.parseInt(c.req.query('limit') ?? '500', 10) || 500));
    const events = await store.pull(c.get('caller').workspaceId, after, limit);
    return c.json({ events, next: events.at(-1)?.seq ?? after, more: events.length === limit });
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
}
