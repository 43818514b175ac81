import { describe, expect, it } from 'vitest';
import { teamsClosedAfterEach } from './hub-harness';

// One admin check (server/admin-only.ts) guards the invites, the Asana connection and the Slack
// channels: a member is refused with each route's own words; an admin gets through; a member removed
// from the admins loses it at once (the log's say, not the token's).

const { team } = teamsClosedAfterEach();
const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });

describe('admin-only routes', { timeout: 60_000 }, () => {
  it('refuse a member with the route’s own reason and let an admin through', async () => {
    const { jane, tom } = await team('pglite');
    const routes: [string, RequestInit, string][] = [
      ['/v1/invites', { method: 'POST', body: JSON.stringify({ name: 'X', email: 'x@brightlane.agency' }) }, 'Only an admin can manage invites.'],
      ['/v1/integrations/asana', put({ token: 'x' }), 'Only an admin can manage the Asana connection.'],
      ['/v1/integrations/slack', put({ workspaceUrl: null }), 'Only an admin can change where Baton posts in Slack.'],
    ];
    for (const [path, init, reason] of routes) {
      expect(await tom.call(path, init)).toEqual({ status: 403, body: { error: reason } });
      expect((await jane.call(path, init)).status).not.toBe(403);
    }
    expect((await jane.push(jane.event('member.updated', tom.id, { role: 'admin' })))[0].status).toBe('accepted');
    expect((await tom.call('/v1/integrations/slack', put({ workspaceUrl: null }))).status).toBe(200);
  });
});
