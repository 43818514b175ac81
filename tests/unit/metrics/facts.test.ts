import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../lib/demo';
import { makeEvent } from '../../../lib/events/make-event';
import { replay, type MemoryModel } from '../../../lib/events/memory-model';
import { computeMetrics } from '../../../lib/metrics/compute';
import { collectFacts, MetricFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema } from '../../../lib/metrics/query';
import type { BatonEvent } from '../../../lib/model/event';
import type { Member } from '../../../lib/model/member';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { fullStory, NOW, ONBOARDING_V1, setupEvents, t } from './story';

const WEEK = MetricsQuerySchema.parse({ from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' });

/** Every handoff as the facts see it must be the handoff the reducer built, in what the metrics read. */
function expectFactsToAgreeWithTheReducer(model: MemoryModel, facts: MetricFacts) {
  expect([...facts.handoffs.keys()].sort()).toEqual([...model.handoffs.keys()].sort());
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  for (const h of model.handoffs.values()) {
    const f = facts.handoffs.get(h.id)!;
    const seen = {
      clientId: f.clientId,
      templateId: f.templateId,
      templateVersion: f.templateVersion,
      title: f.title,
      senderId: f.senderId,
      receiverId: f.receiverId,
      state: f.state,
      createdAt: f.createdAt,
      sentAt: f.sentAt,
      confirmedAt: f.confirmedAt,
      cancelledAt: f.cancelledAt,
      gapRounds: f.gapRounds,
      gaps: f.gaps.map((g) => ({ id: g.id, fieldIds: g.fieldIds, raisedAt: g.raisedAt, answeredAt: g.answeredAt })),
      completeness: f.completeness,
      overrideReason: f.overrideReason,
      dueBy: h.sentAt === undefined ? undefined : f.deadlines.at(-1)?.due,
    };
    const built = {
      clientId: h.clientId,
      templateId: h.templateId,
      templateVersion: h.templateVersion,
      title: h.title,
      senderId: h.senderId,
      receiverId: h.receiverId,
      state: h.state,
      createdAt: ms(h.createdAt),
      sentAt: ms(h.sentAt),
      confirmedAt: ms(h.confirmedAt),
      cancelledAt: ms(h.cancelledAt),
      gapRounds: h.gapRounds,
      gaps: h.gaps.map((g) => ({ id: g.id, fieldIds: g.fieldIds, raisedAt: ms(g.raisedAt), answeredAt: ms(g.answeredAt) })),
      completeness: h.completenessAtSend && { required: h.completenessAtSend.required, satisfied: h.completenessAtSend.satisfied, missing: h.completenessAtSend.missing.map((m) => m.fieldId) },
      overrideReason: h.override?.reason,
      dueBy: h.sentAt === undefined ? undefined : ms(h.dueBy),
    };
    expect(seen, h.id).toEqual(built);
  }
  expect(facts.failures.map((f) => f.id).sort()).toEqual([...model.failures.keys()].sort());
  for (const f of facts.failures) expect(f).toMatchObject({ clientId: model.failures.get(f.id)!.clientId, hours: model.failures.get(f.id)!.hours });
  expect(facts.members).toEqual(new Map(model.members().map((m) => [m.id, m.name])));
  expect(facts.hourlyRate).toBe(model.workspace()?.hourlyRate);
}

describe('collectFacts', () => {
  it('reads the story’s handoffs as the reducer built them', () => {
    const log = fullStory();
    const { model, rejected } = replay(log);
    expect(rejected).toEqual([]);
    const facts = collectFacts(log);
    expectFactsToAgreeWithTheReducer(model, facts);
    // h4 had two receivers and two deadlines: 24 h after the send (missed, ended by the
    // reassignment) and 24 h after the reassignment (met, ended by the confirmation).
    expect(facts.handoffs.get('h4')).toMatchObject({
      receiverIds: ['tom', 'ada'],
      reassignedAt: [Date.parse(t('03-05 12:00'))],
      deadlines: [
        { due: Date.parse(t('03-05 10:00')), endedAt: Date.parse(t('03-05 12:00')) },
        { due: Date.parse(t('03-06 12:00')), endedAt: Date.parse(t('03-06 08:00')) },
      ],
    });
    // h2's completeness is assessed on the fields at send: created without three, one added by an edit.
    expect(facts.handoffs.get('h2')!.completeness).toEqual({ required: 9, satisfied: 7, missing: ['tone_of_voice', 'brand_guidelines'] });
    // A draft has no receivers yet, no deadline.
    expect(facts.handoffs.get('h7')).toMatchObject({ state: 'draft', receiverIds: [], deadlines: [] });
    expect(facts.templates.map((x) => [x.id, x.version])).toEqual([['onboarding', 1], ['onboarding', 2]]);
    expect(facts.clients.get('zephyr')).toEqual({ name: 'Zephyr Labs', archived: true });
    expect(facts.clients.get('oakridge')).toEqual({ name: 'Oakridge Dental Group', archived: false });
  });

  it('reads the demo agency’s handoffs as the reducer built them', () => {
    const me: Member = { id: 'me', name: 'Me Myself', email: 'me@example.com', role: 'admin' };
    const created = makeEvent('workspace.created', 'me', 'ws', { workspace: { id: 'ws', name: 'Mine' }, admin: me }, { id: 'ws-created', at: '2026-01-01T00:00:00.000Z' });
    const log = [created, ...buildDemo(me, { id: 'ws', name: 'Mine', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: created.at }, new Date('2026-03-09T12:00:00.000Z'))];
    const { model, rejected } = replay(log);
    expect(rejected).toEqual([]);
    expect(model.handoffs.size).toBeGreaterThan(5);
    const facts = collectFacts(log);
    expect(facts.skipped).toBe(0);
    expectFactsToAgreeWithTheReducer(model, facts);
  });

  it('gives a handoff the reducer’s default title, cut to 300 characters like the reducer’s', () => {
    const longName = `${'Long template name '.repeat(6)}`.slice(0, 120);
    const longClient = 'C'.repeat(200);
    const log = [
      ...setupEvents(),
      makeEvent('template.saved', 'jane', 'long', { template: { ...ONBOARDING_V1, id: 'long', name: longName } }, { id: 'l1', at: t('02-01 09:00') }),
      makeEvent('client.created', 'jane', 'c', { name: longClient }, { id: 'l2', at: t('02-01 09:00') }),
      makeEvent('handoff.created', 'jane', 'h', { clientId: 'c', templateId: 'long', templateVersion: 1, receiverId: 'tom' }, { id: 'l3', at: t('02-01 10:00') }),
    ];
    const { model, rejected } = replay(log);
    expect(rejected).toEqual([]);
    expect(model.handoff('h')!.title).toHaveLength(300);
    expect(collectFacts(log).handoffs.get('h')!.title).toBe(model.handoff('h')!.title);
  });

  it('builds further as events arrive: adding the log in pieces gives the facts of the whole', () => {
    const log = fullStory();
    const whole = computeMetrics(collectFacts(log), WEEK, NOW);
    const facts = new MetricFacts();
    for (let i = 0; i < log.length; i += 7) facts.addAll(log.slice(i, i + 7));
    expect(computeMetrics(facts, WEEK, NOW)).toEqual(whole);
    expect(facts.events).toBe(log.length);
  });

  it('skips malformed records without throwing, and they change nothing', () => {
    const log = fullStory();
    const valid = computeMetrics(collectFacts(log), WEEK, NOW);
    const envelope = (type: string, entityId: string, payload: unknown, id = `bad-${type}-${entityId}`) => ({ id, type, actor: 'jane', at: t('03-04 09:00'), entity: { kind: type.split('.')[0], id: entityId }, payload, v: 1 });
    const failure = (over: Record<string, unknown>) => envelope('failure.logged', String(over.id ?? 'fx'), { failure: { id: 'fx', clientId: 'kestrel', category: 'other', hours: 1, description: 'x', loggedBy: 'jane', at: t('03-04 09:00'), ...over } });
    const malformed: unknown[] = [
      null,
      42,
      'handoff.sent',
      {},
      { type: 7 },
      { type: 'handoff.sent' }, // no envelope
      { ...envelope('handoff.sent', 'h6', {}), at: 'yesterday' }, // no time
      { ...envelope('handoff.sent', 'h6', {}), entity: null }, // no entity
      { ...envelope('handoff.sent', 'h6', {}), actor: '' }, // no actor
      envelope('handoff.sent', 'nope', {}), // a handoff the log never created
      envelope('handoff.sent', 'h6', {}), // h6 was sent already
      envelope('handoff.created', 'h6', { clientId: 'kestrel', templateId: 'brief-to-creative', templateVersion: 1 }), // exists
      envelope('handoff.created', 'hx', { clientId: 'kestrel', templateId: 'brief-to-creative' }), // no version
      envelope('handoff.reassigned', 'h6', {}), // no receiver
      envelope('handoff.bogus', 'h6', {}),
      envelope('handoff.gaps_raised', 'h6', { gaps: 'none' }), // no gaps to raise
      envelope('handoff.gaps_raised', 'h6', { gaps: [{ id: 'gx', fieldIds: [], question: '?' }, { fieldIds: ['objective'] }] }), // none valid
      envelope('handoff.gaps_answered', 'h6', { answers: [{ gapId: 'nope', answer: 'x' }] }), // answers no gap
      envelope('handoff.gaps_answered', 'h10', null), // answers nothing
      failure({ hours: -1 }),
      failure({ hours: 'two' }),
      failure({ category: 'bogus' }),
      failure({ at: 'never' }),
      failure({ id: 'f1' }), // logged already
      failure({ clientId: undefined, handoffId: 'nope' }), // belongs to nothing
      envelope('template.saved', 'tx', { template: { id: 'tx' } }),
      envelope('template.saved', 'tx', { template: { ...ONBOARDING_V1, id: 'tx', fields: [null] } }),
      envelope('client.archived', 'nobody', { archived: true }),
      envelope('client.updated', 'nobody', {}),
      envelope('member.added', 'm', {}),
      envelope('member.added', 'm', { member: 'Tom' }),
    ];
    const facts = collectFacts([...log, ...malformed]);
    expect(facts.skipped).toBe(malformed.length);
    expect(facts.events).toBe(log.length + malformed.length);
    expect(computeMetrics(facts, WEEK, NOW)).toEqual(valid);
    // Interleaved rather than appended, they change nothing either.
    const interleaved: unknown[] = [];
    log.forEach((e, i) => interleaved.push(e, ...(i % 5 === 0 && malformed[i / 5] !== undefined ? [malformed[i / 5]] : [])));
    const mixed = collectFacts(interleaved);
    expect(mixed.skipped).toBeGreaterThan(0);
    expect(computeMetrics(mixed, WEEK, NOW).current).toEqual(valid.current);
  });

  it('passes over the events no metric reads, and unknown kinds of event', () => {
    const facts = collectFacts([
      ...setupEvents(),
      { id: 'x1', type: 'note.added', actor: 'jane', at: 'garbage', entity: null, payload: null },
      { id: 'x2', type: 'martian.landed', actor: 'jane', at: t('03-04 09:00'), entity: { kind: 'martian', id: 'm' }, payload: {} },
    ]);
    expect(facts.skipped).toBe(0);
    expect(facts.events).toBe(setupEvents().length + 2);
  });

  it('reads a malformed template as no template, and computes without it', () => {
    const log: unknown[] = [
      ...setupEvents(),
      makeEvent('client.created', 'jane', 'c', { name: 'C' }, { id: 'c', at: t('02-01 09:00') }),
      // Stored by something that skipped the reducer: fields that are not fields.
      { id: 'bad-template', type: 'template.saved', actor: 'jane', at: t('02-01 09:00'), entity: { kind: 'template', id: 'broken' }, payload: { template: { ...ONBOARDING_V1, id: 'broken', fields: [null, 7] } }, v: 1 },
      { id: 'h-created', type: 'handoff.created', actor: 'jane', at: t('03-02 09:00'), entity: { kind: 'handoff', id: 'h' }, payload: { clientId: 'c', templateId: 'broken', templateVersion: 1, receiverId: 'tom', fields: COMPLETE_BRIEF }, v: 1 },
      { id: 'h-sent', type: 'handoff.sent', actor: 'jane', at: t('03-02 10:00'), entity: { kind: 'handoff', id: 'h' }, payload: {}, v: 1 },
      { id: 'h-gaps', type: 'handoff.gaps_raised', actor: 'tom', at: t('03-02 11:00'), entity: { kind: 'handoff', id: 'h' }, payload: { gaps: [{ id: 'g', fieldIds: ['kickoff'], question: '?' }] }, v: 1 },
    ];
    const facts = collectFacts(log);
    expect(facts.skipped).toBe(1);
    expect(facts.template('broken')).toBeUndefined();
    const m = computeMetrics(facts, WEEK, NOW);
    expect(m.current).toMatchObject({ created: 1, sent: 1, gapsRaised: 1 });
    expect(m.gapsByField).toEqual([{ templateId: 'broken', templateName: 'broken', fieldId: 'kickoff', label: 'kickoff', gaps: 1 }]);
  });
});

describe('the facts of events in an order the reducer would refuse', () => {
  it('reads each event once however the log is folded: the same facts from the same log', () => {
    const log: BatonEvent[] = fullStory();
    expect(computeMetrics(collectFacts(log), WEEK, NOW)).toEqual(computeMetrics(collectFacts([...log]), WEEK, NOW));
  });
});
