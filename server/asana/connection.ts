import type { Db } from '../db';
import { AsanaApiError } from './asana-api-error';
import type { AsanaClient } from './client';
import { type AsanaConfig, clientFor } from './config';

export interface AsanaConnection {
  client: AsanaClient;
  user: { gid: string; name: string; email: string };
  /** Asana asked us (429) to wait until then: no call for this workspace before it. */
  blockedUntil: number;
}

/** The workspace's connection to Asana (its bot's token opened), or undefined when none is set. */
export async function connection(db: Db, config: AsanaConfig, workspaceId: string): Promise<AsanaConnection | undefined> {
  const { rows } = await db.query<{ token: string; user_gid: string; user_name: string; user_email: string; blocked_until_ms: string }>(
    'select token, user_gid, user_name, user_email, blocked_until_ms from asana_settings where workspace_id = $1',
    [workspaceId],
  );
  const row = rows[0];
  const token = row ? openToken(config, row.token) : undefined;
  if (!row || token === undefined) return undefined;
  return { client: clientFor(config, token), user: { gid: row.user_gid, name: row.user_name, email: row.user_email }, blockedUntil: Number(row.blocked_until_ms) };
}

/** The token as saved, or undefined when it cannot be read (a restored database, a changed BATON_SECRET_KEY). */
function openToken(config: AsanaConfig, stored: string): string | undefined {
  try {
    return config.box.open(stored);
  } catch {
    return undefined;
  }
}

/** Why the workspace's saved connection cannot be used, when it is saved but its token cannot be read. */
export async function unreadableConnection(db: Db, config: AsanaConfig, workspaceId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ token: string }>('select token from asana_settings where workspace_id = $1', [workspaceId]);
  if (!rows[0] || openToken(config, rows[0].token) !== undefined) return undefined;
  return 'The saved Asana token cannot be read (the hub’s secret key changed): connect again';
}

/**
 * Keeps why the last Asana call failed for the settings (a refused token in words an admin acts on),
 * or clears it (`error` undefined) after a call that worked.
 */
export async function noteCallError(db: Db, workspaceId: string, error: unknown): Promise<void> {
  const reason = error === undefined ? null : error instanceof AsanaApiError && error.status === 401 ? 'Asana refused the token: connect again' : error instanceof Error ? error.message : String(error);
  await db.query('update asana_settings set last_error = $2 where workspace_id = $1 and last_error is distinct from $2', [workspaceId, reason?.slice(0, 1000) ?? null]);
}

/** The connection when calls may be made now (connected, and not waiting out a 429). */
export async function usableConnection(db: Db, config: AsanaConfig, workspaceId: string, now: number): Promise<AsanaConnection | undefined> {
  const c = await connection(db, config, workspaceId);
  return c && c.blockedUntil <= now ? c : undefined;
}

export async function saveConnection(db: Db, config: AsanaConfig, workspaceId: string, token: string, user: AsanaConnection['user']): Promise<void> {
  await db.query(
    `insert into asana_settings (workspace_id, token, user_gid, user_name, user_email) values ($1, $2, $3, $4, $5)
     on conflict (workspace_id) do update set token = $2, user_gid = $3, user_name = $4, user_email = $5, blocked_until_ms = 0, last_error = null, updated_at = now()`,
    [workspaceId, config.box.seal(token), user.gid, user.name, user.email],
  );
}

/**
 * A 429 stops every call of the workspace until its Retry-After has passed (the token is what Asana
 * limits); answers until when, if `error` was one. The caller stops its pass: the next tick after that resumes.
 */
export async function noteRateLimit(db: Db, workspaceId: string, error: unknown, now: number): Promise<number | undefined> {
  if (!(error instanceof AsanaApiError) || error.status !== 429) return undefined;
  const until = now + (error.retryAfterSeconds ?? 60) * 1000;
  await db.query('update asana_settings set blocked_until_ms = greatest(blocked_until_ms, $2) where workspace_id = $1', [workspaceId, until]);
  return until;
}
