import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/start';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Hub } from '../../../server/server';
import { hubPerTest } from '../helpers/hub-per-test';
import { join } from '../server/hub-harness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';

const page = OPTIONS_PAGE;
let hub: Hub;
let n = 0;
hubPerTest((started) => (hub = started));

/** A browser's Baton: its router, which asks for a round of sync before each command (as the pages' polling does). */
function browserProfile() {
  const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-invites-${n++}-${Date.now()}` });
  return {
    handle: (message: never, from: typeof page) => {
      background.sync.request(0);
      return background.router.handle(message, from);
    },
  };
}
type Router = ReturnType<typeof browserProfile>;
async function ok<T>(router: Router, message: Record<string, unknown>): Promise<T> {
  const reply = await router.handle(message as never, page);
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.problem.message}`);
  return reply.data as T;
}

describe('inviting colleagues from the extension', { timeout: 30_000 }, () => {
  it('joins with a pasted link, invites, lists and revokes, changes roles and removes a member with their handoffs to reassign', async () => {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const adminLink = `Your invite: ${hub.url}/join#${await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' })}.`;
    const jane = browserProfile();
    expect(await jane.handle(<never>{ type: 'hub/connect', link: 'https://hub.example.com/' }, page)).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/Paste the whole invite link/) } });
    expect(await jane.handle(<never>{ type: 'hub/connect', link: `http://hub.brightlane.agency/join#bi_0123456789abcdefghijkl` }, page)).toMatchObject({ ok: false, problem: { message: 'Use https:// for a hub on another machine.' } });
    expect(await jane.handle(<never>{ type: 'hub/connect', link: adminLink }, page)).toMatchObject({ ok: true, data: { connected: true, me: { name: 'Jane Doe', role: 'admin' } } });

    const invite = await ok<{ id: string; link: string; expiresAt: string }>(jane, { type: 'invite/create', name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' });
    const other = await ok<{ id: string }>(jane, { type: 'invite/create', name: 'Ola', email: 'ola@brightlane.agency' });
    expect((await ok<{ email: string }[]>(jane, { type: 'invite/list' })).map((i) => i.email)).toEqual(['tom@brightlane.agency', 'ola@brightlane.agency']);
    const tom = browserProfile();
    expect(await tom.handle(<never>{ type: 'hub/connect', link: invite.link }, page)).toMatchObject({ ok: true, data: { me: { name: 'Tom Reyes', role: 'member' } } });
    expect(await ok<unknown[]>(jane, { type: 'invite/revoke', id: other.id })).toEqual([]);
    // A member is not an admin: the hub says so.
    expect(await tom.handle(<never>{ type: 'invite/create', name: 'X', email: 'x@brightlane.agency' }, page)).toMatchObject({ ok: false, problem: { message: 'Only an admin can manage invites.' } });

    // Jane sends Tom a handoff; then makes him an admin and back, and removes him.
    const admin = await join(hub, await hub.store.createInvite(workspaceId, { email: 'ada@brightlane.agency', name: 'Ada', role: 'admin' }));
    const tomId = (await ok<{ me: Member }>(tom, { type: 'hub/status' })).me.id;
    await admin.push(
      admin.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      admin.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tomId, fields: COMPLETE_BRIEF }),
      admin.event('handoff.sent', 'h1', {}),
    );
    await expect.poll(async () => (await ok<Member[]>(jane, { type: 'members/list' })).length, { timeout: 10_000 }).toBe(3);
    expect(await ok<Member>(jane, { type: 'member/set-role', id: tomId, role: 'admin' })).toMatchObject({ role: 'admin' });
    expect(await ok<Member>(jane, { type: 'member/set-role', id: tomId, role: 'member' })).toMatchObject({ role: 'member' });
    await expect.poll(async () => (await ok<Handoff[]>(jane, { type: 'member/open-handoffs', id: tomId })).map((h) => h.id), { timeout: 10_000 }).toEqual(['h1']);
    const toReassign = await ok<Handoff[]>(jane, { type: 'member/remove', id: tomId });
    expect(toReassign.map((h) => h.id)).toEqual(['h1']);
    expect((await ok<Member[]>(jane, { type: 'members/list' })).map((m) => m.name).sort()).toEqual(['Ada', 'Jane Doe']);
    // The removal reaches the hub, which revokes Tom's token.
    await expect.poll(async () => (await tom.handle(<never>{ type: 'invite/list' }, page)).ok, { timeout: 15_000 }).toBe(false);
    const janeId = (await ok<{ me: Member }>(jane, { type: 'hub/status' })).me.id;
    expect(await jane.handle(<never>{ type: 'handoff/reassign', id: 'h1', receiverId: tomId, reason: 'Tom left.' }, page)).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/was removed/) } });
    expect(await jane.handle(<never>{ type: 'handoff/reassign', id: 'h1', receiverId: janeId, reason: 'Tom left.' }, page)).toMatchObject({ ok: true, data: { receiverId: janeId } });
    expect(await ok<Handoff[]>(jane, { type: 'member/open-handoffs', id: tomId })).toEqual([]);
  });
});
