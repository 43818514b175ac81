import type { Db } from '../db';
import type { LoggedEvent, Reactor, ReactorContext } from '../reactors/reactor';
import type { AsanaConfig } from './config';
import { type AsanaConnection, noteCallError, noteRateLimit, usableConnection } from './connection';
import { AsanaApiError } from './asana-api-error';
import { linkedProjects } from './linked-projects';
import { commentText } from './write-back-text';

const MOMENTS = new Set(['handoff.sent', 'handoff.gaps_raised', 'handoff.confirmed']);
/** A write-back Asana keeps refusing for a day is given up (its reason recorded and logged). */
const GIVE_UP_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60 * 1000;
const BATCH = 50;
/** How long a pass holds a row it is writing back (far longer than the calls' timeouts). */
const LEASE_MS = 5 * 60 * 1000;

type Action = { action: 'comment'; text: string } | { action: 'assign'; email: string } | { action: 'move'; sectionName: string };

/**
 * 'asana-write-back': when a handoff that came from an Asana task is sent, gets gaps or is confirmed,
 * an outbox row per action (unique per event and action, so a reactor run twice writes once): a
 * comment with the summary and link; on confirmation, per the rule that started it, assigning the task
 * to the receiver and moving it to a section. `handle` only records; `tick` calls Asana when each is due.
 */
export function writeBackReactor(config: AsanaConfig): Reactor {
  return {
    name: 'asana-write-back',
    handle: (ctx, item) => record(ctx, item),
    tick: (ctx, workspaceId) => deliver(ctx, config, workspaceId),
  };
}

async function record(ctx: ReactorContext, { workspaceId, event }: LoggedEvent): Promise<void> {
  if (!MOMENTS.has(event.type)) return;
  // Not connected: nothing is kept, so connecting Asana later does not post a backlog of old moments.
  const { rows: connected } = await ctx.db.query('select 1 from asana_settings where workspace_id = $1', [workspaceId]);
  if (connected.length === 0) return;
  const planned = await ctx.store.withModel(workspaceId, (model) => {
    const handoff = model.handoff(event.entity.id);
    const task = handoff?.sources.asanaTask;
    if (!handoff || !task) return undefined;
    const rule = handoff.startedBy ? model.workspace()?.rules?.find((r) => r.id === handoff.startedBy!.ruleId) : undefined;
    const writeBack = rule?.writeBack ?? { comment: true, assignOnConfirm: false };
    const actions: Action[] = writeBack.comment ? [{ action: 'comment', text: commentText(model, handoff, event, ctx.publicUrl) }] : [];
    const receiverEmail = handoff.receiverId ? model.member(handoff.receiverId)?.email : undefined;
    if (event.type === 'handoff.confirmed' && writeBack.assignOnConfirm && receiverEmail) actions.push({ action: 'assign', email: receiverEmail });
    if (event.type === 'handoff.confirmed' && writeBack.moveToSectionOnConfirm) actions.push({ action: 'move', sectionName: writeBack.moveToSectionOnConfirm });
    // A handoff a member started names any task: it is written back only if the task is in a project
    // linked to the handoff's client (checked with Asana when delivering). A rule's draft came from one.
    const scope = handoff.startedBy ? {} : { clientId: handoff.clientId };
    return { handoffId: handoff.id, taskGid: task.id, actions, scope };
  });
  const now = ctx.now();
  for (const a of planned?.actions ?? []) {
    const { action, ...payload } = a;
    await ctx.db.query(
      `insert into asana_outbox (workspace_id, id, handoff_id, task_gid, action, payload, created_ms, next_ms) values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (workspace_id, id) do nothing`,
      [workspaceId, `${event.id}:${action}`, planned!.handoffId, planned!.taskGid, action, JSON.stringify({ ...payload, ...planned!.scope }), now],
    );
  }
}

interface OutboxRow {
  id: string;
  task_gid: string;
  action: Action['action'];
  payload: Record<string, string>;
  attempts: number;
  created_ms: string;
}

