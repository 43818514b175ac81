// Webhooks as https://developers.asana.com/reference/createwebhook and
// https://developers.asana.com/docs/webhooks-guide describe them:
// - POST /webhooks confirms the target *while the request is open*: a POST to `target` carrying
//   `X-Hook-Secret`; only a 200 or 204 that echoes the same `X-Hook-Secret` creates the webhook,
//   anything else fails the creation with an error. Invalid hostnames like localhost get 403.
// - Deliveries are POSTs of `{ "events": [...] }` with `X-Hook-Signature`, the hex HMAC-SHA256 of
//   the raw body keyed with the handshake's secret.
// - A target that does not answer with a success within 10 seconds is retried with backoff (Asana:
//   for up to 24 hours; here the `deliveryRetryMs` schedule), and delivery is at most once: a lost
//   delivery is never resent, only the Events API still has its events.
// - Heartbeats are deliveries with an empty `events` array.
// - Filters: an event is delivered when it passes any filter; a filter matches on `resource_type`,
//   `resource_subtype`, `action` and (for `changed` only) `fields`. Higher-level resources
//   (workspaces) require filters.
import { createHmac, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AsanaError, invalidParam, missingInput, notRecognized, unknownObject } from './errors';
import type { AsanaStore } from './store';
import type { AsanaEvent, DeliveryRecord, LoggedEvent, WebhookFilter, WebhookRecord } from './types';

/** Asana waits 10 seconds for a target (webhooks guide, overview). */
const TARGET_TIMEOUT_MS = 10_000;

export interface WebhookOptions {
  allowPrivateTargets: boolean;
  retryMs: number[];
}

