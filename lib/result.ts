// One result shape from the reducer to the store, the router, the hub client and the pages: data, or a
// problem that says what went wrong in words for the person who asked (and, where one field is at
// fault, which).

export type ProblemCode =
  /** The message or request is malformed (a schema refused it). */
  | 'bad-request'
  /** The caller may not do this. */
  | 'forbidden'
  | 'not-found'
  /** Well-formed, but the workspace's rules refuse it (the reducer, a check of a command). */
  | 'invalid'
  /** Not now: the background is starting, or the action needs another state (a hub, a local workspace). */
  | 'unavailable'
  /** A fault of Baton's own. */
  | 'internal'
  /** The hub's address does not answer (offline, wrong host or port, a timeout). */
  | 'hub-unreachable'
  /** Something answers at that address, but not a Baton hub. */
  | 'not-a-hub'
  /** The invite code is unknown, was already used, or expired. */
  | 'invite-spent'
  /** The hub no longer accepts this browser's token: revoked, or the member removed. */
  | 'token-revoked'
  /** The hub refused a request for a reason it states. */
  | 'hub-refused';

export interface Problem {
  code: ProblemCode;
  message: string;
  /** The request field at fault, as a dotted path (`client.name`), when one is. */
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export const succeed = <T>(data: T): Result<T> => ({ ok: true, data });

export function failure(code: ProblemCode, message: string, field?: string): { ok: false; problem: Problem } {
  return { ok: false, problem: { code, message, ...(field ? { field } : {}) } };
}
