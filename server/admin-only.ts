import type { MiddlewareHandler } from 'hono';
import { isActive } from '../lib/model/member';
import type { Caller, HubStore } from './store';

/** Whether the caller is an admin of their workspace now (the log's say, not the token's). */
export async function isHubAdmin(store: HubStore, caller: Caller): Promise<boolean> {
  const me = await store.member(caller);
  return me?.role === 'admin' && isActive(me);
}

/** A route for the workspace's admins only: anyone else gets 403 with the route's own message. */
export function adminOnly(store: HubStore, message: string): MiddlewareHandler<{ Variables: { caller: Caller } }> {
  return async (c, next) => {
    if (!(await isHubAdmin(store, c.get('caller')))) return c.json({ error: message }, 403);
    return next();
  };
}
