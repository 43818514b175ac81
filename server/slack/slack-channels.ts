import type { Queryable } from '../db';
import { secretBox } from '../secrets';

/** The key of the workspace's own channel among its channels (client channels are keyed by client id). */
export const WORKSPACE_CHANNEL = '';

const DEFAULT_HOSTS = ['hooks.slack.com'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_URL = 500;

/**
 * The hosts a webhook URL may point at: `hooks.slack.com`, unless BATON_SLACK_WEBHOOK_HOSTS lists
 * others (comma-separated). Why a list at all: the hub posts to whatever URL an admin saves, so an open
 * URL would let a stolen admin token make the hub call addresses inside its own network.
 */
export function allowedWebhookHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.BATON_SLACK_WEBHOOK_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return listed.length > 0 ? listed : DEFAULT_HOSTS;
}

/**
 * A webhook URL the hub will post to, or why not (a sentence for the admin). https only; plain http is
 * accepted for a loopback host the environment allows (a local receiver in tests), never otherwise.
 */
export function checkWebhookUrl(raw: string, hosts: readonly string[] = allowedWebhookHosts()): { ok: true; url: string } | { ok: false; error: string } {
  const text = raw.trim();
  if (text.length > MAX_URL) return { ok: false, error: `A Slack webhook URL is at most ${MAX_URL} characters.` };
  if (!URL.canParse(text)) return { ok: false, error: 'That is not a URL: paste the whole webhook URL Slack gave you (https://hooks.slack.com/services/…).' };
  const url = new URL(text);
  const host = url.hostname.toLowerCase();
  if (!hosts.includes(host)) return { ok: false, error: `A Slack webhook URL must be on ${hosts.join(' or ')} (this one is on ${host}).` };
  const plainAllowed = url.protocol === 'http:' && LOOPBACK.has(host);
  if (url.protocol !== 'https:' && !plainAllowed) return { ok: false, error: 'A Slack webhook URL must start with https://.' };
  if (url.username || url.password) return { ok: false, error: 'A Slack webhook URL carries no user name or password.' };
  if (url.pathname.length < 2) return { ok: false, error: 'That URL has no path: paste the whole webhook URL Slack gave you.' };
  return { ok: true, url: url.href };
}

/** What an admin sees of a saved URL: its host and the last four characters, enough to tell two apart. */
export function maskWebhookUrl(raw: string): string {
  const url = new URL(raw);
  const path = url.pathname + url.search;
  return `${url.protocol}//${url.host}/…${path.slice(-4)}`;
}

export interface SlackChannelRow {
  clientId: string;
  url: string;
}

/**
 * A URL as stored: sealed with BATON_SECRET_KEY when it is set (a URL is the channel's password), else
 * as it is. A row saved as it is (before the key was set) is read as it is; one that cannot be opened
 * (the key changed) counts as not set.
 */
const sealUrl = (url: string, key = process.env.BATON_SECRET_KEY) => (key ? secretBox(key).seal(url) : url);
function openUrl(stored: string, key = process.env.BATON_SECRET_KEY): string | undefined {
  if (/^https?:/i.test(stored)) return stored;
  try {
    return secretBox(key).open(stored);
  } catch {
    return undefined;
  }
}

/** The workspace's channels: the workspace's own (clientId '') and each client's. */
export async function readChannels(db: Queryable, workspaceId: string): Promise<SlackChannelRow[]> {
  const { rows } = await db.query<{ client_id: string; url: string }>('select client_id, url from slack_channels where workspace_id = $1 order by client_id', [workspaceId]);
  return rows.flatMap((r) => {
    const url = openUrl(r.url);
    return url === undefined ? [] : [{ clientId: r.client_id, url }];
  });
}

/** Sets (a URL) or removes (null) one channel. */
export async function writeChannel(db: Queryable, workspaceId: string, clientId: string, url: string | null): Promise<void> {
  if (url === null) {
    await db.query('delete from slack_channels where workspace_id = $1 and client_id = $2', [workspaceId, clientId]);
    return;
  }
  await db.query(
    'insert into slack_channels (workspace_id, client_id, url) values ($1, $2, $3) on conflict (workspace_id, client_id) do update set url = excluded.url, updated_at = now()',
    [workspaceId, clientId, sealUrl(url)],
  );
}

/** The channel a client's moments go to: the client's own, else the workspace's; undefined: neither is set. */
export function channelFor(channels: readonly SlackChannelRow[], clientId: string): SlackChannelRow | undefined {
  return channels.find((c) => c.clientId === clientId && clientId !== WORKSPACE_CHANNEL) ?? channels.find((c) => c.clientId === WORKSPACE_CHANNEL);
}
