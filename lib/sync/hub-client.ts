import type { BatonEvent } from '../model/event';
import type { Member } from '../model/member';

export type PushResult = { id: string; status: 'accepted' | 'duplicate'; seq: number } | { id: string; status: 'rejected'; reason: string };
export type HubReply<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/** What the extension keeps about its hub (in storage.local; the hub keeps only the token's hash). */
export interface HubConnection {
  url: string;
  token: string;
  memberId: string;
  workspaceId: string;
}

const TIMEOUT_MS = 15_000;

/** One HTTP call to the hub; every failure (offline, timeout, refusal) comes back as a value. */
async function call<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<HubReply<T>> {
  const { token, ...rest } = init;
  try {
    const res = await fetch(url, {
      ...rest,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
    if (!res.ok || body === null) return { ok: false, status: res.status, error: body?.error ?? `The hub answered ${res.status}.` };
    return { ok: true, data: body };
  } catch (error) {
    return { ok: false, status: 0, error: `The hub cannot be reached (${error instanceof Error ? error.message : String(error)}).` };
  }
}

export function hubUrl(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

export function redeemInvite(base: string, code: string) {
  return call<{ token: string; member: Member; workspaceId: string }>(hubUrl(base, 'v1/invites/redeem'), { method: 'POST', body: JSON.stringify({ code: code.trim() }) });
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
