import type { Db } from '../db';
import type { ReactorContext } from '../reactors/reactor';
import { AsanaApiError } from './asana-api-error';
import type { AsanaEvent, AsanaTask } from './client';
import type { AsanaConfig } from './config';
import { type AsanaConnection, noteRateLimit, usableConnection } from './connection';
import { linkedProjects } from './linked-projects';
import { type Candidate, candidateOf, eventKey, triggerOf } from './triggers';

const BATCH = 100;
/** An event whose task cannot be read after this many tries is set aside (logged), not retried forever. */
const MAX_ATTEMPTS = 20;

/**
 * Keeps the events of a delivery or a poll that can fire a rule, once each: a replayed delivery, and
 * the poll's copy of a delivered change, are the same row. Answers how many were new.
 */
export async function recordEvents(db: Db, workspaceId: string, projectGid: string, events: readonly AsanaEvent[], via: 'webhook' | 'poll', now: number): Promise<number> {
  let added = 0;
  for (const event of events) {
    if (!candidateOf(event)) continue;
    const { rows } = await db.query(
      `insert into asana_inbox (workspace_id, event_key, project_gid, event, via, received_ms) values ($1, $2, $3, $4, $5, $6)
       on conflict (workspace_id, event_key) do nothing returning event_key`,
      [workspaceId, eventKey(event), projectGid, JSON.stringify(event), via, now],
    );
    added += rows.length;
  }
  if (events.length > 0) await db.query('update asana_projects set last_event_ms = $3 where workspace_id = $1 and project_gid = $2', [workspaceId, projectGid, now]);
  return added;
}

interface InboxRow {
  event_key: string;
  project_gid: string;
  event: AsanaEvent;
  attempts: number;
}

/**
 * Turns waiting events into rule triggers: reads each task again (events carry ids only; one read per
 * task per pass), derives the trigger, hands it to `fireRules`. An event is done once its trigger was
 * handed over (or it fires nothing); a 429 stops the pass until its Retry-After, other failures leave
 * the event for the next pass.
 */
export async function processInbox(ctx: ReactorContext, config: AsanaConfig, workspaceId: string): Promise<void> {
  const conn = await usableConnection(ctx.db, config, workspaceId, ctx.now());
  if (!conn) return;
  const { rows } = await ctx.db.query<InboxRow>(
    'select event_key, project_gid, event, attempts from asana_inbox where workspace_id = $1 and processed_ms is null order by received_ms, event_key limit $2',
    [workspaceId, BATCH],
  );
  if (rows.length === 0) return;
  const superseded = supersededFieldEvents(rows);
  for (const row of superseded) await settle(ctx.db, workspaceId, row.event_key, ctx.now(), 'superseded by a newer change of the field');
  const clients = new Map((await linkedProjects(ctx.store, workspaceId)).map((p) => [p.gid, p.clientId]));
  const tasks = new Map<string, Promise<AsanaTask | undefined>>();
  for (const row of rows.filter((r) => !superseded.has(r))) {
    try {
      const outcome = await fireFor(ctx, config, conn, workspaceId, row, clients.get(row.project_gid), tasks);
      await settle(ctx.db, workspaceId, row.event_key, ctx.now(), outcome);
    } catch (error) {
      if ((await noteRateLimit(ctx.db, workspaceId, error, ctx.now())) !== undefined) return;
      await failedOnce(ctx, workspaceId, row, error);
    }
  }
}

/**
 * The field changes waiting that a newer change of the same task's same field follows: the task is
 * read as it is now, so each would fire with the newest value (and Asana's events do not carry the
 * value to tell them apart). Only the newest of each (task, field) fires.
 */
function supersededFieldEvents(rows: readonly InboxRow[]): Set<InboxRow> {
  const newest = new Map<string, { row: InboxRow; at: string }>();
  const older = new Set<InboxRow>();
  for (const row of rows) {
    const c = candidateOf(row.event);
    if (c?.kind !== 'field') continue;
    const key = `${c.taskGid}:${c.fieldGid}`;
    const seen = newest.get(key);
    if (!seen) newest.set(key, { row, at: c.at });
    else if (seen.at <= c.at) {
      older.add(seen.row);
      newest.set(key, { row, at: c.at });
    } else older.add(row);
  }
  return older;
}

async function fireFor(
  ctx: ReactorContext,
  config: AsanaConfig,
  conn: AsanaConnection,
  workspaceId: string,
  row: InboxRow,
  clientId: string | undefined,
  tasks: Map<string, Promise<AsanaTask | undefined>>,
): Promise<string> {
  const candidate = candidateOf(row.event);
  if (!candidate || !clientId) return 'not a linked project';
  if (!tasks.has(candidate.taskGid)) tasks.set(candidate.taskGid, readTask(conn, candidate.taskGid));
  const task = await tasks.get(candidate.taskGid)!;
  if (!task) return 'task gone';
  const trigger = triggerOf(candidate, task, clientId, await leftSectionName(conn, candidate, task));
  if (!trigger) return 'fires nothing';
  const fired = await config.fireRules(ctx, workspaceId, trigger);
  ctx.log({ level: 'info', msg: 'asana trigger fired', workspaceId, key: trigger.key, started: fired.started.length, skipped: fired.skipped.length });
  return JSON.stringify({ key: trigger.key, started: fired.started, skipped: fired.skipped }).slice(0, 2000);
}

/** A deleted task (404) fires nothing; any other failure is thrown (tried again). */
async function readTask(conn: AsanaConnection, gid: string): Promise<AsanaTask | undefined> {
  return conn.client.task(gid).catch((error: unknown) => {
    if (error instanceof AsanaApiError && error.status === 404) return undefined;
    throw error;
  });
}

/** A task moved on before it was read: the name of the section it was moved to, asked of Asana. */
async function leftSectionName(conn: AsanaConnection, c: Candidate, task: AsanaTask): Promise<string | undefined> {
  if (c.kind !== 'section' || task.memberships?.some((m) => m.section?.gid === c.sectionGid)) return undefined;
  return (await conn.client.section(c.sectionGid).catch(() => undefined))?.name;
}

const settle = (db: Db, workspaceId: string, key: string, now: number, outcome: string) =>
  db.query('update asana_inbox set processed_ms = $3, outcome = $4 where workspace_id = $1 and event_key = $2', [workspaceId, key, now, outcome]);

async function failedOnce(ctx: ReactorContext, workspaceId: string, row: InboxRow, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  const attempts = row.attempts + 1;
  ctx.log({ level: attempts >= MAX_ATTEMPTS ? 'error' : 'warn', msg: attempts >= MAX_ATTEMPTS ? 'asana event set aside' : 'asana event not processed yet', workspaceId, event: row.event_key, error: reason });
  if (attempts >= MAX_ATTEMPTS) await settle(ctx.db, workspaceId, row.event_key, ctx.now(), `given up: ${reason}`.slice(0, 2000));
  else await ctx.db.query('update asana_inbox set attempts = $3 where workspace_id = $1 and event_key = $2', [workspaceId, row.event_key, attempts]);
}
