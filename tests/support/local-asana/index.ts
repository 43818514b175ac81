// A local Asana for tests, written from Asana's published API docs (see README.md here for each
// behaviour and its source): REST under /api/1.0 with PAT auth, webhooks with the handshake and
// signed deliveries, the Events API with sync tokens, and 429 storms on demand. Node only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AsanaError } from './errors';
import { EventStreams } from './events-api';
import { Outage } from './outage';
import { RateLimiter } from './rate-limit';
import { Records } from './render';
import { route, type RouteResult, type Services } from './routes';
import { AsanaStore } from './store';
import type { CustomFieldRecord, DeliveryRecord, ProjectRecord, RequestRecord, SectionRecord, TaskRecord, UserRecord, WebhookRecord, WorkspaceRecord } from './types';
import { Webhooks } from './webhooks';

export type { AsanaEvent, DeliveryRecord, RequestRecord } from './types';
export { sign as signDelivery } from './webhooks';

export interface LocalAsanaOptions {
  port?: number;
  /** Accept http and loopback/private webhook targets (tests); Asana itself refuses them with 403. */
  allowPrivateTargets?: boolean;
  /** Waits before each retry of a failed delivery (Asana: backoff over 24 h). Default [50, 100, 200]. */
  deliveryRetryMs?: number[];
  /** Opt-in standard limiter: at most this many requests per token in any minute (Asana: 150 free, 1,500 paid). */
  requestsPerMinute?: number;
}

export interface LocalAsana {
  /** Base URL, e.g. http://127.0.0.1:<port>/api/1.0 */
  url: string;
  /** A valid personal access token of the bot user. */
  token: string;
  control: LocalAsanaControl;
  close(): Promise<void>;
}

export type LocalAsanaControl = ReturnType<typeof makeControl>;

const API_PREFIX = '/api/1.0';

