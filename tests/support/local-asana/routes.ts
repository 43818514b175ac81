// The REST endpoints the local Asana serves under /api/1.0, each as its reference page describes it
// (https://developers.asana.com/reference/<operation>): request bodies are `{ data: {...} }` (JSON),
// successful answers `{ data }` (201 for a created object), list answers paged with `limit`/`offset`
// and `next_page` (https://developers.asana.com/docs/pagination).
import { AsanaError, invalidParam, missingInput } from './errors';
import type { EventStreams } from './events-api';
import { represent, type Kind, type Records } from './render';
import type { AsanaStore, TaskChanges } from './store';
import type { UserRecord } from './types';
import type { Webhooks } from './webhooks';

export interface RouteContext {
  user: UserRecord;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  /** From `opt_fields` (query) or `options.fields` (JSON body). */
  optFields: string[] | undefined;
  basePath: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Services {
  store: AsanaStore;
  records: Records;
  webhooks: Webhooks;
  streams: EventStreams;
}

type Handler = (ctx: RouteContext, s: Services) => RouteResult | Promise<RouteResult>;

const GID = '([0-9]+)';
const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
const one = (full: Record<string, unknown>, kind: Kind, ctx: RouteContext) => ok({ data: represent(full, kind, 'full', ctx.optFields) });

/** 201 with the new object, and "the API URL where the object can be retrieved" in Location (docs/errors). */
function created(full: Record<string, unknown>, kind: Kind, ctx: RouteContext, path: string): RouteResult {
  return { ...one(full, kind, ctx), status: 201, headers: { Location: `${ctx.basePath}${path}` } };
}

function many(items: Record<string, unknown>[], kind: Kind, ctx: RouteContext, path: string): RouteResult {
  const limitParam = ctx.query.get('limit');
  const rendered = (list: Record<string, unknown>[]) => list.map((i) => represent(i, kind, 'compact', ctx.optFields));
  if (limitParam === null) return ok({ data: rendered(items) });
  const limit = Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidParam('limit', 'Must be an integer between 1 and 100');
  const offsetParam = ctx.query.get('offset');
  const start = offsetParam === null ? 0 : decodeOffset(offsetParam);
  const end = start + limit;
  const next = end < items.length ? encodeOffset(end) : null;
  const query = new URLSearchParams(ctx.query);
  if (next) query.set('offset', next);
  return ok({
    data: rendered(items.slice(start, end)),
    next_page: next ? { offset: next, path: `${path}?${query}`, uri: `${ctx.basePath}${path}?${query}` } : null,
  });
}

function encodeOffset(index: number): string {
  return Buffer.from(`offset:${index}`).toString('base64url');
}

function decodeOffset(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) throw invalidParam('offset', 'Invalid offset');
  return Number(match[1]);
}

/** The `data` object of a write request. */
function dataOf(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body as { data?: unknown } | undefined;
  if (!body || typeof body.data !== 'object' || body.data === null || Array.isArray(body.data)) throw missingInput('data');
  return body.data as Record<string, unknown>;
}

const param = (ctx: RouteContext, i = 0) => ctx.params[i]!;

// ---- tasks ----

const TASK_WRITABLE = new Set(['name', 'notes', 'completed', 'due_on', 'assignee', 'custom_fields']);

/** PUT /tasks/{gid} (https://developers.asana.com/reference/updatetask): only the fields sent change. */
function taskChanges(s: Services, ctx: RouteContext, taskGid: string): TaskChanges {
  const data = dataOf(ctx);
  const task = s.store.task(taskGid);
  const changes: TaskChanges = {};
  for (const [key, value] of Object.entries(data)) {
    // Strict reading: a field this stand-in does not write is refused, not silently ignored.
    if (!TASK_WRITABLE.has(key)) throw invalidParam(key, 'Cannot write this field');
    if ((key === 'name' || key === 'notes') && typeof value !== 'string') throw invalidParam(key, 'Must be a string');
    if (key === 'completed' && typeof value !== 'boolean') throw invalidParam(key, 'Must be a boolean');
  }
  if (typeof data.name === 'string') changes.name = data.name;
  if (typeof data.notes === 'string') changes.notes = data.notes;
  if (typeof data.completed === 'boolean') changes.completed = data.completed;
  if ('due_on' in data) {
    if (data.due_on !== null && (typeof data.due_on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(data.due_on))) throw invalidParam('due_on', 'Must be a date YYYY-MM-DD or null');
    changes.dueOn = data.due_on as string | null;
  }
  if ('assignee' in data) {
    const a = data.assignee;
    if (a !== null && typeof a !== 'string') throw invalidParam('assignee', 'Must be a user gid, "me", or null');
    changes.assignee = a === 'me' ? ctx.user.gid : a === null ? null : s.store.user(a, 'assignee').gid;
  }
  if ('custom_fields' in data) {
    const cf = data.custom_fields;
    if (cf === null || typeof cf !== 'object' || Array.isArray(cf)) throw invalidParam('custom_fields', 'Must be an object of custom field gid to value');
    changes.customFields = Object.fromEntries(Object.entries(cf).map(([f, v]) => [f, s.store.checkFieldValue(task, f, v)]));
  }
  return changes;
}

