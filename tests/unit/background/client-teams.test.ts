// Client teams through the background: client/set-team, workspace/set-roles, team/roles, and a new
// handoff that starts with the client's holder of its receiving role.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Backup } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { TeamRolesView } from '../../../lib/background/teams';
import { demoteMe, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});
const events = async () => (await bg.ok<Backup>({ type: 'data/export' })).events;

describe('client teams in the background', () => {
  it('client/set-team appends one client.team_set per changed role, and nothing when nothing changes', async () => {
    const tom = await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const before = (await events()).length;
    let saved = await bg.ok<Client>({ type: 'client/set-team', clientId: client.id, team: { creative: ana.id, media_buyer: tom.id } });
    expect(saved.team).toEqual({ creative: ana.id, media_buyer: tom.id });
    const added = (await events()).slice(before);
    expect(added.map((e) => [e.type, e.payload])).toEqual([
      ['client.team_set', { roleId: 'creative', memberId: ana.id }],
      ['client.team_set', { roleId: 'media_buyer', memberId: tom.id }],
    ]);
    saved = await bg.ok<Client>({ type: 'client/set-team', clientId: client.id, team: { creative: ana.id, media_buyer: null } });
    expect(saved.team).toEqual({ creative: ana.id });
    expect((await events()).length).toBe(before + 3);
    const refused = await bg.refused({ type: 'client/set-team', clientId: client.id, team: { juggler: ana.id } });
    expect(refused.message).toBe('“juggler” is not one of the workspace’s roles.');
    expect((await bg.ok<TeamRolesView>({ type: 'team/roles' })).held).toEqual({ creative: 1 });
  });

  it('workspace/set-roles is an admin’s; the roles are the workspace’s from then on', async () => {
    expect((await bg.ok<TeamRolesView>({ type: 'team/roles' })).roles.map((r) => r.id)).toEqual(['account_manager', 'strategist', 'media_buyer', 'creative', 'analyst', 'sales']);
    const roles = [{ id: 'producer', name: 'Producer' }, { id: 'creative', name: 'Creative lead' }];
    expect((await bg.ok<TeamRolesView>({ type: 'workspace/set-roles', roles })).roles).toEqual(roles);
    expect((await bg.refused({ type: 'workspace/set-roles', roles: [...roles, roles[0]] })).message).toMatch(/unique/);
    await demoteMe(bg);
    expect((await bg.refused({ type: 'workspace/set-roles', roles: [roles[0]] })).message).toBe('Only an admin can change the team roles.');
    const view = await bg.ok<TeamRolesView>({ type: 'team/roles' });
    expect(view).toMatchObject({ roles, isAdmin: false });
  });

  it('team/roles names the rules that name each role, and counts removed roles still held or named as taken', async () => {
    const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    await bg.ok({ type: 'client/set-team', clientId: client.id, team: { sales: ana.id } });
    await bg.ok({ type: 'workspace/set-roles', roles: [{ id: 'creative', name: 'Creative' }] });
    const view = await bg.ok<TeamRolesView>({ type: 'team/roles' });
    // The default rules name the strategist, creative, media buyer and analyst.
    expect(view.ruledBy).toEqual({
      media_buyer: ['Launch → reporting after media buying is confirmed'],
      analyst: ['Launch → reporting after media buying is confirmed'],
      strategist: ['Brief → creative when a task moves to Ready for creative'],
      creative: ['Brief → creative when a task moves to Ready for creative'],
    });
    expect(view.taken).toEqual(['analyst', 'creative', 'media_buyer', 'sales', 'strategist']);
  });

  it('a new handoff goes to the client’s holder of its receiving role unless a receiver was chosen', async () => {
    const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    const tom = await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const start = (templateId: string, more: Record<string, unknown> = {}) => bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId, startAnyway: true, ...more });
    expect((await start('brief-to-creative')).receiverId).toBeUndefined();
    await bg.ok({ type: 'client/set-team', clientId: client.id, team: { creative: ana.id } });
    expect((await start('brief-to-creative')).receiverId).toBe(ana.id);
    expect((await start('brief-to-creative', { receiverId: tom.id })).receiverId).toBe(tom.id);
    // Another template's role, held by nobody: nobody chosen.
    expect((await start('strategy-to-media')).receiverId).toBeUndefined();
    // Never the sender themselves.
    const me = await bg.ok<Member>({ type: 'me/get' });
    await bg.ok({ type: 'client/set-team', clientId: client.id, team: { media_buyer: me.id } });
    expect((await start('strategy-to-media')).receiverId).toBeUndefined();
  });
});