export async function startLocalAsana(options: LocalAsanaOptions = {}): Promise<LocalAsana> {
  const store = new AsanaStore();
  const workspace = store.createWorkspace('Local agency');
  const bot = store.createUser('Baton bot', 'baton-bot@agency.example');
  const human = store.createUser('Sam Rivera', 'sam@agency.example');
  const webhooks = new Webhooks(store, { allowPrivateTargets: options.allowPrivateTargets ?? false, retryMs: options.deliveryRetryMs ?? [50, 100, 200] });
  const services: Services = { store, records: new Records(store), webhooks, streams: new EventStreams(store) };
  const limiter = new RateLimiter(options.requestsPerMinute);
  const outage = new Outage();
  const requests: RequestRecord[] = [];

  const server: Server = createServer((req, res) => {
    // A client that hangs up mid-request must not become an unhandled rejection in the test run.
    handle(req, res, services, limiter, outage, base, requests).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = `${origin}${API_PREFIX}`;

  const control = makeControl({ store, services, webhooks, limiter, outage, requests, workspace, bot: bot.user, human: human.user });
  return {
    url: base,
    token: bot.token,
    control,
    close: async () => {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface ControlDeps {
  store: AsanaStore;
  services: Services;
  webhooks: Webhooks;
  limiter: RateLimiter;
  outage: Outage;
  requests: RequestRecord[];
  workspace: WorkspaceRecord;
  bot: UserRecord;
  human: UserRecord;
}

/** The test-side controls: what a person does in Asana's UI, and what the network does to deliveries. */
function makeControl({ store, services, webhooks, limiter, outage, requests, workspace, bot, human }: ControlDeps) {
  return {
    workspace,
    /** The user the token belongs to. */
    bot,
    /** A person in the workspace: the default author of control-side changes. */
    human,
    createWorkspace: (name: string): WorkspaceRecord => store.createWorkspace(name),
    createUser: (name: string, email = `${name.toLowerCase().replace(/\W+/g, '.')}@agency.example`): { user: UserRecord; token: string } => store.createUser(name, email),
    createProject: (name: string, inWorkspace = workspace.gid): ProjectRecord => store.createProject(inWorkspace, name),
    createSection: (project: string, name: string): SectionRecord => store.createSection(project, name),
    /** An enum (with its options) or text custom field, set on the given projects. */
    createCustomField: (input: { name: string; type: 'enum' | 'text'; options?: string[]; projects?: string[] }): CustomFieldRecord => {
      const field = store.createCustomField(workspace.gid, input.name, input.type, input.options);
      for (const p of input.projects ?? []) store.addFieldToProject(p, field.gid);
      return field;
    },
    createTask: (input: { project: string; section?: string; name: string; notes?: string; dueOn?: string; assignee?: string; by?: string }): TaskRecord => store.createTask({ ...input, by: input.by ?? human.gid }),
    /** A drag to another section: an `added` event with the section as parent, and a `section_changed` story. */
    moveTask: (taskGid: string, sectionGid: string, by = human.gid): void => store.moveTask(taskGid, sectionGid, by),
    /** Sets an enum custom field by option name, or a text field to the text (null clears). */
    setCustomField: (taskGid: string, fieldGid: string, value: string | null, by = human.gid): void => {
      const field = store.fields.get(fieldGid);
      if (!field) throw new Error(`No custom field ${fieldGid}`);
      const stored = field.type === 'enum' && value !== null ? field.enumOptions.find((o) => o.name === value)?.gid : value;
      if (stored === undefined) throw new Error(`${field.name} has no option "${value}"`);
      store.updateTask(taskGid, { customFields: { [fieldGid]: store.checkFieldValue(store.task(taskGid), fieldGid, stored) } }, by);
    },
    completeTask: (taskGid: string, completed = true, by = human.gid): void => void store.updateTask(taskGid, { completed }, by),
    updateTask: (taskGid: string, changes: { name?: string; notes?: string; dueOn?: string | null; assignee?: string | null }, by = human.gid): void => void store.updateTask(taskGid, changes, by),
    /** The task as GET /tasks/{gid} returns it by default. */
    task: (gid: string) => services.records.task(store.task(gid)),
    stories: (taskGid: string) => store.taskStories(store.task(taskGid).gid).map((s) => services.records.story(s)),
    /** The next `n` deliveries are lost: never sent, never retried; only GET /events shows their events. */
    dropNextDeliveries: (n: number): void => webhooks.dropNext(n),
    replayLastDelivery: (): Promise<DeliveryRecord> => webhooks.replayLast(),
    deliveries: (): DeliveryRecord[] => [...webhooks.log],
    heartbeat: (): Promise<DeliveryRecord[]> => webhooks.heartbeat(),
    webhooks: (): WebhookRecord[] => [...webhooks.hooks.values()],
    /** Resolves when no delivery is pending, in flight, or waiting for a retry. */
    settled: (): Promise<void> => webhooks.settled(),
    /** The next `requests` API calls answer 429 with `Retry-After: retryAfterSeconds`. */
    rateLimit: ({ requests: n, retryAfterSeconds = 30 }: { requests: number; retryAfterSeconds?: number }): void => limiter.startStorm(n, retryAfterSeconds),
    /** The next `requests` API calls whose path (under /api/1.0) matches answer 503 Service Unavailable. */
    unavailable: ({ requests: n, path }: { requests: number; path?: RegExp }): void => outage.start(n, path),
    /** The token stops working (revoked in Asana's developer console): every call with it answers 401. */
    revokeToken: (token: string): void => void store.tokens.delete(token),
    expireSyncTokens: (): void => services.streams.expireAll(),
    requests: (): RequestRecord[] => [...requests],
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, s: Services, limiter: RateLimiter, outage: Outage, base: string, log: RequestRecord[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  let reply: RouteResult;
  try {
    outage.check(path);
    reply = await answer(method, path, url.searchParams, raw, req.headers, s, limiter, base, url.pathname.startsWith(API_PREFIX));
  } catch (error) {
    const e = error instanceof AsanaError ? error : serverError(error);
    reply = { status: e.status, body: e.body(), headers: e.headers };
  }
  // Logged before the answer leaves, so a test that got its response sees its call in requests().
  log.push({ method, path, query: url.search, status: reply.status, at: new Date().toISOString() });
  send(res, reply.status, reply.body, reply.headers);
}

async function answer(
  method: string,
  path: string,
  query: URLSearchParams,
  raw: string,
  headers: IncomingMessage['headers'],
  s: Services,
  limiter: RateLimiter,
  base: string,
  underApi: boolean,
): Promise<RouteResult> {
  const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
  const userGid = token ? s.store.tokens.get(token) : undefined;
  limiter.check(userGid && token);
  // A missing or unknown token: 401 with "Not Authorized" (https://developers.asana.com/docs/errors).
  if (!userGid) throw new AsanaError(401, 'Not Authorized');
  const found = underApi ? route(method, path) : undefined;
  if (!found) throw new AsanaError(404, 'No matching route for request');
  const body = parseBody(raw, headers['content-type']);
  const optFields = optFieldsOf(query, body);
  return found.handler({ user: s.store.user(userGid), params: found.params, query, body, optFields, basePath: base }, s);
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  // Asana also takes form-encoded bodies; this stand-in speaks JSON only (see README).
  if (!/^application\/json\b/i.test(contentType ?? '')) throw new AsanaError(400, 'Request body must be JSON (Content-Type: application/json)');
  try {
    return JSON.parse(raw);
  } catch {
    throw new AsanaError(400, 'Could not parse request data, invalid JSON');
  }
}

/** `opt_fields=a,b` in the query, or `options.fields` in a JSON body (docs/inputoutput-options). */
function optFieldsOf(query: URLSearchParams, body: unknown): string[] | undefined {
  const fromQuery = query.get('opt_fields');
  if (fromQuery !== null) return fromQuery.split(',').map((f) => f.trim()).filter(Boolean);
  const fromBody = (body as { options?: { fields?: unknown } } | undefined)?.options?.fields;
  return Array.isArray(fromBody) ? fromBody.map(String) : undefined;
}

function serverError(error: unknown): AsanaError {
  // A 500 carries a `phrase` (docs/errors); ours also keeps the message for the test's reader.
  const e = new AsanaError(500, `Server Error: ${error instanceof Error ? error.message : String(error)}`);
  e.body = () => ({ errors: [{ message: e.message, phrase: '6 sad squid snuggle softly' }] });
  return e;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
