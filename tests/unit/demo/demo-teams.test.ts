import { describe, expect, it } from 'vitest';
import { buildDemo, clientId } from '../../../lib/demo';
import { DEMO_CLIENTS, DEMO_MEMBERS } from '../../../lib/demo/agency';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import type { Member, Workspace } from '../../../lib/model/member';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';

const ME: Member = { id: 'me-1', name: 'You', email: 'you@baton.local', role: 'admin' };
const WORKSPACE: Workspace = { id: 'ws-1', name: 'My agency', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: '2026-09-01T08:00:00.000Z' };
const NOW = new Date('2026-11-24T09:00:00.000Z');
const founded = makeEvent('workspace.created', ME.id, WORKSPACE.id, { workspace: { id: WORKSPACE.id, name: WORKSPACE.name }, admin: ME }, { at: '2026-09-01T08:00:00.000Z' });

describe('the demo agency’s client teams', () => {
  const events = buildDemo(ME, WORKSPACE, NOW);
  const { model, rejected } = replay([founded, ...events]);

  it('gives every client a team covering every role, from the demo’s people, as client.team_set events', () => {
    expect(rejected).toEqual([]);
    const people = new Set([ME.id, ...Object.values(DEMO_MEMBERS).map((m) => m.id)]);
    for (const demo of DEMO_CLIENTS) {
      const team = model.client(clientId(demo.key))?.team ?? {};
      expect(Object.keys(team).sort(), demo.key).toEqual(DEFAULT_TEAM_ROLES.map((r) => r.id).sort());
      for (const holder of Object.values(team)) expect(people.has(holder)).toBe(true);
    }
    expect(events.filter((e) => e.type === 'client.team_set')).toHaveLength(DEMO_CLIENTS.length * DEFAULT_TEAM_ROLES.length);
  });

  it('keeps the story: the account manager is the client’s owner, handed on by confirmed transfers', () => {
    for (const demo of DEMO_CLIENTS) {
      const client = model.client(clientId(demo.key))!;
      expect(client.team?.account_manager, demo.key).toBe(client.ownerId);
    }
    // Marcus handed Ashgrove over; Priya confirmed it.
    expect(model.client(clientId('ashgrove'))?.team?.account_manager).toBe(DEMO_MEMBERS.priya.id);
    expect(model.client(clientId('ridgeline'))?.team).toMatchObject({ strategist: DEMO_MEMBERS.priya.id, media_buyer: DEMO_MEMBERS.tomas.id, creative: DEMO_MEMBERS.lena.id });
  });
});
