import { describe, expect, it } from 'vitest';
import { replay } from '../../../lib/events/memory-model';
import { parseEvent } from '../../../lib/model/event';
import { clientTeamMember } from '../../../lib/model/team';
import { ADA, CLIENT_ID, completeFields, driveTo, JANE, SAM, snapshot, template, TOM, workspace, WORKSPACE_ID } from './builders';

const refusal = (decision: { ok: boolean; problem?: { message: string } }) => (decision.ok ? 'accepted' : decision.problem!.message);
const team = (s: ReturnType<typeof workspace>) => s.model.client(CLIENT_ID)?.team ?? {};

describe('a client’s team', () => {
  it('sets, changes and clears a role; the timeline says who did it', () => {
    const s = workspace();
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'media_buyer', memberId: TOM.id });
    expect(clientTeamMember(s.model.client(CLIENT_ID), 'media_buyer')).toBe(TOM.id);
    s.must('client.team_set', SAM.id, CLIENT_ID, { roleId: 'media_buyer', memberId: SAM.id });
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'creative', memberId: JANE.id });
    expect(team(s)).toEqual({ media_buyer: SAM.id, creative: JANE.id });
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'media_buyer', memberId: null });
    expect(team(s)).toEqual({ creative: JANE.id });
    const said = s.model.timeline.map((t) => t.summary ?? JSON.stringify(t));
    expect(said.join('\n')).toContain(`${JANE.name} made ${TOM.name} the client’s media buyer`);
    expect(said.join('\n')).toContain(`${JANE.name} left the client’s media buyer role empty`);
  });

  it('refuses an unknown role, a removed member, a stranger and an unknown client, saying why, and changes nothing', () => {
    const s = workspace();
    const before = JSON.stringify(snapshot(s.model));
    expect(refusal(s.try('client.team_set', JANE.id, CLIENT_ID, { roleId: 'juggler', memberId: TOM.id }))).toBe('“juggler” is not one of the workspace’s roles.');
    expect(refusal(s.try('client.team_set', JANE.id, CLIENT_ID, { roleId: 'creative', memberId: 'nobody' }))).toBe('Choose a member of the workspace.');
    expect(refusal(s.try('client.team_set', JANE.id, 'client-none', { roleId: 'creative', memberId: TOM.id }))).toBe('Unknown client.');
    expect(JSON.stringify(snapshot(s.model))).toBe(before);
    s.must('member.removed', ADA.id, SAM.id, {});
    expect(refusal(s.try('client.team_set', JANE.id, CLIENT_ID, { roleId: 'creative', memberId: SAM.id }))).toBe('Choose a member of the workspace.');
    expect(team(s)).toEqual({});
  });

  it('uses the workspace’s own roles once an admin sets them; only admins set them, with unique ids', () => {
    const s = workspace();
    const roles = [{ id: 'producer', name: 'Producer' }, { id: 'creative', name: 'Creative lead' }];
    expect(refusal(s.try('workspace.updated', JANE.id, WORKSPACE_ID, { roles }))).toBe('Only an admin can change the workspace.');
    expect(() => s.try('workspace.updated', ADA.id, WORKSPACE_ID, { roles: [...roles, { id: 'producer', name: 'Producer again' }] })).toThrow(/role ids must be unique/);
    const raw = { id: 'x-1', type: 'workspace.updated', actor: ADA.id, at: '2025-03-03T10:00:00.000Z', entity: { kind: 'workspace', id: WORKSPACE_ID }, v: 1, payload: { roles: [roles[0], roles[0]] } };
    const parsed = parseEvent(raw);
    expect(parsed.ok ? 'parsed' : parsed.problem.message).toMatch(/role ids must be unique/);
    expect(() => s.try('workspace.updated', ADA.id, WORKSPACE_ID, { roles: [{ id: 'Media Buyer', name: 'Media buyer' }] })).toThrow(/snake_case/);
    s.must('workspace.updated', ADA.id, WORKSPACE_ID, { roles });
    expect(s.model.workspace()?.roles).toEqual(roles);
    expect(s.model.workspace()?.name).toBe('Northwind Digital');
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'producer', memberId: TOM.id });
    expect(refusal(s.try('client.team_set', JANE.id, CLIENT_ID, { roleId: 'media_buyer', memberId: TOM.id }))).toBe('“media_buyer” is not one of the workspace’s roles.');
  });

  it('a confirmed brief makes its receiver the client’s creative when nobody is, but never unseats the creative', () => {
    const empty = driveTo('confirmed', { templateId: 'brief-to-creative', fields: completeFields('brief-to-creative') });
    expect(team(empty)).toEqual({ creative: TOM.id });

    const s = workspace();
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'creative', memberId: SAM.id });
    driveTo('confirmed', { templateId: 'brief-to-creative' }, s);
    expect(team(s)).toEqual({ creative: SAM.id });
    expect(s.model.client(CLIENT_ID)?.ownerId).toBe(JANE.id);
  });

  it('an AM transition hands the account manager role (and the client) over', () => {
    expect(template('am-transition').transfersOwnership).toBe(true);
    const s = workspace();
    s.must('client.team_set', ADA.id, CLIENT_ID, { roleId: 'account_manager', memberId: JANE.id });
    driveTo('confirmed', { templateId: 'am-transition' }, s);
    expect(team(s)).toEqual({ account_manager: TOM.id });
    expect(s.model.client(CLIENT_ID)?.ownerId).toBe(TOM.id);
  });

  it('a sent but unconfirmed handoff changes no one’s role', () => {
    const s = driveTo('gaps_answered', { templateId: 'brief-to-creative' });
    expect(team(s)).toEqual({});
  });

  it('replaying the log gives the same views', () => {
    const s = workspace();
    s.must('workspace.updated', ADA.id, WORKSPACE_ID, { roles: [{ id: 'account_manager', name: 'Account lead' }, { id: 'creative', name: 'Creative' }] });
    s.must('client.team_set', JANE.id, CLIENT_ID, { roleId: 'account_manager', memberId: JANE.id });
    s.try('client.team_set', JANE.id, CLIENT_ID, { roleId: 'analyst', memberId: TOM.id });
    driveTo('confirmed', { templateId: 'brief-to-creative' }, s);
    driveTo('confirmed', { templateId: 'am-transition', handoffId: 'h-2' }, s);
    const again = replay(s.events).model;
    expect(snapshot(again)).toEqual(snapshot(s.model));
    expect(team(s)).toEqual({ account_manager: TOM.id, creative: TOM.id });
  });
});
