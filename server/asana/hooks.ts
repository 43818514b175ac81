import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import type { AsanaEvent } from './client';
import type { AsanaConfig } from './config';
import { recordEvents } from './inbox';

export type HookAnswer =
  | { status: 200; echoSecret?: string; workspaceId?: string; recorded?: number }
  | { status: 401 | 400 | 410; error: string };

interface HookRow {
  workspace_id: string;
  project_gid: string;
  webhook_state: string;
  webhook_secret: string | null;
}

/**
 * What `POST /hooks/asana/:hookId` answers. A handshake (X-Hook-Secret) is taken only while that
 * project's POST /webhooks is open (`pending`), so nobody can swap the secret of a working webhook.
 * A delivery is believed only when X-Hook-Signature is the HMAC-SHA256 of the raw body under the
 * handshake's secret (compared in constant time) — before anything is read from it. A heartbeat
 * (no events) is answered 200. An unknown hook id is 410 Gone: Asana then deletes that webhook.
 */
export async function answerHook(db: Db, config: AsanaConfig, hookId: string, headers: { secret?: string; signature?: string }, raw: string, now: number): Promise<HookAnswer> {
  const { rows } = await db.query<HookRow>('select workspace_id, project_gid, webhook_state, webhook_secret from asana_projects where hook_id = $1', [hookId]);
  const row = rows[0];
  if (!row) return { status: 410, error: 'No webhook here.' };
  if (headers.secret !== undefined) return handshake(db, config, hookId, row, headers.secret);
  const secret = row.webhook_secret ? config.box.open(row.webhook_secret) : undefined;
  if (!secret || !headers.signature || !signatureMatches(secret, raw, headers.signature)) return { status: 401, error: 'The delivery’s signature does not match.' };
  const events = parseEvents(raw);
  if (!events) return { status: 400, error: 'Expected {"events": [...]}.' };
  const recorded = await recordEvents(db, row.workspace_id, row.project_gid, events, 'webhook', now);
  return { status: 200, workspaceId: row.workspace_id, recorded };
}

async function handshake(db: Db, config: AsanaConfig, hookId: string, row: HookRow, secret: string): Promise<HookAnswer> {
  if (row.webhook_state !== 'pending' || secret.length === 0 || secret.length > 1000) return { status: 401, error: 'No webhook is being created here.' };
  await db.query('update asana_projects set webhook_secret = $2 where hook_id = $1', [hookId, config.box.seal(secret)]);
  return { status: 200, echoSecret: secret };
}

export function signatureMatches(secret: string, raw: string, signature: string): boolean {
  const expected = createHmac('sha256', secret).update(raw, 'utf8').digest();
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseEvents(raw: string): AsanaEvent[] | undefined {
  try {
    const body = JSON.parse(raw) as { events?: unknown };
    if (!Array.isArray(body.events)) return undefined;
    return body.events.filter((e): e is AsanaEvent => typeof e === 'object' && e !== null && typeof (e as AsanaEvent).resource?.gid === 'string');
  } catch {
    return undefined;
  }
}
