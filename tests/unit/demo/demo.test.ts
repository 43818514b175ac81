import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../lib/demo';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import { HANDOFF_STATES } from '../../../lib/model/handoff';
import { IDENTIFIER_KINDS } from '../../../lib/sites/types';
import type { Member, Workspace } from '../../../lib/model/member';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';
import { assessCompleteness } from '../../../lib/workflow/completeness';

// The person trying Baton: the founder (admin) of a fresh local workspace, as the background makes it.
const ME: Member = { id: 'me-1', name: 'You', email: 'you@baton.local', role: 'admin' };
const WORKSPACE: Workspace = { id: 'ws-1', name: 'My agency', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: '2026-09-01T08:00:00.000Z' };
const NOW = new Date('2026-11-24T09:00:00.000Z');
const founded = makeEvent('workspace.created', ME.id, WORKSPACE.id, { workspace: { id: WORKSPACE.id, name: WORKSPACE.name }, admin: ME }, { at: '2026-09-01T08:00:00.000Z' });

function loadDemo(now = NOW) {
  const events = buildDemo(ME, WORKSPACE, now);
  return { events, ...replay([founded, ...events]) };
}

describe('the demo agency', () => {
  it('passes the shared reducer, every event in order', () => {
    const { rejected, events } = loadDemo();
    expect(rejected.map((r) => `${r.event.type} ${r.event.entity.id}: ${r.reason}`)).toEqual([]);
    expect(events.length).toBeGreaterThan(60);
  });

  it('happened over the last two months, never in the future', () => {
    const { events } = loadDemo();
    const times = events.map((e) => Date.parse(e.at));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 61 * 86_400_000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('has a dozen clients, every identifier kind and a handful of colleagues with one admin besides me', () => {
    const { model } = loadDemo();
    const clients = [...model.clients.values()];
    expect(clients.length).toBeGreaterThanOrEqual(12);
    expect(new Set(clients.flatMap((c) => c.identifiers.map((i) => i.kind)))).toEqual(new Set(IDENTIFIER_KINDS));
    expect(clients.every((c) => c.ownerId && c.stakeholders.length > 0 && c.preferences.length > 0)).toBe(true);
    const members = model.members();
    expect(members.length).toBeGreaterThanOrEqual(5);
    expect(members.filter((m) => m.role === 'admin' && m.id !== ME.id)).toHaveLength(1);
  });

  it('has handoffs in every state across all seven templates, some awaiting me and some overdue', () => {
    const { model } = loadDemo();
    const handoffs = [...model.handoffs.values()];
    expect(new Set(handoffs.map((h) => h.state))).toEqual(new Set(HANDOFF_STATES));
    expect(new Set(handoffs.map((h) => h.templateId))).toEqual(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)));
    const open = ['sent', 'gaps_answered', 'reassigned'];
    const awaitingMe = handoffs.filter((h) => h.receiverId === ME.id && open.includes(h.state));
    expect(awaitingMe.length).toBeGreaterThanOrEqual(1);
    expect(handoffs.filter((h) => h.senderId === ME.id && h.state === 'gaps_raised').length).toBeGreaterThanOrEqual(1);
    expect(handoffs.some((h) => h.dueBy && Date.parse(h.dueBy) < NOW.getTime() && h.state !== 'confirmed' && h.state !== 'cancelled')).toBe(true);
  });

  it('sends complete handoffs, except the one sent with a written override', () => {
    const { model } = loadDemo();
    const sent = [...model.handoffs.values()].filter((h) => h.state !== 'draft');
    const incomplete = sent.filter((h) => {
      const template = BUILT_IN_TEMPLATES.find((t) => t.id === h.templateId);
      return template && assessCompleteness(template, h.fields).missing.length > 0;
    });
    expect(incomplete.map((h) => h.override?.reason.length ?? 0).every((n) => n >= 10)).toBe(true);
    expect(incomplete).toHaveLength(1);
  });

  it('documents decisions, calls and commitments, and logs failures with hours', () => {
    const { model } = loadDemo();
    const kinds = new Set([...model.notes.values()].map((n) => n.kind));
    expect(kinds).toEqual(new Set(['decision', 'call_summary', 'commitment', 'note']));
    const failures = [...model.failures.values()];
    expect(failures.length).toBeGreaterThanOrEqual(4);
    expect(failures.every((f) => f.hours > 0)).toBe(true);
  });

  it('is the same for the same now, and loading it twice adds nothing', () => {
    expect(buildDemo(ME, WORKSPACE, NOW)).toEqual(buildDemo(ME, WORKSPACE, NOW));
    const { events } = loadDemo();
    const twice = replay([founded, ...events, ...events]);
    expect(twice.rejected).toEqual([]);
    expect(twice.model.eventIds.size).toBe(events.length + 1);
  });
});
