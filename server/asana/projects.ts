import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { ReactorContext } from '../reactors/reactor';
import { AsanaApiError } from './asana-api-error';
import type { WebhookFilter } from './client';
import type { AsanaConfig } from './config';
import { type AsanaConnection, noteCallError, noteRateLimit } from './connection';
import { recordEvents } from './inbox';
import type { LinkedProject } from './linked-projects';

/** Pages of events one poll reads at most per project (100 each); the rest waits for the next poll. */
const MAX_PAGES = 10;
/** A webhook Asana would not create is tried again after this long. */
const WEBHOOK_RETRY_MS = 60 * 60 * 1000;
/** A webhook still `pending` this long after its POST /webhooks began is taken as failed and created again. */
const PENDING_MS = 2 * 60 * 1000;
/**
 * Only what can fire a rule: a task added to a section (a section move) and changes of its completion
 * and custom fields (https://developers.asana.com/docs/webhooks-guide, "Filtering").
 */
export const WEBHOOK_FILTERS: WebhookFilter[] = [
  { resource_type: 'task', action: 'added' },
  { resource_type: 'task', action: 'changed', fields: ['completed', 'custom_fields'] },
];

export interface ProjectRow {
  project_gid: string;
  hook_id: string;
  webhook_state: 'none' | 'pending' | 'active' | 'failed';
  webhook_gid: string | null;
  webhook_retry_ms: string;
  sync_token: string | null;
  next_poll_ms: string;
  last_event_ms: string | null;
  poll_error: string | null;
}

export async function projectRows(db: Db, workspaceId: string): Promise<ProjectRow[]> {
  const { rows } = await db.query<ProjectRow>(
    'select project_gid, hook_id, webhook_state, webhook_gid, webhook_retry_ms, sync_token, next_poll_ms, last_event_ms, poll_error from asana_projects where workspace_id = $1 order by project_gid',
    [workspaceId],
  );
  return rows;
}

/**
 * One row per linked project (a project linked since gets one; its first poll is due now); a project
 * no longer linked loses its webhook at Asana and its row. Throws a 429 (the caller stops its pass).
 */
export async function syncProjects(db: Db, conn: AsanaConnection, workspaceId: string, linked: readonly LinkedProject[]): Promise<ProjectRow[]> {
  const linkedGids = new Set(linked.map((p) => p.gid));
  for (const p of linked) {
    await db.query('insert into asana_projects (workspace_id, project_gid, hook_id) values ($1, $2, $3) on conflict (workspace_id, project_gid) do nothing', [workspaceId, p.gid, newHookId()]);
  }
  const rows = await projectRows(db, workspaceId);
  for (const row of rows.filter((r) => !linkedGids.has(r.project_gid))) {
    // A webhook Asana would not delete (403…) is left to Asana: its deliveries to a hook id the hub no
    // longer knows are answered 410, and Asana then removes it. Only a 429 stops the pass.
    if (row.webhook_gid) await conn.client.deleteWebhook(row.webhook_gid).catch(ignoreGone).catch((error: unknown) => rethrowRateLimit(error));
    await db.query('delete from asana_projects where workspace_id = $1 and project_gid = $2', [workspaceId, row.project_gid]);
  }
  return rows.filter((r) => linkedGids.has(r.project_gid));
}

const newHookId = () => randomBytes(18).toString('base64url');

/** A webhook already gone at Asana is what deleting wanted; anything else is thrown. */
function ignoreGone(error: unknown): void {
  if (error instanceof AsanaApiError && (error.status === 404 || error.status === 410)) return;
  throw error;
}

/** A 429 is thrown (the caller stops its pass); any other failure concerns one project only. */
function rethrowRateLimit(error: unknown): void {
  if (error instanceof AsanaApiError && error.status === 429) throw error;
}

/**
 * Creates the webhook of each project that has none (when Asana can reach the hub). The row is
 * `pending` under a fresh hook id before POST /webhooks: Asana's handshake comes to
 * `/hooks/asana/<hook id>` while that request is still open, and the route stores its secret.
 */
