import { describe, expect, it } from 'vitest';
import { activityFromHandoff, handoffActivity } from '../../../components/panel/activity';
import { nextStep } from '../../../components/panel/next-step';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { TimelineEntry } from '../../../lib/model/timeline';
import { fromParty, toParty } from '../../../components/popup/party';

const maya: Member = { id: 'm-maya', name: 'Maya Okafor', email: 'maya@agency.com', role: 'member' };
const tom: Member = { id: 'm-tom', name: 'Tom Reyes', email: 'tom@agency.com', role: 'member' };
const MEMBERS = [maya, tom];

const handoff = (patch: Partial<Handoff>): Handoff => ({
  id: 'h1',
  clientId: 'c1',
  templateId: 'sales-to-am',
  templateVersion: 1,
  title: 'Juniper signed',
  fields: {},
  senderId: maya.id,
  receiverId: tom.id,
  state: 'sent',
  sources: {},
  context: { participants: [] },
  gaps: [],
  gapRounds: 0,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  sentAt: '2026-03-01T10:00:00.000Z',
  ...patch,
});

const gap = { id: 'g1', fieldIds: ['budget'], question: 'Who approves more budget?', raisedBy: tom.id, raisedAt: '2026-03-02T09:00:00.000Z' };

describe('nextStep', () => {
  it('tells the receiver it is their move, and the sender whom they wait for', () => {
    expect(nextStep(handoff({}), tom, MEMBERS)).toMatch(/^Your move/);
    expect(nextStep(handoff({}), maya, MEMBERS)).toBe('Waiting for Tom Reyes to confirm receipt.');
  });

  it('counts the open gaps for the sender', () => {
    const questioned = handoff({ state: 'gaps_raised', gaps: [gap, { ...gap, id: 'g2' }] });
    expect(nextStep(questioned, maya, MEMBERS)).toBe('Tom Reyes asked 2 questions: answer them so they can confirm.');
    expect(nextStep(questioned, tom, MEMBERS)).toBe('Waiting for Maya Okafor to answer 2 gaps.');
  });
});

describe('activityFromHandoff', () => {
  it('tells the exchange from the handoff’s own timestamps', () => {
    const done = handoff({
      state: 'confirmed',
      gaps: [{ ...gap, answer: 'The CMO, above 10%.', answeredBy: maya.id, answeredAt: '2026-03-02T11:00:00.000Z' }],
      confirmedAt: '2026-03-02T12:00:00.000Z',
    });
    expect(activityFromHandoff(done, MEMBERS).map((l) => l.text)).toEqual([
      'Maya Okafor sent it to Tom Reyes',
      'Tom Reyes asked: Who approves more budget?',
      'Maya Okafor answered: The CMO, above 10%.',
      'Tom Reyes confirmed receipt',
    ]);
  });

  it('says nothing about a draft that never left', () => {
    expect(activityFromHandoff(handoff({ state: 'draft', sentAt: undefined }), MEMBERS)).toEqual([]);
  });
});

describe('handoffActivity', () => {
  // As the reducer logs them (lib/events/reducer.ts): the start is one of the handoff's entries.
  const logged = (id: string, type: string, at: string, summary: string): TimelineEntry => ({ id, clientId: 'c1', at, type, actorId: maya.id, handoffId: 'h1', summary });
  const ENTRIES = [
    logged('e1', 'handoff.created', '2026-03-01T09:00:00.000Z', 'Maya Okafor started “Juniper signed”'),
    logged('e2', 'handoff.sent', '2026-03-01T10:00:00.000Z', 'Maya Okafor sent “Juniper signed” to Tom Reyes'),
  ];

  it('tells the start once when the history has it', () => {
    const texts = handoffActivity(handoff({}), ENTRIES, MEMBERS).map((l) => l.text);
    expect(texts).toEqual(['Maya Okafor started “Juniper signed”', 'Maya Okafor sent “Juniper signed” to Tom Reyes']);
  });

  it('still tells the start when the history no longer reaches back to it', () => {
    const texts = handoffActivity(handoff({}), ENTRIES.slice(1), MEMBERS).map((l) => l.text);
    expect(texts).toEqual(['Maya Okafor started the draft', 'Maya Okafor sent “Juniper signed” to Tom Reyes']);
  });

  it('tells the start once from the handoff’s own timestamps, without history', () => {
    const texts = handoffActivity(handoff({}), [], MEMBERS).map((l) => l.text);
    expect(texts).toEqual(['Maya Okafor started the draft', 'Maya Okafor sent it to Tom Reyes']);
  });
});

describe('the popup’s line under each handoff', () => {
  const name = (id: string | undefined) => MEMBERS.find((m) => m.id === id)?.name ?? 'someone';

  it('says where a handoff sent to me stands, in whole words', () => {
    expect(fromParty(handoff({}), name)).toBe('from Maya Okafor');
    expect(fromParty(handoff({ state: 'gaps_answered' }), name)).toBe('from Maya Okafor · Answers received');
    expect(fromParty(handoff({ state: 'reassigned' }), name)).toBe('from Maya Okafor · Reassigned to you');
  });

  it('says where a handoff I sent stands, naming whom it waits on', () => {
    expect(toParty(handoff({}), name)).toBe('to Tom Reyes');
    expect(toParty(handoff({ state: 'gaps_answered' }), name)).toBe('to Tom Reyes · Answers sent');
    expect(toParty(handoff({ state: 'reassigned' }), name)).toBe('Reassigned to Tom Reyes');
  });
});
