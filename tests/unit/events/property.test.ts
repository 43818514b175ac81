import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, type MemoryModel } from '../../../lib/events/memory-model';
import type { BatonEvent } from '../../../lib/model/event';
import { HANDOFF_STATES, HandoffSchema } from '../../../lib/model/handoff';
import { CLIENT_ID, completeFields, frozen, template, workspace, type Scenario } from './builders';

// Random command sequences by random people on one to three handoffs: whatever is accepted or
// refused, the model stays valid after every step, and a refused event changes nothing.

const WHO = ['jane', 'tom', 'ada', 'sam'] as const;
type Who = (typeof WHO)[number];
/**
 * Who acts: one of the four people, or (so that sequences get past the first refusal and reach the
 * later states) whoever is the handoff's sender or receiver at that moment, or the party the command
 * is meant for: still one of the four.
 */
type Actor = Who | 'the_sender' | 'the_receiver' | 'the_party';
const TEMPLATES = ['sales-to-am', 'brief-to-creative', 'am-transition'] as const;
type TemplateId = (typeof TEMPLATES)[number];
/** What the sender puts in the fields. */
const FILLS = ['none', 'complete', 'partial', 'unvalidated', 'malformed'] as const;
type Fill = (typeof FILLS)[number];

type Command =
  | { t: 'create'; h: number; actor: Who; template: TemplateId; receiver: Who | null; fill: Fill }
  | { t: 'update'; h: number; actor: Actor; receiver: Who | null; fill: Fill; title: boolean }
  | { t: 'send'; h: number; actor: Actor; override: 'none' | 'short' | 'written' }
  | { t: 'raise'; h: number; actor: Actor; gaps: { n: number; unknownField: boolean }[] }
  | { t: 'answer'; h: number; actor: Actor; gaps: (number | 'open')[]; fill: Fill }
  | { t: 'confirm'; h: number; actor: Actor }
  | { t: 'cancel'; h: number; actor: Actor }
  | { t: 'reassign'; h: number; actor: Actor; receiver: Who }
  | { t: 'redeliver'; back: number };

const who = fc.constantFrom(...WHO);
const actor: fc.Arbitrary<Actor> = fc.oneof({ weight: 1, arbitrary: who }, { weight: 3, arbitrary: fc.constantFrom('the_sender' as const, 'the_receiver' as const, 'the_party' as const, 'the_party' as const) });
const handoffNo = (count: number) => fc.integer({ min: 0, max: count - 1 });
const fill = fc.constantFrom(...FILLS);
const gapNo = fc.integer({ min: 0, max: 4 });

function commandArb(handoffs: number): fc.Arbitrary<Command> {
  const h = handoffNo(handoffs);
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ t: fc.constant('create' as const), h, actor: who, template: fc.constantFrom(...TEMPLATES), receiver: fc.option(who, { nil: null }), fill }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('update' as const), h, actor, receiver: fc.option(who, { nil: null, freq: 3 }), fill, title: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('send' as const), h, actor, override: fc.constantFrom('none' as const, 'short' as const, 'written' as const, 'written' as const) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('raise' as const), h, actor, gaps: fc.array(fc.record({ n: gapNo, unknownField: fc.boolean() }), { minLength: 1, maxLength: 2 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('answer' as const), h, actor, gaps: fc.array(fc.oneof(gapNo, fc.constant('open' as const)), { minLength: 1, maxLength: 2 }), fill }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('confirm' as const), h, actor }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), h, actor: who }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('reassign' as const), h, actor, receiver: who }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('redeliver' as const), back: fc.nat({ max: 40 }) }) },
  );
}

/** 1–3 handoffs, each created up front (which may itself be refused), then up to ~40 random commands. */
const createArb = (h: number) =>
  fc
    .record({
      actor: who,
      // Mostly someone else, sometimes nobody yet, now and then the sender themself (refused).
      offset: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(null) }),
      template: fc.constantFrom(...TEMPLATES),
      fill: fc.oneof({ weight: 9, arbitrary: fc.constantFrom<Fill>('complete', 'complete', 'partial', 'unvalidated', 'none') }, { weight: 1, arbitrary: fc.constant<Fill>('malformed') }),
    })
    .map(({ actor, offset, template, fill }): Command => ({
      t: 'create',
      h,
      actor,
      template,
      fill,
      receiver: offset === null ? null : WHO[(WHO.indexOf(actor) + offset) % WHO.length]!,
    }));
