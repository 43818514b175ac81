import type { Hono } from 'hono';
import { IdSchema } from '../../lib/model/common';
import { z } from '../../lib/model/zod';
import { adminOnly, isHubAdmin } from '../admin-only';
import type { Caller, HubStore } from '../store';
import { checkWebhookUrl, maskWebhookUrl, readChannels, WORKSPACE_CHANNEL, writeChannel } from './slack-channels';
import { recentDeliveries } from './slack-outbox';

type App = Hono<{ Variables: { caller: Caller } }>;

const MAX_CLIENT_CHANNELS = 500;
const UrlOrNull = z.string().max(2000).nullable();
const PutSchema = z.object({
  workspaceUrl: UrlOrNull.optional(),
  clients: z.record(IdSchema, UrlOrNull).optional(),
});
const SHAPE = 'Send {"workspaceUrl": "https://hooks.slack.com/services/…" | null, "clients": {"<client id>": "https://…" | null}}.';

/** Checks every URL of a request before any is saved: all of it applies, or none. */
function validated(body: z.infer<typeof PutSchema>, clientExists: (id: string) => boolean): { changes: [string, string | null][] } | { error: string } {
  const wanted: [string, string | null][] = [
    ...(body.workspaceUrl === undefined ? [] : [[WORKSPACE_CHANNEL, body.workspaceUrl] as [string, string | null]]),
    ...Object.entries(body.clients ?? {}),
  ];
  if (Object.keys(body.clients ?? {}).length > MAX_CLIENT_CHANNELS) return { error: `At most ${MAX_CLIENT_CHANNELS} client channels at once.` };
  const changes: [string, string | null][] = [];
  for (const [clientId, raw] of wanted) {
    if (clientId !== WORKSPACE_CHANNEL && !clientExists(clientId)) return { error: `No client with the id ${clientId} in this workspace.` };
    if (raw === null || raw.trim() === '') {
      changes.push([clientId, null]);
      continue;
    }
    const checked = checkWebhookUrl(raw);
    if (!checked.ok) return { error: clientId === WORKSPACE_CHANNEL ? checked.error : `${checked.error} (client ${clientId})` };
    changes.push([clientId, checked.url]);
  }
  return { changes };
}

/**
 * The workspace's Slack channels (incoming-webhook URLs, kept only on the hub). Admins set them and see
 * them masked with the last messages and what became of each; other members learn only which are set.
 */
export function routeSlack(app: App, store: HubStore): void {
  const settings = async (workspaceId: string, admin: boolean) => {
    const channels = await readChannels(store.db, workspaceId);
    const shown = (url: string) => (admin ? { masked: maskWebhookUrl(url) } : {});
    const own = channels.find((c) => c.clientId === WORKSPACE_CHANNEL);
    return {
      ...(own ? { workspace: shown(own.url) } : {}),
      clients: channels.filter((c) => c.clientId !== WORKSPACE_CHANNEL).map((c) => ({ clientId: c.clientId, ...shown(c.url) })),
      recent: admin ? await recentDeliveries(store.db, workspaceId) : [],
    };
  };
  app.get('/v1/integrations/slack', async (c) => {
    const caller = c.get('caller');
    return c.json(await settings(caller.workspaceId, await isHubAdmin(store, caller)));
  });
  app.put('/v1/integrations/slack', adminOnly(store, 'Only an admin can change where Baton posts in Slack.'), async (c) => {
    const caller = c.get('caller');
    if (c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() !== 'application/json') return c.json({ error: 'Send the body as JSON, with Content-Type: application/json.' }, 415);
    const body = PutSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: SHAPE }, 400);
    const clientIds = await store.withModel(caller.workspaceId, (model) => new Set([...model.clients.keys()]));
    const checked = validated(body.data, (id) => clientIds.has(id));
    if ('error' in checked) return c.json({ error: checked.error }, 400);
    await store.db.transaction(async (tx) => {
      for (const [clientId, url] of checked.changes) await writeChannel(tx, caller.workspaceId, clientId, url);
    });
    return c.json(await settings(caller.workspaceId, true));
  });
}
