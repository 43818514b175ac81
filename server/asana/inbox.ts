import type { Db } from '../db';
import type { ReactorContext } from '../reactors/reactor';
import { AsanaApiError } from './asana-api-error';
import type { AsanaEvent, AsanaTask } from './client';
import type { AsanaConfig } from './config';
import { type AsanaConnection, noteCallError, noteRateLimit, usableConnection } from './connection';
import { linkedProjects } from './linked-projects';
import { type Candidate, candidateOf, eventKey, triggerOf } from './triggers';

const BATCH = 100;
/** An event still not turned into a trigger a day after it came is set aside (its reason recorded and logged). */
const GIVE_UP_MS = 24 * 60 * 60 * 1000;

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
  received_ms: string;
}

/**
 * Turns waiting events into rule triggers: reads each task again (events carry ids only; one read per
 * task per pass), derives the trigger, hands it to `fireRules`. An event is done once its trigger was
 * handed over (or it fires nothing); a 429 stops the pass until its Retry-After, Asana unavailable
 * stops it until the next tick (see `failedOnce`).
 */
export async function processInbox(ctx: ReactorContext, config: AsanaConfig, workspaceId: string): Promise<void> {
  const conn = await usableConnection(ctx.db, config, workspaceId, ctx.now());
  if (!conn) return;
  const { rows } = await ctx.db.query<InboxRow>(
    'select event_key, project_gid, event, attempts, received_ms from asana_inbox where workspace_id = $1 and processed_ms is null order by received_ms, event_key limit $2',
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
      if ((await failedOnce(ctx, workspaceId, row, error)) === 'stop') return;
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

/**
 * Asana down or slow (5xx, no answer in time) or refusing the token (401) ends the pass: the rest waits
 * for the next tick, and the try is not counted. Asana refusing this event's task (403…) sets it aside
 * at once; anything else (the rules engine, the database) is counted and tried again. An event a day
 * old is set aside whatever the reason.
 */
async function failedOnce(ctx: ReactorContext, workspaceId: string, row: InboxRow, error: unknown): Promise<'stop' | 'next'> {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof AsanaApiError) await noteCallError(ctx.db, workspaceId, error);
  const stop = error instanceof AsanaApiError && (error.transient || error.status === 401);
  const refused = error instanceof AsanaApiError && !stop;
  if (refused || ctx.now() - Number(row.received_ms) >= GIVE_UP_MS) {
    ctx.log({ level: 'error', msg: 'asana event set aside', workspaceId, event: row.event_key, error: reason });
    await settle(ctx.db, workspaceId, row.event_key, ctx.now(), `given up: ${reason}`.slice(0, 2000));
  } else if (stop) {
    ctx.log({ level: 'warn', msg: 'asana unavailable; the waiting events are tried on the next tick', workspaceId, event: row.event_key, error: reason });
  } else {
    ctx.log({ level: 'warn', msg: 'asana event not processed yet', workspaceId, event: row.event_key, error: reason });
    await ctx.db.query('update asana_inbox set attempts = $3 where workspace_id = $1 and event_key = $2', [workspaceId, row.event_key, row.attempts + 1]);
  }
  return stop ? 'stop' : 'next';
}
