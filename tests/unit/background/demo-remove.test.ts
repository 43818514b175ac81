import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PromptItem } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { contentScriptSender, newTestBackground } from '../helpers/background';

beforeEach(() => fakeBrowser.reset());

describe('removing the demo agency', () => {
  it('takes out its clients, open handoffs and people through the log, and leaves the person’s own', async () => {
    const bg = newTestBackground();
    const own = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Acme Widgets', identifiers: 'email-domain:acme.com' } });
    const tom = await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const draft = await bg.ok<Handoff>({ type: 'handoff/start', clientId: own.id, templateId: 'sales-to-am' });
    await bg.ok({ type: 'demo/load' });
    expect((await bg.ok<Client[]>({ type: 'clients/list' })).length).toBeGreaterThan(10);
    expect((await bg.ok<PromptItem[]>({ type: 'prompts/get' }, contentScriptSender(1))).length).toBeGreaterThan(0);
    expect((await bg.ok<{ ownDomains: string[] }>({ type: 'settings/get' })).ownDomains).toContain('fieldstone.agency');

    const removed = await bg.ok<{ handoffs: number; clients: number; members: number }>({ type: 'demo/remove' });
    expect(removed.clients).toBe(13);
    expect(removed.members).toBe(5);
    expect(removed.handoffs).toBeGreaterThan(3);

    expect((await bg.ok<Client[]>({ type: 'clients/list' })).map((c) => c.name)).toEqual(['Acme Widgets']);
    const team = (await bg.ok<Member[]>({ type: 'members/list' })).filter((m) => m.removedAt === undefined);
    expect(team.map((m) => m.id).sort()).toEqual([tom.id, (await bg.ok<Member>({ type: 'me/get' })).id].sort());
    // Nothing of the demo awaits me any more; my own draft is untouched.
    expect(await bg.ok<PromptItem[]>({ type: 'prompts/get' }, contentScriptSender(1))).toEqual([]);
    expect(await bg.ok<Handoff>({ type: 'handoff/get', id: draft.id })).toMatchObject({ state: 'draft', clientId: own.id });
    expect((await bg.ok<{ ownDomains: string[] }>({ type: 'settings/get' })).ownDomains).not.toContain('fieldstone.agency');
    // Twice is nothing more.
    expect(await bg.ok({ type: 'demo/remove' })).toEqual({ handoffs: 0, clients: 0, members: 0 });
  });

  it('cancels the person’s own handoffs it would strand (to a demo teammate, on a demo client), and lists them first', async () => {
    const bg = newTestBackground();
    await bg.ok({ type: 'demo/load' });
    const own = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Acme Widgets', identifiers: 'email-domain:acme.com' } });
    const toDana = await bg.ok<Handoff>({ type: 'handoff/start', clientId: own.id, templateId: 'sales-to-am', startAnyway: true });
    await bg.ok({ type: 'handoff/update', id: toDana.id, title: 'Acme to Dana', receiverId: 'demo-member-dana' });
    await bg.ok({ type: 'handoff/send', id: toDana.id, overrideReason: 'The kick-off call is tomorrow; the rest follows.' });
    const onJuniper = await bg.ok<Handoff>({ type: 'handoff/start', clientId: 'demo-client-juniper', templateId: 'sales-to-am', startAnyway: true });
    await bg.ok({ type: 'handoff/update', id: onJuniper.id, title: 'Juniper draft' });
    const mine = await bg.ok<Handoff>({ type: 'handoff/start', clientId: own.id, templateId: 'sales-to-am', startAnyway: true });

    const preview = await bg.ok<{ stranded: { id: string; title: string }[] }>({ type: 'demo/removal-preview' });
    expect(preview.stranded.map((h) => h.title).sort()).toEqual(['Acme to Dana', 'Juniper draft']);

    await bg.ok({ type: 'demo/remove' });
    for (const id of [toDana.id, onJuniper.id]) {
      expect(await bg.ok<Handoff>({ type: 'handoff/get', id })).toMatchObject({ state: 'cancelled' });
    }
    expect(await bg.ok<Handoff>({ type: 'handoff/get', id: mine.id })).toMatchObject({ state: 'draft' });
    expect((await bg.ok<{ stranded: unknown[] }>({ type: 'demo/removal-preview' })).stranded).toEqual([]);
  });
});