/** POST /tasks/{gid}/stories (https://developers.asana.com/reference/createstoryfortask). */
function createComment(ctx: RouteContext, s: Services): RouteResult {
  const task = s.store.task(param(ctx));
  const data = dataOf(ctx);
  if (data.text !== undefined && data.html_text !== undefined) throw invalidParam('text', 'Specify text or html_text, not both');
  let story;
  if (data.html_text !== undefined) {
    // Rich text must be XML wrapped in a <body> element (https://developers.asana.com/docs/rich-text).
    if (typeof data.html_text !== 'string' || !/^<body>[\s\S]*<\/body>$/.test(data.html_text) || !balanced(data.html_text)) throw invalidParam('html_text', 'XML is invalid');
    story = s.store.addComment(task.gid, ctx.user.gid, plainText(data.html_text), data.html_text);
  } else {
    if (typeof data.text !== 'string' || data.text.length === 0) throw missingInput('text');
    story = s.store.addComment(task.gid, ctx.user.gid, data.text);
  }
  return created(s.records.story(story), 'story', ctx, `/stories/${story.gid}`);
}

/** POST /sections/{gid}/addTask (https://developers.asana.com/reference/addtaskforsection): `{ data: {} }`. */
function addTaskToSection(ctx: RouteContext, s: Services): RouteResult {
  const section = s.store.section(param(ctx));
  const data = dataOf(ctx);
  if (typeof data.task !== 'string' || !data.task) throw missingInput('task');
  const task = s.store.task(data.task, 'task');
  if (data.insert_before !== undefined && data.insert_after !== undefined) throw invalidParam('insert_before', 'Cannot specify both insert_before and insert_after');
  const placement = {
    ...(typeof data.insert_before === 'string' ? { insertBefore: data.insert_before } : {}),
    ...(typeof data.insert_after === 'string' ? { insertAfter: data.insert_after } : {}),
  };
  s.store.moveTask(task.gid, section.gid, ctx.user.gid, placement);
  return ok({ data: {} });
}

function projectTasks(ctx: RouteContext, s: Services): RouteResult {
  const project = s.store.project(param(ctx));
  // completed_since=now: only incomplete tasks (https://developers.asana.com/reference/gettasksforproject).
  const onlyIncomplete = ctx.query.get('completed_since') === 'now';
  const gids = s.store.projectSections(project.gid).flatMap((sec) => sec.tasks);
  const tasks = gids.map((g) => s.store.task(g)).filter((t) => !onlyIncomplete || !t.completed);
  return many(tasks.map((t) => s.records.task(t)), 'task', ctx, `/projects/${project.gid}/tasks`);
}

// ---- webhooks ----

async function createWebhook(ctx: RouteContext, s: Services): Promise<RouteResult> {
  const hook = await s.webhooks.create(ctx.user.gid, dataOf(ctx));
  return created(s.records.webhook(hook), 'webhook', ctx, `/webhooks/${hook.gid}`);
}

function listWebhooks(ctx: RouteContext, s: Services): RouteResult {
  const workspace = ctx.query.get('workspace');
  if (!workspace) throw missingInput('workspace');
  const hooks = s.webhooks.list(ctx.user.gid, workspace, ctx.query.get('resource') ?? undefined);
  return many(hooks.map((h) => s.records.webhook(h)), 'webhook', ctx, '/webhooks');
}