export async function ensureWebhooks(ctx: ReactorContext, config: AsanaConfig, conn: AsanaConnection, workspaceId: string, rows: readonly ProjectRow[]): Promise<void> {
  if (!config.hookBase) return;
  const now = ctx.now();
  // A `pending` row past its deadline was left by a hub that stopped during POST /webhooks: tried again.
  const due = (r: ProjectRow) => r.webhook_state === 'none' || ((r.webhook_state === 'failed' || r.webhook_state === 'pending') && Number(r.webhook_retry_ms) <= now);
  for (const row of rows.filter(due)) {
    const hookId = newHookId();
    // Taken only if still as read: another hub process on the database may be creating it right now.
    const taken = await ctx.db.query(
      "update asana_projects set hook_id = $3, webhook_state = 'pending', webhook_secret = null, webhook_retry_ms = $6 where workspace_id = $1 and project_gid = $2 and hook_id = $4 and webhook_state = $5 returning hook_id",
      [workspaceId, row.project_gid, hookId, row.hook_id, row.webhook_state, now + PENDING_MS],
    );
    if (taken.rows.length === 0) continue;
    try {
      const hook = await conn.client.createWebhook(row.project_gid, `${config.hookBase}/hooks/asana/${hookId}`, WEBHOOK_FILTERS);
      await ctx.db.query("update asana_projects set webhook_state = 'active', webhook_gid = $3, webhook_error = null where workspace_id = $1 and hook_id = $2", [workspaceId, hookId, hook.gid]);
    } catch (error) {
      const limited = (await noteRateLimit(ctx.db, workspaceId, error, ctx.now())) !== undefined;
      const reason = error instanceof Error ? error.message : String(error);
      await ctx.db.query('update asana_projects set webhook_state = $3, webhook_error = $4, webhook_retry_ms = $5 where workspace_id = $1 and hook_id = $2', [workspaceId, hookId, limited ? 'none' : 'failed', reason.slice(0, 1000), ctx.now() + WEBHOOK_RETRY_MS]);
      if (limited) throw error;
      ctx.log({ level: 'warn', msg: 'asana webhook not created; the poll covers this project', workspaceId, project: row.project_gid, error: reason });
    }
  }
}

/**
 * The fallback poll of the Events API, per project when its period has passed: the first call answers
 * 412 with a sync token (kept: events from then on are read); later calls read the events since. A
 * token Asana no longer knows (412 again) is replaced, and said in the log: changes between are only
 * seen if a webhook delivered them. A project Asana refuses (an unknown gid, one the bot cannot see)
 * gets the reason on its row (shown in the settings) and is tried again next period; the others are
 * polled. Throws a 429 (the caller stops; the poll stays due).
 */
export async function pollProjects(ctx: ReactorContext, config: AsanaConfig, conn: AsanaConnection, workspaceId: string, rows: readonly ProjectRow[]): Promise<void> {
  for (const row of rows.filter((r) => Number(r.next_poll_ms) <= ctx.now())) {
    let pollError: string | null = null;
    let failure: unknown;
    try {
      await pollProject(ctx, conn, workspaceId, row);
    } catch (error) {
      rethrowRateLimit(error);
      failure = error;
      pollError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      ctx.log({ level: 'warn', msg: 'asana project not polled', workspaceId, project: row.project_gid, error: pollError });
    }
    await noteCallError(ctx.db, workspaceId, failure);
    const now = ctx.now();
    await ctx.db.query('update asana_projects set next_poll_ms = $3, last_poll_ms = $4, poll_error = $5 where workspace_id = $1 and project_gid = $2', [workspaceId, row.project_gid, now + config.pollMs, now, pollError]);
    // Asana down or slow: the other projects wait for their next period rather than each waiting out a timeout.
    if (pollError !== null && failure instanceof AsanaApiError && failure.transient) return;
  }
}

async function pollProject(ctx: ReactorContext, conn: AsanaConnection, workspaceId: string, row: ProjectRow): Promise<void> {
  let sync = row.sync_token ?? undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await conn.client.events(row.project_gid, sync);
    if (answer.reset && sync) ctx.log({ level: 'warn', msg: 'asana sync token expired; a new one was issued', workspaceId, project: row.project_gid });
    if (!answer.reset) await recordEvents(ctx.db, workspaceId, row.project_gid, answer.events, 'poll', ctx.now());
    sync = answer.sync;
    await ctx.db.query('update asana_projects set sync_token = $3 where workspace_id = $1 and project_gid = $2', [workspaceId, row.project_gid, sync]);
    if (answer.reset || !answer.hasMore) return;
  }
}
