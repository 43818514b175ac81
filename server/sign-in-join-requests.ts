import type { Hono } from 'hono';
import { SignInStore } from './sign-in-store';
import type { Caller, HubStore } from './store';

type App = Hono<{ Variables: { caller: Caller } }>;

/**
 * People who signed in with an allowed address while new members wait for approval
 * (BATON_OIDC_NEW_MEMBERS=approve): admins list them, approve or decline. Approved, the person joins
 * at their next sign-in. Who is an admin is the workspace's log's answer, as for every other right.
 */
export function routeJoinRequests(app: App, store: HubStore): void {
  const requests = new SignInStore(store.db);
  const isAdmin = async (caller: Caller) => (await store.member(caller))?.role === 'admin';
  const NOT_ADMIN = 'Only an admin of this workspace can see and decide who joins.';

  app.get('/v1/join-requests', async (c) => {
    const caller = c.get('caller');
    if (!(await isAdmin(caller))) return c.json({ error: NOT_ADMIN }, 403);
    return c.json({ requests: await requests.pendingRequests(caller.workspaceId) });
  });
  app.post('/v1/join-requests/:id/:decision{approve|decline}', async (c) => {
    const caller = c.get('caller');
    if (!(await isAdmin(caller))) return c.json({ error: NOT_ADMIN }, 403);
    const decided = await requests.decide(caller.workspaceId, c.req.param('id'), c.req.param('decision') === 'approve' ? 'approved' : 'declined');
    if (!decided) return c.json({ error: 'No one is waiting with that request: it may have been decided already.' }, 404);
    return c.json({ requests: await requests.pendingRequests(caller.workspaceId) });
  });
}