/** PUT /webhooks/{gid}: "the webhook's previous filters array will be completely overwritten" (updatewebhook). */
function updateWebhook(ctx: RouteContext, s: Services): RouteResult {
  const hook = s.webhooks.get(param(ctx));
  if (hook.owner !== ctx.user.gid) throw new AsanaError(403, 'webhook: Not the owner of this webhook');
  s.webhooks.setFilters(hook, dataOf(ctx).filters);
  return one(s.records.webhook(hook), 'webhook', ctx);
}

function deleteWebhook(ctx: RouteContext, s: Services): RouteResult {
  const hook = s.webhooks.get(param(ctx));
  if (hook.owner !== ctx.user.gid) throw new AsanaError(403, 'webhook: Not the owner of this webhook');
  s.webhooks.delete(hook.gid);
  return ok({ data: {} });
}

// ---- the table ----

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/users\/me$/, (ctx, s) => one(s.records.user(ctx.user), 'user', ctx)],
  // asana-hub: user paths take "me", an email or a gid (https://developers.asana.com/reference/getuser, user_gid).
  ['GET', /^\/users\/([0-9]+|[^/]+@[^/]+)$/, (ctx, s) => one(s.records.user([...s.store.users.values()].find((u) => u.email === decodeURIComponent(param(ctx)).toLowerCase()) ?? s.store.user(param(ctx))), 'user', ctx)],
  ['GET', /^\/workspaces$/, (ctx, s) => many([...s.store.workspaces.values()].map((w) => s.records.workspace(w)), 'workspace', ctx, '/workspaces')],
  ['GET', new RegExp(`^/projects/${GID}$`), (ctx, s) => one(s.records.project(s.store.project(param(ctx))), 'project', ctx)],
  ['GET', new RegExp(`^/projects/${GID}/sections$`), (ctx, s) => many(s.store.projectSections(s.store.project(param(ctx)).gid).map((x) => s.records.section(x)), 'section', ctx, `/projects/${param(ctx)}/sections`)],
  ['GET', new RegExp(`^/projects/${GID}/tasks$`), projectTasks],
  ['GET', new RegExp(`^/sections/${GID}$`), (ctx, s) => one(s.records.section(s.store.section(param(ctx))), 'section', ctx)],
  ['POST', new RegExp(`^/sections/${GID}/addTask$`), addTaskToSection],
  ['GET', new RegExp(`^/tasks/${GID}$`), (ctx, s) => one(s.records.task(s.store.task(param(ctx))), 'task', ctx)],
  ['PUT', new RegExp(`^/tasks/${GID}$`), (ctx, s) => one(s.records.task(s.store.updateTask(param(ctx), taskChanges(s, ctx, param(ctx)), ctx.user.gid)), 'task', ctx)],
  ['GET', new RegExp(`^/tasks/${GID}/stories$`), (ctx, s) => many(s.store.taskStories(s.store.task(param(ctx)).gid).map((x) => s.records.story(x)), 'story', ctx, `/tasks/${param(ctx)}/stories`)],
  ['POST', new RegExp(`^/tasks/${GID}/stories$`), createComment],
  ['GET', new RegExp(`^/stories/${GID}$`), (ctx, s) => one(s.records.story(s.store.storyByGid(param(ctx))), 'story', ctx)],
  ['GET', /^\/events$/, (ctx, s) => ok(s.streams.read(ctx.query.get('resource'), ctx.query.get('sync')))],
  ['POST', /^\/webhooks$/, createWebhook],
  ['GET', /^\/webhooks$/, listWebhooks],
  ['GET', new RegExp(`^/webhooks/${GID}$`), (ctx, s) => one(s.records.webhook(s.webhooks.get(param(ctx))), 'webhook', ctx)],
  ['PUT', new RegExp(`^/webhooks/${GID}$`), updateWebhook],
  ['DELETE', new RegExp(`^/webhooks/${GID}$`), deleteWebhook],
];

export function route(method: string, path: string): { handler: Handler; params: string[] } | undefined {
  for (const [m, pattern, handler] of ROUTES) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return { handler, params: match.slice(1) };
  }
  return undefined;
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A light well-formedness check: every opened tag is closed in order. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}
