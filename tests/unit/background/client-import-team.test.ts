// The client CSV import's `team` column, through the background: one client.team_set per role.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Backup } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';
import { newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});
const byName = async () => Object.fromEntries((await bg.ok<Client[]>({ type: 'clients/list' })).map((c) => [c.name, c]));
const events = async () => (await bg.ok<Backup>({ type: 'data/export' })).events;

describe('client import with a team column', () => {
  it('sets the team of new and existing clients, and refuses unknown roles or people with the line, importing nothing', async () => {
    const jane = await bg.ok<Member>({ type: 'member/add', name: 'Jane Park', email: 'jane@brightlane.agency' });
    const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Lopes', email: 'ana@brightlane.agency' });
    await bg.ok({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const before = (await events()).length;
    const refused = await bg.refused({
      type: 'clients/import',
      rows: [
        { line: 2, name: 'Harbor & Pine', identifiers: '', team: 'juggler:jane@brightlane.agency' },
        { line: 3, name: 'Cobalt', identifiers: '', team: 'creative:bob@brightlane.agency' },
      ],
    });
    expect(refused.message).toContain('Line 2: “juggler” is not one of the workspace’s roles.');
    expect(refused.message).toContain('Line 3: bob@brightlane.agency is not a member of your workspace.');
    expect((await events()).length).toBe(before);

    await bg.ok({
      type: 'clients/import',
      rows: [
        { line: 2, name: 'Northwind Outfitters', identifiers: '', team: 'strategist:jane@brightlane.agency creative:ana@brightlane.agency' },
        { line: 3, name: 'Harbor & Pine', identifiers: '', team: 'media_buyer:jane@brightlane.agency' },
      ],
    });
    const clients = await byName();
    expect(clients['Northwind Outfitters']?.team).toEqual({ strategist: jane.id, creative: ana.id });
    expect(clients['Harbor & Pine']?.team).toEqual({ media_buyer: jane.id });
    expect((await events()).filter((e) => e.type === 'client.team_set')).toHaveLength(3);
  });
});
