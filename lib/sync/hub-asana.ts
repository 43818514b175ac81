// The hub's Asana connection, as admins see it from Settings → Workflow. The access token goes to the
// hub once and stays there: Baton's own storage never holds it.
import { call, hubUrl, type HubConnection } from './hub-client';

/** What `GET /v1/integrations/asana` answers (the asana-hub routes). */
export interface AsanaStatus {
  connected: boolean;
  /** The bot user the token belongs to. */
  user?: { name: string; email?: string };
  /** Asana projects linked to clients (a client's `asana-project` identifier) and their webhooks. */
  projects: { gid: string; clientId: string; clientName: string; webhook: 'active' | 'none' | 'failed'; lastEventAt?: string; poll?: 'failed'; pollError?: string }[];
  /** How often the hub reads each project's Events API (the fallback for lost deliveries). */
  pollSeconds: number;
  /** What Asana last refused for the whole connection (a revoked token), until a call works again. */
  lastError?: string;
  /** The last write-backs given up, with Asana's reason. */
  failedWriteBacks?: { handoffId: string; action: string; reason: string; at: string }[];
}

const ROUTE = 'v1/integrations/asana';

export function fetchAsanaStatus(hub: HubConnection) {
  return call<AsanaStatus>(hubUrl(hub.url, ROUTE), { token: hub.token });
}

/** The hub checks the token with Asana (`GET /users/me`) and answers Asana's reason when it refuses it. */
export function connectAsana(hub: HubConnection, token: string) {
  return call<AsanaStatus>(hubUrl(hub.url, ROUTE), { method: 'PUT', token: hub.token, body: JSON.stringify({ token }) });
}

export function disconnectAsana(hub: HubConnection) {
  return call<unknown>(hubUrl(hub.url, ROUTE), { method: 'DELETE', token: hub.token });
}
