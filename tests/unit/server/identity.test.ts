import { describe, expect, it } from 'vitest';
import type { Hub } from '../../../server/server';
import { databases, teamsClosedAfterEach, join } from './hub-harness';

const { team } = teamsClosedAfterEach();

async function redeem(hub: Hub, code: string): Promise<{ status: number; body: { error?: string; member?: { role: string; email: string } } }> {
  const res = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return { status: res.status, body: await res.json() };
}

const SAM = 'sam@brightlane.agency';

// An address is one person's in a workspace: across members and pending invites (issue 12, defect 5).
describe.each(databases())('who is who, on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  it('refuses a member taking the address of a pending invite, and the invited person joins as themselves', async () => {
    const { hub, workspaceId, tom } = await team(kind, url);
    const code = await hub.store.createInvite(workspaceId, { email: SAM, name: 'Sam', role: 'member' });
    const [squat] = await tom.push(tom.event('member.updated', tom.id, { email: 'Sam@Brightlane.agency' }));
    expect(squat).toMatchObject({ status: 'rejected', reason: `${SAM} belongs to someone invited to this workspace: choose another address.` });
    expect((await tom.call('/v1/me')).body.member.email).toBe('tom@brightlane.agency');
    const joined = await redeem(hub, code);
    expect(joined.status).toBe(200);
    expect(joined.body.member).toMatchObject({ email: SAM, role: 'member' });
  });

  it('refuses an invite for an address another member changed theirs to, and an invite made before answers 409, never 500', async () => {
    const { hub, workspaceId, tom } = await team(kind, url);
    // An invite made before the hub refused squatting (here: for another address, then pointed at Sam's).
    const oldCode = await hub.store.createInvite(workspaceId, { email: 'placeholder@brightlane.agency', name: 'Sam', role: 'member' });
    const [moved] = await tom.push(tom.event('member.updated', tom.id, { email: SAM }));
    expect(moved.status).toBe('accepted');
    await expect(hub.store.createInvite(workspaceId, { email: SAM, name: 'Sam', role: 'member' })).rejects.toThrow(
      `${SAM} is the address Tom Reyes changed theirs to: re-invite them with the address they joined with, tom@brightlane.agency.`,
    );
    await hub.store.db.query('update invites set email = $1 where email = $2', [SAM, 'placeholder@brightlane.agency']);
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await redeem(hub, oldCode);
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe(`This invite cannot be used: ${SAM} is already a member. Ask an admin for a new invite.`);
    }
    // Tom is still Tom, and can be re-invited with the address he joined with.
    const again = await redeem(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
    expect(again.status).toBe(200);
    expect(again.body.member).toMatchObject({ email: SAM });
  });

  it('answers a re-invited member with the role they have now, not the role on the invite', async () => {
    const { hub, workspaceId, jane, tom } = await team(kind, url);
    const [promoted] = await jane.push(jane.event('member.updated', tom.id, { role: 'admin' }));
    expect(promoted.status).toBe('accepted');
    const again = await join(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
    expect(again.id).toBe(tom.id);
    const answer = await redeem(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
    expect(answer.body.member).toMatchObject({ role: 'admin' });
    expect((await again.call('/v1/me')).body.member).toMatchObject({ role: 'admin' });
  });

  it('refuses an event id used in another workspace without telling that it exists there', async () => {
    const a = await team(kind, url);
    const otherWorkspace = await a.hub.store.createWorkspace('Other agency');
    const eve = await join(a.hub, await a.hub.store.createInvite(otherWorkspace, { email: 'eve@other.agency', name: 'Eve', role: 'admin' }));
    const secret = a.jane.event('client.created', 'secret-client', { name: 'Secret Client' });
    await a.jane.push(secret);
    const [reused] = await eve.push({ ...eve.event('client.created', 'mine', { name: 'Mine' }), id: secret.id });
    expect(reused).toEqual({ id: secret.id, status: 'rejected', reason: 'Choose another event id.' });
  });

  it('takes a look-alike client name ("Café" typed two ways) as the same name', async () => {
    const { jane, tom } = await team(kind, url);
    const [first] = await jane.push(jane.event('client.created', 'cafe-1', { name: 'Cafe\u0301 Lumie\u0300re' }));
    expect(first.status).toBe('accepted');
    const [twin] = await tom.push(tom.event('client.created', 'cafe-2', { name: 'Café Lumière' }));
    expect(twin).toMatchObject({ status: 'rejected', reason: 'A client named “Café Lumière” already exists.' });
  });
});
