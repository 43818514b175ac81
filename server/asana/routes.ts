import type { Hono } from 'hono';
import { z } from '../../lib/model/zod';
import { adminOnly } from '../admin-only';
import type { Caller } from '../store';
import { AsanaApiError } from './asana-api-error';
import type { AsanaHub } from './asana-hub';
import { clientFor } from './config';
import { connection, saveConnection, unreadableConnection } from './connection';
import { answerHook } from './hooks';
import { linkedProjects } from './linked-projects';
import { projectRows } from './projects';

type App = Hono<{ Variables: { caller: Caller } }>;

const TokenSchema = z.object({ token: z.string().trim().min(1).max(500) });

/**
 * `PUT/GET/DELETE /v1/integrations/asana` (admins; the token is checked with Asana and never answered
 * back) and `POST /hooks/asana/:hookId` (Asana's handshake and deliveries: no member token, the
 * signature is the proof).
 */
export function routeAsana(app: App, hub: AsanaHub): void {
  app.post('/hooks/asana/:hookId', async (c) => {
    const raw = await c.req.text();
    const answer = await answerHook(hub.db, hub.config, c.req.param('hookId'), { secret: c.req.header('X-Hook-Secret'), signature: c.req.header('X-Hook-Signature') }, raw, Date.now());
    if (answer.status !== 200) return c.json({ error: answer.error }, answer.status);
    if (answer.echoSecret !== undefined) c.header('X-Hook-Secret', answer.echoSecret);
    // Answered first (Asana waits 10 s at most); the triggers are worked out just after.
    if (answer.recorded && answer.workspaceId) setImmediate(() => hub.processSoon(answer.workspaceId!));
    return c.json({ ok: true });
  });
  app.use('/v1/integrations/asana', adminOnly(hub.store, 'Only an admin can manage the Asana connection.'));
  app.put('/v1/integrations/asana', async (c) => {
    const body = TokenSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send {"token": "<a personal access token of the bot user>"}.' }, 400);
    const checked = await clientFor(hub.config, body.data.token).me().then(
      (user) => ({ user }),
      (error: unknown) => {
        if (error instanceof AsanaApiError) return { refused: error };
        throw error;
      },
    );
    if ('refused' in checked) return c.json({ error: `Asana did not accept this token: ${checked.refused.message}` }, checked.refused.status === 0 ? 502 : 400);
    const me = checked.user;
    const workspaceId = c.get('caller').workspaceId;
    await saveConnection(hub.db, hub.config, workspaceId, body.data.token, { gid: me.gid, name: me.name, email: me.email ?? '' });
    hub.log({ level: 'info', msg: 'asana connected', workspaceId, asanaUser: me.gid });
    if (!hub.config.box.encrypted) hub.log({ level: 'warn', msg: 'BATON_SECRET_KEY is not set: the Asana token and webhook secrets are stored unencrypted in the hub database.' });
    return c.json(await status(hub, workspaceId));
  });
  app.get('/v1/integrations/asana', async (c) => c.json(await status(hub, c.get('caller').workspaceId)));
  app.delete('/v1/integrations/asana', async (c) => {
    const workspaceId = c.get('caller').workspaceId;
    await disconnect(hub, workspaceId);
    return c.json(await status(hub, workspaceId));
  });
}

/** What the settings show: who the bot is, each linked project's webhook and last event, the poll period. */
async function status(hub: AsanaHub, workspaceId: string) {
  const conn = await connection(hub.db, hub.config, workspaceId);
  const rows = new Map((await projectRows(hub.db, workspaceId)).map((r) => [r.project_gid, r]));
  const projects = (await linkedProjects(hub.store, workspaceId)).map((p) => {
    const row = rows.get(p.gid);
    const webhook = row?.webhook_state === 'active' ? 'active' : row?.webhook_state === 'failed' ? 'failed' : 'none';
    return {
      gid: p.gid,
      clientId: p.clientId,
      clientName: p.clientName,
      webhook,
      ...(row?.last_event_ms ? { lastEventAt: new Date(Number(row.last_event_ms)).toISOString() } : {}),
      ...(row?.poll_error ? { poll: 'failed', pollError: row.poll_error } : {}),
    };
  });
  const unreadable = conn ? undefined : await unreadableConnection(hub.db, hub.config, workspaceId);
  return {
    connected: Boolean(conn),
    ...(conn ? { user: { name: conn.user.name, email: conn.user.email } } : {}),
    projects,
    pollSeconds: hub.config.pollMs / 1000,
    ...(await failures(hub, workspaceId, unreadable)),
  };
}

/** Why Asana failed lately (the hub log has the rest): the last call's error, and the last write-backs given up. */
async function failures(hub: AsanaHub, workspaceId: string, unreadable: string | undefined) {
  const settings = await hub.db.query<{ last_error: string | null }>('select last_error from asana_settings where workspace_id = $1', [workspaceId]);
  const lastError = unreadable ?? settings.rows[0]?.last_error ?? undefined;
  const failed = await hub.db.query<{ handoff_id: string; action: string; last_error: string | null; created_ms: string }>(
    "select handoff_id, action, last_error, created_ms from asana_outbox where workspace_id = $1 and state = 'failed' order by created_ms desc, id limit 5",
    [workspaceId],
  );
  const failedWriteBacks = failed.rows.map((r) => ({ handoffId: r.handoff_id, action: r.action, reason: r.last_error ?? '', at: new Date(Number(r.created_ms)).toISOString() }));
  return { ...(lastError ? { lastError } : {}), failedWriteBacks };
}

/** Deletes the webhooks at Asana (what it can: the token may be revoked already), then the token, rows and waiting work. */
async function disconnect(hub: AsanaHub, workspaceId: string): Promise<void> {
  const conn = await connection(hub.db, hub.config, workspaceId);
  for (const row of await projectRows(hub.db, workspaceId)) {
    if (conn && row.webhook_gid) await conn.client.deleteWebhook(row.webhook_gid).catch((error: unknown) => hub.log({ level: 'warn', msg: 'asana webhook not deleted', workspaceId, error: String(error) }));
  }
  await hub.db.query('delete from asana_projects where workspace_id = $1', [workspaceId]);
  // What was waiting goes too: connecting again weeks later must not fire stale rules or post old comments.
  await hub.db.query('delete from asana_inbox where workspace_id = $1 and processed_ms is null', [workspaceId]);
  await hub.db.query("delete from asana_outbox where workspace_id = $1 and state = 'pending'", [workspaceId]);
  await hub.db.query('delete from asana_settings where workspace_id = $1', [workspaceId]);
  hub.log({ level: 'info', msg: 'asana disconnected', workspaceId });
}
