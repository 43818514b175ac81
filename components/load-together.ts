import type { Result } from '../lib/messaging/protocol';

type Loaded<R> = { [K in keyof R]: R[K] extends Promise<Result<infer U>> ? U : never };

/**
 * Several requests as one load for useLive: every answer by name, or the first refusal (in the order
 * given) — with one missing, nothing else would be complete.
 */
export async function loadTogether<R extends Record<string, Promise<Result<unknown>>>>(requests: R): Promise<Result<Loaded<R>>> {
  const names = Object.keys(requests);
  const replies = await Promise.all(Object.values(requests));
  const data: Record<string, unknown> = {};
  for (const [index, reply] of replies.entries()) {
    if (!reply.ok) return reply;
    data[names[index]!] = reply.data;
  }
  return { ok: true, data: data as Loaded<R> };
}
