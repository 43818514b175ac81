import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import { parseInviteLink } from '../../../lib/sync/invite-link';
import { joinPage } from '../../../server/join-page';
import { startHub } from '../../../server/server';
import { databases, freshDb, join, teamsClosedAfterEach } from './hub-harness';

const { team, closeAfter } = teamsClosedAfterEach();
const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const redeem = (url: string, code: string) => fetch(`${url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

afterEach(() => {
  vi.useRealTimers();
});

describe.each(databases())('invites from the extension, on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  it('lets an admin invite with a link, list and revoke pending invites; a member may not', async () => {
    const { hub, jane, tom } = await team(kind, url);
    const made = await jane.call('/v1/invites', json({ name: 'Sam Lee', email: ' Sam@Brightlane.agency ', role: 'member' }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.stringMatching(/^inv_/), code: expect.stringMatching(/^bi_/), name: 'Sam Lee', email: 'sam@brightlane.agency', role: 'member' });
    expect(made.body.link).toBe(`${hub.url}/join#${made.body.code}`);
    expect(parseInviteLink(made.body.link)).toEqual({ url: hub.url, code: made.body.code });
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // A member can neither make nor see nor revoke invites.
    expect((await tom.call('/v1/invites', json({ name: 'X', email: 'x@brightlane.agency' }))).status).toBe(403);
    expect((await tom.call('/v1/invites')).status).toBe(403);
    expect((await tom.call(`/v1/invites/${made.body.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await jane.call('/v1/invites', json({ name: '', email: 'not an address' }))).status).toBe(400);

    const other = (await jane.call('/v1/invites', json({ name: 'Ola', email: 'ola@brightlane.agency', role: 'admin' }))).body;
    const pending = (await jane.call('/v1/invites')).body;
    expect(pending.map((i: { email: string }) => i.email)).toEqual(['sam@brightlane.agency', 'ola@brightlane.agency']);
    expect(JSON.stringify(pending)).not.toContain('bi_');

    // Sam joins with the link's code; Ola's invite is revoked: a 410 that says so, never a 500.
    const sam = await join(hub, parseInviteLink(made.body.link)!.code);
    expect((await sam.call('/v1/me')).body.member).toMatchObject({ name: 'Sam Lee', role: 'member' });
    expect((await jane.call(`/v1/invites/${other.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await jane.call(`/v1/invites/${other.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await jane.call('/v1/invites')).body).toEqual([]);
    const revoked = await redeem(hub.url, other.code);
    expect(revoked.status).toBe(410);
    expect((await revoked.json()).error).toBe('This invite was revoked; ask an admin for a new one.');
  });

  it('never hands an admin a link that signs in as a colleague who already joined (the server’s operator can)', async () => {
    const { hub, jane, tom } = await team(kind, url);
    const tomEmail = (await tom.call('/v1/me')).body.member.email as string;
    const asked = await jane.call('/v1/invites', json({ name: 'Tom again', email: tomEmail, role: 'admin' }));
    expect(asked.status).toBe(409);
    expect(asked.body.error).toMatch(/already joined this workspace/);
    expect((await jane.call('/v1/invites')).body).toEqual([]);
    // The operator, on the server (the CLI's way), still gives Tom a new browser.
    const again = await join(hub, await hub.store.createInvite((await hub.store.workspaces())[0]!.id, { name: 'Tom', email: tomEmail, role: 'member' }));
    expect((await again.call('/v1/me')).body.member.email).toBe(tomEmail);
  });

  it('lets an invite expire after BATON_INVITE_DAYS: gone from the list, a 410 with the date', async () => {
    const { hub, jane } = await team(kind, url);
    vi.stubEnv('BATON_INVITE_DAYS', '2');
    const made = (await jane.call('/v1/invites', json({ name: 'Sam Lee', email: 'sam@brightlane.agency' }))).body;
    vi.unstubAllEnvs();
    expect(Date.parse(made.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 86_400_000);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(made.expiresAt) + 1000 });
    expect((await jane.call('/v1/invites')).body).toEqual([]);
    const expired = await redeem(hub.url, made.code);
    expect(expired.status).toBe(410);
    const day = new Date(made.expiresAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect((await expired.json()).error).toBe(`This invite expired on ${day}; ask an admin for a new one.`);
  });

  it('invites someone the log knows who never joined: they join as that member, without a second member.added', async () => {
    const { hub, jane } = await team(kind, url);
    const known = { id: 'm-priya', name: 'Priya Shah', email: 'priya@brightlane.agency', role: 'member' as const };
    expect(await jane.push(jane.event('member.added', known.id, { member: known }))).toMatchObject([{ status: 'accepted' }]);
    const made = await jane.call('/v1/invites', json({ name: 'Priya', email: 'PRIYA@brightlane.agency' }));
    expect(made.status).toBe(201);
    const priya = await join(hub, made.body.code);
    expect(priya.id).toBe(known.id);
    expect((await priya.call('/v1/me')).body.member).toMatchObject(known);
    const { body } = await jane.call('/v1/events?limit=1000');
    expect(body.events.filter((e: { event: { type: string; entity: { id: string } } }) => e.event.type === 'member.added' && e.event.entity.id === known.id)).toHaveLength(1);
    expect(await priya.push(priya.event('member.updated', known.id, { name: 'Priya S.' }))).toMatchObject([{ status: 'accepted' }]);
  });

  it('removes a member: their tokens are revoked with the event and their live stream closes at once', async () => {
    const { hub, jane, tom } = await team(kind, url);
    const toms = await tom.stream();
    await toms.next((m) => m.type === 'hello');
    const closed = new Promise<number>((resolve) => toms.socket.once('close', (code) => resolve(code)));
    // A re-invite for Tom's new browser (the server operator's: an admin's is refused once he joined).
    const before = await hub.store.createInvite((await hub.store.workspaces())[0]!.id, { name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' });
    expect(await tom.push(tom.event('member.removed', jane.id, {}))).toMatchObject([{ status: 'rejected', reason: 'Only an admin can remove members.' }]);
    expect((await tom.call('/v1/me')).status).toBe(200);
    expect(await jane.push(jane.event('member.removed', tom.id, { reason: 'Left the agency.' }))).toMatchObject([{ status: 'accepted' }]);
    expect(await closed).toBe(4001);
    expect((await tom.call('/v1/me')).status).toBe(401);
    expect(await jane.push(jane.event('member.removed', jane.id, {}))).toMatchObject([{ status: 'rejected', reason: expect.stringMatching(/only admin/) }]);
    // An invite made before the removal no longer works; nor is a removed member invited back with the same address.
    const late = await redeem(hub.url, before);
    expect(late.status).toBe(409);
    expect((await late.json()).error).toBe('Tom Reyes was removed from this workspace: this invite no longer works.');
    expect(await jane.call('/v1/invites', json({ name: 'Tom', email: 'tom@brightlane.agency' }))).toMatchObject({ status: 409, body: { error: expect.stringMatching(/was removed/) } });
  });

  it('answers /join with a page that says where to get Baton and what to paste, everything escaped', async () => {
    const { db } = await freshDb(kind, url);
    vi.stubEnv('BATON_EXTENSION_URL', 'https://chromewebstore.google.com/detail/baton?x="><script>');
    const hub = closeAfter(await startHub(db, { port: 0, publicUrl: 'https://hub.example.com/<x>' }));
    vi.unstubAllEnvs();
    const res = await fetch(`${hub.url}/join`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('Invite link');
    expect(page).toContain('Settings → Team hub');
    expect(page).toContain('https://hub.example.com/&#60;x&#62;');
    expect(page).toContain('detail/baton?x=&#34;&#62;&#60;script&#62;');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('Load unpacked');
    expect(joinPage('https://hub.example.com', undefined)).toContain('Load unpacked');
  });
});

describe('an invite made by the CLI, redeemed after the workspace’s log changed admins', () => {
  it('is added on behalf of an admin who is still one', async () => {
    const { hub, jane } = await team('pglite');
    const ada = await join(hub, await hub.store.createInvite((await hub.store.workspaces())[0]!.id, { email: 'ada@brightlane.agency', name: 'Ada', role: 'member' }));
    expect(await jane.push(jane.event('member.updated', ada.id, { role: 'admin' }))).toMatchObject([{ status: 'accepted' }]);
    expect(await ada.push(makeEvent('member.removed', ada.id, jane.id, {}))).toMatchObject([{ status: 'accepted' }]);
    const code = await hub.store.createInvite((await hub.store.workspaces())[0]!.id, { email: 'new@brightlane.agency', name: 'New', role: 'member' });
    expect((await join(hub, code)).name).toBe('New');
  });
});