const scenarioArb = fc.integer({ min: 1, max: 3 }).chain((handoffs) =>
  fc.record({
    creates: fc.tuple(...Array.from({ length: handoffs }, (_, h) => createArb(h))),
    commands: fc.array(commandArb(handoffs), { minLength: 5, maxLength: 40, size: 'max' }),
  }),
);

function fieldsFor(templateId: string, how: Fill): Record<string, unknown> {
  const t = template(templateId);
  const required = t.fields.filter((f) => f.required);
  switch (how) {
    case 'none':
      return {};
    case 'complete':
      return completeFields(templateId);
    case 'partial':
      return Object.fromEntries(Object.entries(completeFields(templateId)).slice(0, Math.ceil(required.length / 2)));
    case 'unvalidated': {
      const kpi = required.find((f) => f.type === 'kpi_targets');
      if (kpi) return completeFields(templateId, { [kpi.id]: [{ metric: 'ROAS', value: '4.0', validated: false, evidence: '' }] });
      return completeFields(templateId, { [required[0]!.id]: '' });
    }
    case 'malformed':
      return { [required[0]!.id]: 42 };
  }
}

const HANDOFF_IDS = ['h-0', 'h-1', 'h-2'];

/** Turns a command into an event with a plausible payload (built against the model as it is now). */
function toEvent(s: Scenario, c: Exclude<Command, { t: 'redeliver' }>): BatonEvent {
  const id = HANDOFF_IDS[c.h]!;
  const templateId = c.t === 'create' ? c.template : (s.model.handoff(id)?.templateId ?? 'sales-to-am');
  const firstField = template(templateId).fields.find((f) => f.required)!.id;
  const current = s.model.handoff(id);
  const sender = current?.senderId ?? 'jane';
  const receiver = current?.receiverId ?? 'tom';
  const party = c.t === 'raise' || c.t === 'confirm' ? receiver : sender;
  const person = (a: Actor): string => (a === 'the_sender' ? sender : a === 'the_receiver' ? receiver : a === 'the_party' ? party : a);
  const openGap = current?.gaps.find((g) => g.answer === undefined)?.id ?? 'g0';
  switch (c.t) {
    case 'create':
      return s.next('handoff.created', c.actor, id, {
        clientId: CLIENT_ID,
        templateId,
        templateVersion: 1,
        ...(c.receiver ? { receiverId: c.receiver } : {}),
        fields: fieldsFor(templateId, c.fill),
      });
    case 'update':
      return s.next('handoff.updated', person(c.actor), id, {
        ...(c.receiver ? { receiverId: c.receiver } : {}),
        ...(c.title ? { title: `Handoff ${id}, revised` } : {}),
        fields: fieldsFor(templateId, c.fill),
      });
    case 'send':
      return s.next('handoff.sent', person(c.actor), id, c.override === 'none' ? {} : { overrideReason: c.override === 'short' ? 'asap' : 'Client call moved up; the rest follows on Monday.' });
    case 'raise':
      return s.next('handoff.gaps_raised', person(c.actor), id, {
        gaps: c.gaps.map((g) => ({ id: `g${g.n}`, fieldIds: [g.unknownField ? 'no_such_field' : firstField], question: `Question ${g.n}?` })),
      });
    case 'answer':
      return s.next('handoff.gaps_answered', person(c.actor), id, { answers: c.gaps.map((n) => ({ gapId: n === 'open' ? openGap : `g${n}`, answer: `Answer ${n}.` })), fields: c.fill === 'malformed' || c.fill === 'complete' ? fieldsFor(templateId, c.fill) : {} });
    case 'confirm':
      return s.next('handoff.confirmed', person(c.actor), id, {});
    case 'cancel':
      return s.next('handoff.cancelled', person(c.actor), id, {});
    case 'reassign':
      return s.next('handoff.reassigned', person(c.actor), id, { receiverId: c.receiver });
  }
}

const SENT_OR_LATER = new Set(['sent', 'gaps_raised', 'gaps_answered', 'confirmed', 'reassigned']);

