// The hub's Slack settings (server/slack): the webhook URLs live only on the hub; the extension sends
// them once and is shown them masked.
import { call, hubUrl, type HubConnection } from './hub-client';

/** One message the hub posted or tried to, as admins see it. */
export interface SlackDelivery {
  at: string;
  status: 'pending' | 'sent' | 'failed';
  text: string;
  /** The channel's key: a client id, or '' for the workspace's channel. */
  channel: string;
  /** Slack's answer when it was not sent (e.g. `404 no_service`). */
  reason?: string;
}

/** What the hub says of its Slack channels: `masked` for admins only (members learn only what is set). */
export interface SlackSettings {
  workspace?: { masked?: string };
  clients: { clientId: string; masked?: string }[];
  recent: SlackDelivery[];
}

/** A change: a URL sets a channel, null removes it, absent leaves it. */
export interface SlackChange {
  workspaceUrl?: string | null;
  clients?: Record<string, string | null>;
}

export function getSlack(hub: HubConnection) {
  return call<SlackSettings>(hubUrl(hub.url, 'v1/integrations/slack'), { token: hub.token });
}

export function setSlack(hub: HubConnection, change: SlackChange) {
  return call<SlackSettings>(hubUrl(hub.url, 'v1/integrations/slack'), { method: 'PUT', token: hub.token, body: JSON.stringify(change) });
}