export function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export class Webhooks {
  readonly hooks = new Map<string, WebhookRecord>();
  readonly log: DeliveryRecord[] = [];
  private dropBudget = 0;
  private last: { hook: WebhookRecord; body: string; signature: string } | undefined;
  private readonly inflight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly store: AsanaStore,
    private readonly options: WebhookOptions,
  ) {
    store.onEvents((batch) => this.dispatch(batch));
  }

  /** POST /webhooks: validates, performs the handshake, and only then creates the webhook. */
  async create(owner: string, input: unknown): Promise<WebhookRecord> {
    const { resource, target, filters } = this.parse(input);
    // Asana refuses a second webhook on the same resource and target with this 403 (not in the
    // reference pages; the answer Asana gives, quoted in https://github.com/n8n-io/n8n/issues/133).
    if ([...this.hooks.values()].some((h) => h.resource === resource && h.target === target)) {
      throw new AsanaError(403, 'Duplicated webhook. You already have an existing webhook for the given resource and target. Delete the old one before creating another.');
    }
    await this.checkTarget(target);
    const secret = randomBytes(32).toString('hex');
    await this.handshake(target, secret);
    const hook: WebhookRecord = {
      gid: this.store.newGid(),
      resource,
      target,
      secret,
      filters,
      owner,
      active: true,
      createdAt: this.store.now(),
      lastSuccessAt: null,
      lastFailureAt: null,
      lastFailureContent: '',
    };
    this.hooks.set(hook.gid, hook);
    return hook;
  }

  private parse(input: unknown): { resource: string; target: string; filters: WebhookFilter[] } {
    const data = (input ?? {}) as Record<string, unknown>;
    if (typeof data.resource !== 'string' || !data.resource) throw missingInput('resource');
    if (typeof data.target !== 'string' || !data.target) throw missingInput('target');
    const kind = this.store.kindOf(data.resource);
    if (kind !== 'task' && kind !== 'project' && kind !== 'workspace') throw notRecognized('resource', data.resource);
    const filters = parseFilters(data.filters);
    if (kind === 'workspace' && filters.length === 0) throw invalidParam('filters', 'Webhooks on a workspace require filters');
    return { resource: data.resource, target: data.target, filters };
  }

  /**
   * Asana refuses targets it cannot reach from the internet ("Invalid hostnames like localhost will
   * receive a 403 Forbidden"). Strict reading: only https, and no loopback, private or link-local
   * address, by name or after resolution. Tests opt out with `allowPrivateTargets`.
   */
  private async checkTarget(target: string): Promise<void> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw invalidParam('target', 'Not a valid URL');
    }
    if (this.options.allowPrivateTargets) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AsanaError(403, 'target: Invalid target URL');
      return;
    }
    if (url.protocol !== 'https:') throw new AsanaError(403, 'target: Webhook targets must use https');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost')) throw new AsanaError(403, 'target: Invalid hostname');
    const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((all) => all.map((a) => a.address), () => []);
    if (addresses.length === 0) throw invalidParam('target', 'Hostname could not be resolved');
    if (addresses.some(isPrivateAddress)) throw new AsanaError(403, 'target: Invalid hostname');
  }

  private async handshake(target: string, secret: string): Promise<void> {
    let ok: boolean;
    try {
      const res = await fetch(target, { method: 'POST', headers: { 'X-Hook-Secret': secret }, redirect: 'manual', signal: AbortSignal.timeout(TARGET_TIMEOUT_MS) });
      await res.arrayBuffer().catch(() => undefined);
      ok = (res.status === 200 || res.status === 204) && res.headers.get('x-hook-secret') === secret;
    } catch {
      ok = false;
    }
    // The docs only say "you will receive an error in response to your attempt to create it";
    // we answer 400 (the request could not be completed as asked) with what went wrong.
    if (!ok) throw new AsanaError(400, 'target: The target did not complete the handshake (it must answer 200 or 204 echoing X-Hook-Secret)');
  }

  setFilters(hook: WebhookRecord, raw: unknown): void {
    const filters = parseFilters(raw);
    if (this.store.kindOf(hook.resource) === 'workspace' && filters.length === 0) throw invalidParam('filters', 'Webhooks on a workspace require filters');
    hook.filters = filters;
  }

  list(owner: string, workspace: string, resource: string | undefined): WebhookRecord[] {
    return [...this.hooks.values()].filter((h) => h.owner === owner && workspaceOf(this.store, h.resource) === workspace && (resource === undefined || h.resource === resource));
  }

  get(gid: string): WebhookRecord {
    const hook = this.hooks.get(gid);
    if (!hook) throw unknownObject('webhook', gid);
    return hook;
  }

  /** DELETE /webhooks/{gid}: no further deliveries, pending retries included. */
  delete(gid: string): void {
    this.get(gid).active = false;
    this.hooks.delete(gid);
  }

  // ---- deliveries ----

  private dispatch(batch: LoggedEvent[]): void {
    for (const hook of this.hooks.values()) {
      const events = batch.filter((e) => e.scope.includes(hook.resource) && passes(hook.filters, e.event)).map((e) => e.event);
      if (events.length === 0) continue;
      const body = JSON.stringify({ events });
      // Asana delivers within a minute, never during the request that made the change.
      this.later(0, () => this.send(hook, body));
    }
  }

  private send(hook: WebhookRecord, body: string): void {
    if (this.dropBudget > 0) {
      this.dropBudget -= 1;
      return;
    }
    this.track(this.attempts(hook, body, sign(hook.secret, body)));
  }

  private async attempts(hook: WebhookRecord, body: string, signature: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.closed || !hook.active) return;
      const record = await this.post(hook, body, signature, attempt);
      if (record.status !== null && record.status >= 200 && record.status < 300) return;
      const wait = this.options.retryMs[attempt - 1];
      if (wait === undefined) return;
      await new Promise<void>((resolve) => this.later(wait, resolve));
    }
  }

  private async post(hook: WebhookRecord, body: string, signature: string, attempt: number, replay = false): Promise<DeliveryRecord> {
    const record: DeliveryRecord = { webhook: hook.gid, target: hook.target, body, signature, attempt, status: null, at: this.store.now(), ...(replay ? { replay } : {}) };
    this.log.push(record);
    this.last = { hook, body, signature };
    try {
      const res = await fetch(hook.target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hook-Signature': signature },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TARGET_TIMEOUT_MS),
      });
      record.status = res.status;
      const text = await res.text().catch(() => '');
      if (res.status >= 200 && res.status < 300) hook.lastSuccessAt = this.store.now();
      else [hook.lastFailureAt, hook.lastFailureContent] = [this.store.now(), text.slice(0, 1000)];
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      [hook.lastFailureAt, hook.lastFailureContent] = [this.store.now(), record.error];
    }
    return record;
  }

  /** Heartbeats: a signed `{ "events": [] }` to every webhook (no retries: the next one follows). */
  async heartbeat(): Promise<DeliveryRecord[]> {
    const body = JSON.stringify({ events: [] });
    return Promise.all([...this.hooks.values()].map((hook) => this.post(hook, body, sign(hook.secret, body), 1)));
  }

  dropNext(n: number): void {
    this.dropBudget += n;
  }

  /** The last delivery posted again, same body and same signature (a replayed request). */
  async replayLast(): Promise<DeliveryRecord> {
    if (!this.last) throw new Error('No delivery to replay yet');
    const { hook, body, signature } = this.last;
    return this.post(hook, body, signature, 1, true);
  }

  /** Resolves once no delivery is waiting, in flight or due for a retry. */
  async settled(): Promise<void> {
    while (this.inflight.size > 0 || this.timers.size > 0) {
      await Promise.all([...this.inflight]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private track(promise: Promise<void>): void {
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
  }
}

function parseFilters(raw: unknown): WebhookFilter[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidParam('filters', 'Must be an array of filters');
  return raw.map((f, i) => {
    if (f === null || typeof f !== 'object') throw invalidParam(`filters[${i}]`, 'Must be an object');
    const { resource_type, resource_subtype, action, fields } = f as Record<string, unknown>;
    const filter: WebhookFilter = {};
    if (resource_type !== undefined) filter.resource_type = String(resource_type);
    if (resource_subtype !== undefined) filter.resource_subtype = String(resource_subtype);
    if (action !== undefined) {
      if (!['changed', 'added', 'removed', 'deleted', 'undeleted'].includes(String(action))) throw invalidParam(`filters[${i}].action`, `Unknown action: ${String(action)}`);
      filter.action = String(action);
    }
    if (fields !== undefined) {
      // "This field is only valid for action of type changed" (WebhookFilter schema).
      if (filter.action !== 'changed') throw invalidParam(`filters[${i}].fields`, 'fields is only valid for action "changed"');
      if (!Array.isArray(fields) || fields.some((x) => typeof x !== 'string')) throw invalidParam(`filters[${i}].fields`, 'Must be an array of field names');
      filter.fields = fields as string[];
    }
    return filter;
  });
}

export function passes(filters: WebhookFilter[], event: AsanaEvent): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (f) =>
      (f.resource_type === undefined || f.resource_type === event.resource.resource_type) &&
      (f.resource_subtype === undefined || f.resource_subtype === event.resource.resource_subtype) &&
      (f.action === undefined || f.action === event.action) &&
      (f.fields === undefined || (event.action === 'changed' && event.change !== undefined && f.fields.includes(event.change.field))),
  );
}

function workspaceOf(store: AsanaStore, gid: string): string | undefined {
  return store.tasks.get(gid)?.workspace ?? store.projects.get(gid)?.workspace ?? (store.workspaces.has(gid) ? gid : undefined);
}

/** Loopback, private (RFC 1918, ULA), link-local, unspecified and CGNAT addresses. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}
