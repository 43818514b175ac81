import { AsanaApiError } from './asana-api-error';
import { retryAfterSeconds } from '../retry-after';

// Our own `fetch` client and types rather than the official `asana` npm client (v3): that client ships
// no TypeScript types and does not handle 429s (it neither surfaces Retry-After nor lets the caller
// reschedule), and the hub needs both — its reactors must never sleep through a Retry-After.

export { retryAfterSeconds };
export const DEFAULT_ASANA_BASE_URL = 'https://app.asana.com/api/1.0';
const DEFAULT_TIMEOUT_MS = 15_000;
const PAGE_LIMIT = 100;

export interface AsanaUser {
  gid: string;
  name: string;
  email?: string;
}

export interface AsanaCustomFieldValue {
  gid: string;
  name?: string;
  display_value?: string | null;
  enum_value?: { gid: string; name?: string } | null;
}

export interface AsanaTask {
  gid: string;
  name: string;
  permalink_url?: string;
  notes?: string;
  due_on?: string | null;
  completed?: boolean;
  memberships?: { project?: { gid: string }; section?: { gid: string; name?: string } }[];
  custom_fields?: AsanaCustomFieldValue[];
  assignee?: { gid: string; email?: string } | null;
}

export interface AsanaResourceRef {
  gid: string;
  resource_type: string;
  resource_subtype?: string;
}

/** An event as the Events API and webhook deliveries carry it: ids only, so the task is read again. */
export interface AsanaEvent {
  user?: { gid: string } | null;
  created_at: string;
  action: string;
  resource: AsanaResourceRef;
  parent?: AsanaResourceRef | null;
  change?: { field: string; action: string; new_value?: unknown };
}

export interface WebhookFilter {
  resource_type?: string;
  resource_subtype?: string;
  action?: string;
  fields?: string[];
}

/** What GET /events answered: a fresh sync token (412: the first call, or a token too old), or events since. */
export type EventsPage = { reset: true; sync: string } | { reset: false; events: AsanaEvent[]; sync: string; hasMore: boolean };

export const TASK_FIELDS =
  'name,permalink_url,notes,due_on,completed,memberships.section.name,memberships.project.gid,custom_fields.name,custom_fields.display_value,custom_fields.enum_value.name,assignee.email';

export interface AsanaClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}

type Query = Record<string, string | number | undefined>;

/** The Asana REST calls the hub makes, each answering the `data` Asana wraps its results in. */
export class AsanaClient {
  constructor(private readonly options: AsanaClientOptions) {}

  me = () => this.call<AsanaUser>('GET', '/users/me', { query: { opt_fields: 'name,email' } });
  /** A user by email (Asana's user paths take "me", an email or a gid). */
  user = (emailOrGid: string) => this.call<AsanaUser>('GET', `/users/${encodeURIComponent(emailOrGid).replace(/%40/g, '@')}`, { query: { opt_fields: 'name,email' } });
  task = (gid: string) => this.call<AsanaTask>('GET', `/tasks/${gid}`, { query: { opt_fields: TASK_FIELDS } });
  section = (gid: string) => this.call<{ gid: string; name: string }>('GET', `/sections/${gid}`);
  sections = (projectGid: string) => this.list<{ gid: string; name: string }>(`/projects/${projectGid}/sections`);
  comment = (taskGid: string, text: string) => this.call<{ gid: string }>('POST', `/tasks/${taskGid}/stories`, { body: { text } });
  assign = (taskGid: string, userGid: string) => this.call<AsanaTask>('PUT', `/tasks/${taskGid}`, { body: { assignee: userGid } });
  addToSection = (sectionGid: string, taskGid: string) => this.call<Record<string, never>>('POST', `/sections/${sectionGid}/addTask`, { body: { task: taskGid } });
  createWebhook = (resource: string, target: string, filters: WebhookFilter[]) => this.call<{ gid: string; active?: boolean }>('POST', '/webhooks', { body: { resource, target, filters } });
  deleteWebhook = (gid: string) => this.call<Record<string, never>>('DELETE', `/webhooks/${gid}`);

  /** GET /events: a 412 is not a failure here but the documented way a sync token is handed out. */
  async events(resource: string, sync: string | undefined): Promise<EventsPage> {
    try {
      const body = await this.send('GET', '/events', { query: { resource, sync } });
      const page = body as { data?: AsanaEvent[]; sync?: string; has_more?: boolean };
      return { reset: false, events: page.data ?? [], sync: String(page.sync ?? sync), hasMore: Boolean(page.has_more) };
    } catch (error) {
      if (error instanceof AsanaApiError && error.status === 412 && typeof error.extra.sync === 'string') return { reset: true, sync: error.extra.sync };
      throw error;
    }
  }

  private async call<T>(method: string, path: string, init: { query?: Query; body?: unknown } = {}): Promise<T> {
    return ((await this.send(method, path, init)) as { data: T }).data;
  }

  /** Every page of a list (Asana paginates with `limit` and `next_page.offset`). */
  private async list<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    let offset: string | undefined;
    do {
      const page = (await this.send('GET', path, { query: { limit: PAGE_LIMIT, offset } })) as { data: T[]; next_page?: { offset: string } | null };
      all.push(...page.data);
      offset = page.next_page?.offset;
    } while (offset);
    return all;
  }

  private async send(method: string, path: string, { query, body }: { query?: Query; body?: unknown }): Promise<unknown> {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify({ data: body }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer in time' : 'it could not be reached';
      throw new AsanaApiError(0, `Asana ${method} ${path}: ${why}.`);
    }
    const parsed: unknown = await res.json().catch(() => undefined);
    if (res.ok) return parsed;
    throw errorFrom(method, path, res, parsed);
  }
}

/** Asana's error body `{ errors: [{ message }] }` as one clear message, with a 429's Retry-After. */
function errorFrom(method: string, path: string, res: Response, body: unknown): AsanaApiError {
  const { errors, ...extra } = (body && typeof body === 'object' ? body : {}) as { errors?: { message?: string }[] } & Record<string, unknown>;
  const reasons = (errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === 'string' && m.length > 0);
  const reason = reasons.length > 0 ? reasons.join('; ') : res.statusText || 'no reason given';
  const retryAfter = res.status === 429 ? retryAfterSeconds(res.headers.get('retry-after')) : undefined;
  return new AsanaApiError(res.status, `Asana ${method} ${path} answered ${res.status}: ${reason}`, retryAfter, extra);
}