function expectValid(model: MemoryModel): void {
  for (const h of model.handoffs.values()) {
    const parsed = HandoffSchema.safeParse(h);
    expect(parsed.error?.issues ?? [], `handoff ${h.id} parses`).toEqual([]);
    expect(HANDOFF_STATES).toContain(h.state);
    if (h.state === 'confirmed') {
      expect(h.confirmedAt, 'confirmed has confirmedAt').toBeDefined();
      expect(h.sentAt, 'confirmed was sent').toBeDefined();
    } else {
      expect(h.confirmedAt).toBeUndefined();
    }
    if (SENT_OR_LATER.has(h.state) || h.sentAt !== undefined) {
      expect(h.sentAt, `${h.state} has sentAt`).toBeDefined();
      expect(h.receiverId, `${h.state} has a receiver`).toBeDefined();
      expect(h.receiverId).not.toBe(h.senderId);
      expect(h.completenessAtSend, `${h.state} has completenessAtSend`).toBeDefined();
      expect(h.dueBy).toBeDefined();
    } else {
      expect(['draft', 'cancelled']).toContain(h.state);
      expect(h.completenessAtSend).toBeUndefined();
    }
    if (h.state === 'cancelled') expect(h.cancelledAt).toBeDefined();
    if (h.completenessAtSend) {
      const c = h.completenessAtSend;
      expect(c.satisfied + c.missing.length).toBe(c.required);
      // Incomplete only with an override that names exactly what was missing.
      if (c.missing.length > 0) expect(h.override?.missing).toEqual(c.missing.map((m) => m.fieldId));
      else expect(h.override).toBeUndefined();
    }
    for (const g of h.gaps) {
      expect(g.raisedBy, 'gaps are raised by a receiver, never the sender').not.toBe(h.senderId);
      if (g.answer !== undefined || g.answeredBy !== undefined) {
        expect(g.answeredBy, 'gaps are answered only by the sender').toBe(h.senderId);
        expect(g.answer).toBeDefined();
        expect(g.answeredAt).toBeDefined();
      }
    }
    expect(new Set(h.gaps.map((g) => g.id)).size).toBe(h.gaps.length);
    if (h.state === 'gaps_raised') expect(h.gaps.some((g) => g.answer === undefined)).toBe(true);
    if (h.state === 'gaps_answered') expect(h.gaps.length > 0 && h.gaps.every((g) => g.answer !== undefined)).toBe(true);
    if (h.gaps.length > 0) expect(h.gapRounds).toBeGreaterThan(0);
  }
}

describe('random command sequences never produce an invalid state', () => {
  it('after every step the model is valid, and refused or duplicate events change nothing', () => {
    const seen = { accepted: 0, refused: 0, duplicate: 0, states: new Set<string>() };
    fc.assert(
      fc.property(scenarioArb, ({ creates, commands }) => {
        const s = workspace();
        const setup = [...s.events];
        const applied: BatonEvent[] = [];
        for (const c of [...creates, ...commands] as Command[]) {
          const event = c.t === 'redeliver' ? applied[applied.length - 1 - (c.back % Math.max(applied.length, 1))] : toEvent(s, c);
          if (!event) continue;
          applied.push(event);
          const before = frozen(s.model);
          const decision = s.model.apply(event);
          if (!decision.ok) {
            seen.refused += 1;
            expect(decision.problem.message).toMatch(/\S/);
            expect(frozen(s.model), `refused ${event.type}: ${decision.problem.message}`).toBe(before);
          } else if (decision.duplicate) {
            seen.duplicate += 1;
            expect(frozen(s.model), `duplicate ${event.type}`).toBe(before);
          } else {
            seen.accepted += 1;
          }
          expectValid(s.model);
          for (const h of s.model.handoffs.values()) seen.states.add(h.state);
        }
        // The same deliveries, replayed from scratch, build the same model.
        expect(frozen(replay([...setup, ...applied]).model)).toBe(frozen(s.model));
      }),
      { numRuns: 1000 },
    );
    // The generator reaches the interesting places, not only refusals.
    expect(seen.accepted).toBeGreaterThan(2000);
    expect(seen.refused).toBeGreaterThan(2000);
    expect(seen.duplicate).toBeGreaterThan(100);
    expect([...seen.states].sort()).toEqual([...HANDOFF_STATES].sort());
  }, 30_000);
});
