import type { BatonEvent } from '../model/event';
import type { Member, PendingInvite } from '../model/member';
import { failure, type Problem, type ProblemCode } from '../result';

export type PushResult = { id: string; status: 'accepted' | 'duplicate'; seq: number } | { id: string; status: 'rejected'; reason: string };
/** The result shape, with the HTTP status of a failure (0: no answer at all). */
export type HubReply<T> = { ok: true; data: T } | { ok: false; problem: Problem; status: number };

/** What the extension keeps about its hub (in its own IndexedDB, ../storage/hub-connection-store; the hub keeps only the token's hash). */
export interface HubConnection {
  url: string;
  token: string;
  memberId: string;
  workspaceId: string;
}

/**
 * The close code of a live stream the hub closed because the same member opened more than it allows
 * (their oldest goes). Shared by the hub and the extension.
 */
export const STREAM_CLOSED_TOO_MANY = 4008;

const TIMEOUT_MS = 15_000;

const refused = (status: number, code: ProblemCode, message: string) => ({ ...failure(code, message), status });

/**
 * What a failed answer means, in words: no Baton hub at that address (an answer that is not the hub's
 * JSON), a token the hub no longer accepts, or the hub's own reason. `notFound` names what a 404 of
 * the hub's own means on this route.
 */
function refusal(url: string, status: number, body: { error?: unknown } | null, notFound?: ProblemCode): HubReply<never> {
  const said = typeof body?.error === 'string' ? body.error : undefined;
  if (said === undefined) return refused(status, 'not-a-hub', `${new URL(url).origin} answered (HTTP ${status}), but not as a Baton hub: check the address.`);
  if (status === 401) return refused(status, 'token-revoked', 'The hub no longer accepts this browser (its access was revoked): ask an admin for a new invite and join again.');
  if (status === 404 && notFound) return refused(status, notFound, said);
  return refused(status, 'hub-refused', said);
}

/** What a person reads when no answer came at all: where Baton tried, what to check, and that nothing is lost. */
export function unreachable(url: string): string {
  return `Baton cannot reach the team hub at ${new URL(url).origin}: check the address and your connection; changes wait on this browser and are sent when it answers.`;
}

/** One HTTP call to the hub; every failure (offline, timeout, refusal) comes back as a value. */
export async function call<T>(url: string, init: RequestInit & { token?: string; notFound?: ProblemCode } = {}): Promise<HubReply<T>> {
  const { token, notFound, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    // The browser's own words ("Failed to fetch", "fetch failed") say nothing a person can act on.
    return refused(0, 'hub-unreachable', unreachable(url));
  }
  // A page that is not JSON (a web server's 404, a captive portal) is read as no body.
  const body = (await res.json().catch(() => null)) as (T & { error?: unknown }) | null;
  if (!res.ok || body === null) return refusal(url, res.status, body, notFound);
  return { ok: true, data: body };
}

export function hubUrl(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

export function redeemInvite(base: string, code: string) {
  return call<{ token: string; member: Member; workspaceId: string }>(hubUrl(base, 'v1/invites/redeem'), { method: 'POST', body: JSON.stringify({ code: code.trim() }), notFound: 'invite-spent' });
}

export function pushEvents(hub: HubConnection, events: BatonEvent[]) {
  return call<{ results: PushResult[] }>(hubUrl(hub.url, 'v1/events'), { method: 'POST', token: hub.token, body: JSON.stringify({ events }) });
}

export function pullEvents(hub: HubConnection, after: number, limit = 500) {
  return call<{ events: { seq: number; event: BatonEvent }[]; next: number; more: boolean }>(hubUrl(hub.url, `v1/events?after=${after}&limit=${limit}`), { token: hub.token });
}

export function fetchMe(hub: HubConnection) {
  return call<{ member: Member; workspaceId: string }>(hubUrl(hub.url, 'v1/me'), { token: hub.token });
}

/** An invite still waiting, as the hub lists it for admins. */
export type HubInvite = PendingInvite;

/** A new invite: its code and link are shown this once. */
export type NewHubInvite = HubInvite & { code: string; link: string };

export function createInvite(hub: HubConnection, invitee: Pick<Member, 'name' | 'email' | 'role'>) {
  return call<NewHubInvite>(hubUrl(hub.url, 'v1/invites'), { method: 'POST', token: hub.token, body: JSON.stringify(invitee) });
}

export function listInvites(hub: HubConnection) {
  return call<HubInvite[]>(hubUrl(hub.url, 'v1/invites'), { token: hub.token });
}

export function revokeInvite(hub: HubConnection, id: string) {
  return call<{ revoked: true }>(hubUrl(hub.url, `v1/invites/${encodeURIComponent(id)}`), { method: 'DELETE', token: hub.token, notFound: 'not-found' });
}
