import type { Queryable } from '../db';
import { retryAfterSeconds } from '../retry-after';
import { allowedWebhookHosts, checkWebhookUrl, readChannels } from './slack-channels';
import { slackPayload } from './slack-message';

/** Tries before a message that Slack keeps refusing for a passing reason (429, 5xx, no answer) is given up. */
export const MAX_ATTEMPTS = 10;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long a claimed row is left to the process that claimed it before another may try it (that process died mid-send). */
const CLAIM_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const BATCH = 20;

export interface OutboxEntry {
  workspaceId: string;
  /** The moment's key: the event's id, or `overdue:<handoffId>:<confirm-by>`. */
  moment: string;
  /** The channel's key: a client id, or '' for the workspace's channel. */
  channel: string;
  handoffId: string;
  text: string;
}

/** Records a message to send; a moment already recorded for that channel is left as it is (posted once). */
export async function enqueue(db: Queryable, entry: OutboxEntry, now: number): Promise<void> {
  await db.query(
    `insert into slack_outbox (workspace_id, moment, channel, handoff_id, text, status, next_at, created_at)
     values ($1, $2, $3, $4, $5, 'pending', $6, $6) on conflict (workspace_id, moment, channel) do nothing`,
    [entry.workspaceId, entry.moment, entry.channel, entry.handoffId, entry.text, now],
  );
}

/** Wait before try `attempts + 1`: 5 s, 10 s, 20 s … up to an hour. */
export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));

type Outcome = { kind: 'sent' } | { kind: 'retry'; afterMs: number; reason: string } | { kind: 'failed'; reason: string };

/** Slack's answer read as what to do next (its reason, such as `no_service`, kept for the admin). */
async function outcomeOf(response: Response, attempts: number): Promise<Outcome> {
  const reason = `${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`.trim();
  if (response.ok) return { kind: 'sent' };
  if (response.status === 429) {
    const asked = Math.min(retryAfterSeconds(response.headers.get('Retry-After'), 0), 3600) * 1000;
    return { kind: 'retry', afterMs: Math.max(asked, backoffMs(attempts)), reason };
  }
  if (response.status >= 500) return { kind: 'retry', afterMs: backoffMs(attempts), reason };
  // 400 invalid_payload, 403 action_prohibited, 404 no_service / channel_not_found, 410 channel_is_archived:
  // sending the same message again cannot help.
  return { kind: 'failed', reason };
}

async function post(url: string, text: string, send: typeof fetch, attempts: number): Promise<Outcome> {
  try {
    const response = await send(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(slackPayload(text)),
      redirect: 'error',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    return await outcomeOf(response, attempts);
  } catch (error) {
    return { kind: 'retry', afterMs: backoffMs(attempts), reason: `no answer: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200) };
  }
}

interface DueRow {
  moment: string;
  channel: string;
  text: string;
  next_at: string;
}

/** Claims a due row for this process (compare-and-set on its time), so two hub processes never send it both. */
async function claim(db: Queryable, workspaceId: string, row: DueRow, now: number): Promise<number | undefined> {
  const { rows } = await db.query<{ attempts: number }>(
    `update slack_outbox set next_at = $5, attempts = attempts + 1
     where workspace_id = $1 and moment = $2 and channel = $3 and status = 'pending' and next_at = $4 returning attempts`,
    [workspaceId, row.moment, row.channel, row.next_at, now + CLAIM_MS],
  );
  return rows[0]?.attempts;
}

async function record(db: Queryable, workspaceId: string, row: DueRow, outcome: Outcome, attempts: number, now: number): Promise<void> {
  const key = [workspaceId, row.moment, row.channel];
  if (outcome.kind === 'sent') {
    await db.query(`update slack_outbox set status = 'sent', done_at = $4, reason = null where workspace_id = $1 and moment = $2 and channel = $3`, [...key, now]);
  } else if (outcome.kind === 'failed' || attempts >= MAX_ATTEMPTS) {
    const reason = outcome.kind === 'failed' ? outcome.reason : `gave up after ${attempts} tries: ${outcome.reason}`;
    await db.query(`update slack_outbox set status = 'failed', done_at = $4, reason = $5 where workspace_id = $1 and moment = $2 and channel = $3`, [...key, now, reason]);
  } else {
    await db.query(`update slack_outbox set next_at = $4, reason = $5 where workspace_id = $1 and moment = $2 and channel = $3`, [...key, now + outcome.afterMs, outcome.reason]);
  }
}

/**
 * Sends the workspace's messages that are due, oldest first. A channel that answered 429 gets nothing
 * more in this pass (Slack asked us to wait); a channel removed or no longer allowed fails its messages.
 */
export async function deliverDue(db: Queryable, workspaceId: string, now: number, send: typeof fetch = fetch, log: (entry: Record<string, unknown>) => void = () => undefined): Promise<void> {
  const { rows } = await db.query<DueRow>(
    `select moment, channel, text, next_at from slack_outbox where workspace_id = $1 and status = 'pending' and next_at <= $2 order by created_at, moment limit ${BATCH}`,
    [workspaceId, now],
  );
  if (rows.length === 0) return;
  const urls = new Map((await readChannels(db, workspaceId)).map((c) => [c.clientId, c.url]));
  const hosts = allowedWebhookHosts();
  const waiting = new Set<string>();
  for (const row of rows) {
    if (waiting.has(row.channel)) continue;
    const attempts = await claim(db, workspaceId, row, now);
    if (attempts === undefined) continue;
    const url = urls.get(row.channel);
    const checked = url === undefined ? undefined : checkWebhookUrl(url, hosts);
    const outcome: Outcome = !checked
      ? { kind: 'failed', reason: 'the channel was removed before the message could be sent' }
      : !checked.ok
        ? { kind: 'failed', reason: checked.error }
        : await post(checked.url, row.text, send, attempts);
    if (outcome.kind === 'retry') waiting.add(row.channel);
    // Never the URL (a secret) in the log: the moment, the channel's key and Slack's answer.
    if (outcome.kind !== 'sent') log({ level: outcome.kind === 'failed' ? 'warn' : 'info', msg: outcome.kind === 'failed' ? 'Slack message not sent' : 'Slack message retried later', workspaceId, moment: row.moment, channel: row.channel, attempts, reason: outcome.reason });
    await record(db, workspaceId, row, outcome, attempts, now);
  }
}

export interface Delivery {
  at: string;
  status: 'pending' | 'sent' | 'failed';
  text: string;
  channel: string;
  reason?: string;
}

const plain = (mrkdwn: string) => mrkdwn.replace(/\*/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The workspace's last messages, newest first, with what became of each (the first two lines of each, as text). */
export async function recentDeliveries(db: Queryable, workspaceId: string, limit = 10): Promise<Delivery[]> {
  const { rows } = await db.query<{ created_at: string; status: Delivery['status']; text: string; channel: string; reason: string | null }>(
    'select created_at, status, text, channel, reason from slack_outbox where workspace_id = $1 order by created_at desc, moment limit $2',
    [workspaceId, limit],
  );
  return rows.map((r) => ({
    at: new Date(Number(r.created_at)).toISOString(),
    status: r.status,
    text: plain(r.text.split('\n').slice(0, 2).join(' — ')),
    channel: r.channel,
    ...(r.reason && r.status !== 'sent' ? { reason: r.reason } : {}),
  }));
}
