// Default watchers: a handoff started in the panel is watched by whoever holds the template's watcher
// roles on the client's team, never by its sender or receiver, nor by someone who left.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { defaultWatcherIds } from '../../../lib/workflow/default-watchers';
import { newTestBackground, type TestBackground } from '../helpers/background';

describe('defaultWatcherIds', () => {
  const everyone = () => true;
  const team = { account_manager: 'ana', strategist: 'jane', creative: 'tom', analyst: 'ana' };

  it('resolves the template’s watcher roles through the client’s team, once each, in order', () => {
    expect(defaultWatcherIds({ watcherRoleIds: ['analyst', 'account_manager', 'creative'] }, { team }, { senderId: 'jane' }, everyone)).toEqual(['ana', 'tom']);
  });

  it('leaves out the sender, the receiver, empty roles, members who left, and templates without watcher roles', () => {
    expect(defaultWatcherIds({ watcherRoleIds: ['strategist', 'creative', 'media_buyer'] }, { team }, { senderId: 'jane', receiverId: 'tom' }, everyone)).toEqual([]);
    expect(defaultWatcherIds({ watcherRoleIds: ['account_manager'] }, { team }, { senderId: 'jane' }, (id) => id !== 'ana')).toEqual([]);
    expect(defaultWatcherIds({}, { team }, { senderId: 'jane' }, everyone)).toEqual([]);
    expect(defaultWatcherIds({ watcherRoleIds: ['account_manager'] }, {}, { senderId: 'jane' }, everyone)).toEqual([]);
    expect(defaultWatcherIds({ watcherRoleIds: ['account_manager'] }, undefined, { senderId: 'jane' }, everyone)).toEqual([]);
  });
});

describe('starting a handoff in the panel', () => {
  let bg: TestBackground;
  let me: Member;
  let ana: Member;
  let tom: Member;
  let client: Client;
  beforeEach(async () => {
    fakeBrowser.reset();
    bg = newTestBackground();
    me = await bg.ok<Member>({ type: 'me/get' });
    ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    tom = await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind', identifiers: '' } });
  });
  const log = async (...events: Parameters<typeof appendEvent>[1][]) => {
    const { db } = await bg.workspace.session();
    for (const event of events) {
      const result = await appendEvent(db, event);
      if (!result.ok) throw new Error(result.problem.message);
    }
  };
  const teamSet = (roleId: string, memberId: string | null) => makeEvent('client.team_set', me.id, client.id, { roleId, memberId });

  it('makes the client’s account manager a watcher of a brief → creative', async () => {
    await log(teamSet('account_manager', ana.id));
    const draft = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative' });
    expect(draft.watcherIds).toEqual([ana.id]);
    // A template without watcher roles starts without watchers.
    const coverage = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'coverage' });
    expect(coverage.watcherIds).toBeUndefined();
  });

  it('not when the account manager is the sender or the receiver, nor when they left the team', async () => {
    await log(teamSet('account_manager', ana.id));
    const toAna = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative', receiverId: ana.id });
    expect(toAna.watcherIds).toBeUndefined();
    await log(teamSet('account_manager', me.id));
    const mine = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'strategy-to-media', receiverId: tom.id });
    expect(mine.watcherIds).toBeUndefined();
    await log(teamSet('account_manager', ana.id), makeEvent('member.removed', me.id, ana.id, {}));
    // The start still works: the role names someone who left, so nobody watches by default.
    const after = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'launch-to-reporting', receiverId: tom.id });
    expect(after).toMatchObject({ state: 'draft' });
    expect(after.watcherIds).toBeUndefined();
  });

  it('watch and stop watching from the panel; the popup lists open handoffs I watch', async () => {
    const sent = makeEvent('handoff.created', tom.id, 'h-tom', { clientId: client.id, templateId: 'brief-to-creative', templateVersion: 1, receiverId: ana.id, fields: {} });
    await log(sent);
    expect(await bg.ok<Handoff[]>({ type: 'handoffs/watching' })).toEqual([]);
    expect(await bg.ok<Handoff>({ type: 'handoff/watch', id: 'h-tom' })).toMatchObject({ watcherIds: [me.id] });
    expect((await bg.ok<Handoff[]>({ type: 'handoffs/watching' })).map((h) => h.id)).toEqual(['h-tom']);
    expect(await bg.ok<Handoff>({ type: 'handoff/unwatch', id: 'h-tom' })).toMatchObject({ watcherIds: [] });
    expect(await bg.ok<Handoff[]>({ type: 'handoffs/watching' })).toEqual([]);
    expect(await bg.refused({ type: 'handoff/watch', id: 'h-none' })).toMatchObject({ message: 'Unknown handoff.' });
    // Closed handoffs leave the list.
    await bg.ok({ type: 'handoff/watch', id: 'h-tom' });
    await log(makeEvent('handoff.cancelled', tom.id, 'h-tom', { reason: 'Paused.' }));
    expect(await bg.ok<Handoff[]>({ type: 'handoffs/watching' })).toEqual([]);
  });
});