async function deliver(ctx: ReactorContext, config: AsanaConfig, workspaceId: string): Promise<void> {
  const conn = await usableConnection(ctx.db, config, workspaceId, ctx.now());
  if (!conn) return;
  const { rows } = await ctx.db.query<OutboxRow>(
    "select id, task_gid, action, payload, attempts, created_ms from asana_outbox where workspace_id = $1 and state = 'pending' and next_ms <= $2 order by created_ms, id limit $3",
    [workspaceId, ctx.now(), BATCH],
  );
  for (const row of rows) {
    if (!(await claim(ctx, workspaceId, row.id))) continue;
    try {
      await perform(ctx, conn, workspaceId, row);
      await ctx.db.query("update asana_outbox set state = 'done', done_ms = $3, attempts = attempts + 1 where workspace_id = $1 and id = $2", [workspaceId, row.id, ctx.now()]);
    } catch (error) {
      const until = await noteRateLimit(ctx.db, workspaceId, error, ctx.now());
      if (until !== undefined) return void (await ctx.db.query('update asana_outbox set next_ms = $3 where workspace_id = $1 and id = $2', [workspaceId, row.id, until]));
      await failed(ctx.db, ctx, workspaceId, row, error);
      // Asana down or slow: the other rows wait for the next tick rather than each waiting out a timeout.
      if (error instanceof AsanaApiError && error.transient) return;
    }
  }
}

/**
 * Takes the row for this pass (its next try moved a lease ahead), so a second pass — another hub process
 * on the same database — never makes the same call at the same time; a pass that dies leaves it due again.
 */
async function claim(ctx: ReactorContext, workspaceId: string, id: string): Promise<boolean> {
  const now = ctx.now();
  const { rows } = await ctx.db.query("update asana_outbox set next_ms = $3 where workspace_id = $1 and id = $2 and state = 'pending' and next_ms <= $4 returning id", [workspaceId, id, now + LEASE_MS, now]);
  return rows.length === 1;
}

async function perform(ctx: ReactorContext, conn: AsanaConnection, workspaceId: string, row: OutboxRow): Promise<void> {
  const { client } = conn;
  if (row.payload.clientId !== undefined) await inClientProject(ctx, conn, workspaceId, row.task_gid, row.payload.clientId);
  if (row.action === 'comment') return void (await client.comment(row.task_gid, row.payload.text ?? ''));
  if (row.action === 'assign') return void (await client.assign(row.task_gid, (await client.user(row.payload.email ?? '')).gid));
  const wanted = (row.payload.sectionName ?? '').trim().toLowerCase();
  const task = await client.task(row.task_gid);
  const linked = new Set((await linkedProjects(ctx.store, workspaceId)).map((p) => p.gid));
  const projects = (task.memberships ?? []).flatMap((m) => (m.project ? [m.project.gid] : [])).sort((a, b) => Number(linked.has(b)) - Number(linked.has(a)));
  for (const project of projects) {
    const section = (await client.sections(project)).find((s) => s.name.trim().toLowerCase() === wanted);
    if (section) return void (await client.addToSection(section.gid, row.task_gid));
  }
  throw new AsanaApiError(404, `No section named “${row.payload.sectionName}” in the task’s projects.`);
}

/** Refuses (for good) a task that is in none of the projects linked to the client. */
async function inClientProject(ctx: ReactorContext, conn: AsanaConnection, workspaceId: string, taskGid: string, clientId: string): Promise<void> {
  const task = await conn.client.task(taskGid);
  const linked = new Set((await linkedProjects(ctx.store, workspaceId)).filter((p) => p.clientId === clientId).map((p) => p.gid));
  if ((task.memberships ?? []).some((m) => m.project && linked.has(m.project.gid))) return;
  throw new AsanaApiError(403, 'The task is in no Asana project linked to the handoff’s client: nothing is written to it.');
}

/** Tried again with backoff while Asana may still take it (5xx, not reached); given up otherwise, or after a day. */
async function failed(db: Db, ctx: ReactorContext, workspaceId: string, row: OutboxRow, error: unknown): Promise<void> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  if (error instanceof AsanaApiError) await noteCallError(db, workspaceId, error);
  const transient = !(error instanceof AsanaApiError) || error.transient;
  const now = ctx.now();
  if (!transient || now - Number(row.created_ms) >= GIVE_UP_MS) {
    await db.query("update asana_outbox set state = 'failed', attempts = attempts + 1, last_error = $3 where workspace_id = $1 and id = $2", [workspaceId, row.id, reason]);
    ctx.log({ level: 'error', msg: 'asana write-back given up', workspaceId, outbox: row.id, action: row.action, error: reason });
    return;
  }
  const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** row.attempts);
  await db.query('update asana_outbox set attempts = attempts + 1, last_error = $3, next_ms = $4 where workspace_id = $1 and id = $2', [workspaceId, row.id, reason, now + wait]);
  ctx.log({ level: 'warn', msg: 'asana write-back failed; retried later', workspaceId, outbox: row.id, action: row.action, error: reason, retryInMs: wait });
}

