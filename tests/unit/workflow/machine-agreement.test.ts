import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import { replay, type MemoryModel } from '../../../lib/events/memory-model';
import { awaitsReconfirmation, collectFacts, MetricFacts, type HandoffFact } from '../../../lib/metrics/facts';
import { isInFlight } from '../../../lib/workflow/handoff-machine';
import type { BatonEvent, EventType } from '../../../lib/model/event';
import { HANDOFF_STATES, isOpenGap, type Handoff, type HandoffState } from '../../../lib/model/handoff';
import { assessCompleteness } from '../../../lib/workflow/completeness';
import { describeEdit, emptiedRequired } from '../../../lib/workflow/edits';
import { CONFIRMED_ONCE } from '../../../lib/workflow/rules';
import { CLIENT_ID, CLIENT_NAME, completeFields, workspace } from '../events/builders';
import { ONBOARDING_V1, ONBOARDING_V2 } from '../metrics/story';

// The reducer (what the views show) and the metrics fold (what the dashboard counts) read the same
// log. For random valid command sequences — several handoffs interleaved, every command by the person
// allowed to give it, at increasing random times — both must tell the same story of every handoff.

const PEOPLE = ['jane', 'tom', 'sam', 'ada'] as const;
type Person = (typeof PEOPLE)[number];
const TEMPLATES = [
  { id: 'sales-to-am', version: 1 },
  { id: 'brief-to-creative', version: 1 },
  { id: 'am-transition', version: 1 },
  { id: 'onboarding', version: 1 },
  { id: 'onboarding', version: 2 },
] as const;
const HANDOFF_IDS = ['h-0', 'h-1', 'h-2'] as const;
const FILLS = ['complete', 'partial', 'none'] as const;

/** One random step: which handoff it is about and the dice that choose the command and its details. */
interface Step {
  h: number;
  pick: number;
  who: number;
  /** Time since the previous event, in ms (a minute to three days, with odd milliseconds). */
  delay: number;
  /** A confirm-by asked for with the command, in hours from now (negative: already past), or none. */
  due: number | null;
  /** Whether that confirm-by is written with a UTC offset instead of "Z". */
  offset: boolean;
  fill: (typeof FILLS)[number];
  title: boolean;
  gaps: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  h: fc.integer({ min: 0, max: HANDOFF_IDS.length - 1 }),
  pick: fc.nat({ max: 999 }),
  who: fc.nat({ max: 999 }),
  delay: fc.integer({ min: 60_000, max: 3 * 24 * 3_600_000 }),
  due: fc.option(fc.integer({ min: -24, max: 24 * 14 }), { freq: 3, nil: null }),
  offset: fc.boolean(),
  fill: fc.constantFrom(...FILLS),
  title: fc.boolean(),
  gaps: fc.integer({ min: 1, max: 3 }),
});

type Command = 'update' | 'send' | 'raise' | 'answer' | 'confirm' | 'cancel' | 'reassign' | 'withdraw' | 'edit';
/** What may happen next to a handoff in each state (the domain's lifecycle, written out independently). */
const NEXT: Record<HandoffState, readonly Command[]> = {
  draft: ['update', 'send', 'send', 'cancel'],
  sent: ['update', 'raise', 'raise', 'confirm', 'cancel', 'reassign', 'edit'],
  gaps_raised: ['update', 'raise', 'answer', 'answer', 'answer', 'reassign', 'withdraw', 'edit'],
  gaps_answered: ['update', 'raise', 'raise', 'confirm', 'cancel', 'reassign', 'edit'],
  reassigned: ['update', 'raise', 'confirm', 'cancel', 'reassign', 'edit'],
  // A confirmed handoff is edited now and then (a required field asks for confirmation again).
  confirmed: ['edit'],
  cancelled: [],
};

/** "2026-03-05T10:00:00.000+02:00"-style: the same instant, written the other way the schema accepts. */
function withOffset(ms: number): string {
  return new Date(ms + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
}

class Log {
  readonly events: BatonEvent[];
  readonly model: MemoryModel;
  /** Deadlines each handoff was given: one per send, per reassignment, per edit that asks for confirmation again. */
  readonly deadlines = new Map<string, number>();
  /** When each handoff was first confirmed: what the metrics count, however often it is confirmed again. */
  readonly firstConfirmed = new Map<string, number>();
  /** Edits that asked a confirmed handoff's receiver to confirm again. */
  reopened = 0;
  /** Gaps withdrawn by a receiver who did not raise them (after a reassignment). */
  withdrawnByAnother = 0;
  /** Commands tried and refused (cancelling a handoff confirmed once, blanking a required field). */
  readonly refusals = new Map<EventType, number>();
  private at: number;
  private n = 0;
  private gapNo = 0;

  constructor() {
    const s = workspace('setup');
    this.model = s.model;
    this.events = [...s.events];
    this.at = Date.parse(s.events.at(-1)!.at);
    this.add('template.saved', 'ada', 'onboarding', { template: ONBOARDING_V1 });
    this.add('template.saved', 'ada', 'onboarding', { template: ONBOARDING_V2 });
  }

  /** A command the rules refuse: the reducer says why and the log does not change. */
  refused<T extends EventType>(type: T, actor: string, entityId: string, payload: EventInput<T>, why: string): void {
    const event = makeEvent(type, actor, entityId, payload, { id: `refused-${++this.n}`, at: new Date(this.at + 60_000) });
    const decision = this.model.apply(event);
    expect(decision.ok ? null : decision.problem.message).toBe(why);
    this.refusals.set(type, (this.refusals.get(type) ?? 0) + 1);
  }

  add<T extends EventType>(type: T, actor: string, entityId: string, payload: EventInput<T>, delay = 60_000): void {
    this.at += delay;
    const event = makeEvent(type, actor, entityId, payload, { id: `ev-${++this.n}`, at: new Date(this.at) });
    const decision = this.model.apply(event);
    if (!decision.ok) throw new Error(`the generator wrote an invalid ${type} by ${actor}: ${decision.problem.message}`);
    this.events.push(event);
  }

  step(s: Step): void {
    const id = HANDOFF_IDS[s.h]!;
    const handoff = this.model.handoff(id);
    if (!handoff) return this.create(id, s);
    const choices = NEXT[handoff.state];
    // A settled handoff: the client is renamed instead (default titles of later handoffs follow it).
    if (choices.length === 0 || (handoff.state === 'confirmed' && s.pick % 4 !== 0)) return this.add('client.updated', 'ada', CLIENT_ID, { name: `${CLIENT_NAME} ${s.pick}` }, s.delay);
    this.command(handoff, choices[s.pick % choices.length]!, s);
  }

  private dueBy(s: Step): { dueBy?: string } {
    if (s.due === null) return {};
    const ms = this.at + s.delay + s.due * 3_600_000;
    return { dueBy: s.offset ? withOffset(ms) : new Date(ms).toISOString() };
  }

  private other(than: readonly string[], dice: number): Person {
    const candidates = PEOPLE.filter((p) => !than.includes(p));
    return candidates[dice % candidates.length]!;
  }

  private fields(templateId: string, fill: Step['fill']): Record<string, unknown> {
    if (fill === 'none') return {};
    const all = templateId === 'onboarding' ? { kickoff: 'Tuesday 10:00', access: ['Google Ads', 'GA4'] } : completeFields(templateId);
    return fill === 'partial' ? Object.fromEntries(Object.entries(all).slice(0, 1)) : all;
  }

  private create(id: string, s: Step): void {
    const template = TEMPLATES[s.pick % TEMPLATES.length]!;
    const sender = PEOPLE[s.who % PEOPLE.length]!;
    const receiver = s.pick % 4 === 0 ? {} : { receiverId: this.other([sender], s.who >> 2) };
    const title = s.title ? { title: `  Handoff ${id} for ${s.pick}  ` } : {};
    const payload = { clientId: CLIENT_ID, templateId: template.id, templateVersion: template.version, fields: this.fields(template.id, s.fill), ...receiver, ...title, ...this.dueBy(s) };
    this.add('handoff.created', sender, id, payload, s.delay);
  }

  /** The sender changes one text or list field (required or not, by the dice), sometimes the title and the confirm-by too. */
  private edit(h: Handoff, s: Step): void {
    const template = this.model.template(h.templateId, h.templateVersion)!;
    const editable = template.fields.filter((f) => f.type === 'short_text' || f.type === 'long_text' || f.type === 'list');
    const field = editable[s.pick % Math.max(editable.length, 1)];
    // Now and then the sender tries to blank a required field: refused, the edit then writes something.
    const blank = { [field?.id ?? '']: field?.type === 'list' ? [' '] : '' };
    const why = field && s.pick % 5 === 0 ? emptiedRequired(template, h.fields, blank) : null;
    if (why) this.refused('handoff.edited', h.senderId, h.id, { fields: blank, reconfirm: true }, why);
    const text = `Edited ${this.n + 1}`;
    const fields = field ? { [field.id]: field.type === 'list' ? [text] : text } : {};
    const title = s.title || !field ? { title: `Edited title ${this.n + 1}` } : {};
    const reconfirm = describeEdit(template, h, { fields }).reconfirm;
    const reopens = reconfirm && h.state === 'confirmed';
    // A confirmed handoff's confirm-by moves only with a new confirmation asked for.
    const due = h.state !== 'confirmed' || reopens ? this.dueBy(s) : {};
    if (reopens) {
      this.deadlines.set(h.id, (this.deadlines.get(h.id) ?? 0) + 1);
      this.reopened += 1;
    }
    return this.add('handoff.edited', h.senderId, h.id, { fields, reconfirm, ...title, ...due }, s.delay);
  }

  private command(h: Handoff, command: Command, s: Step): void {
    const { id, senderId: sender } = h;
    const receiver = h.receiverId ?? '';
    switch (command) {
      case 'update': {
        const newReceiver = h.state === 'draft' && (!h.receiverId || s.who % 3 === 0) ? { receiverId: this.other([sender], s.who) } : {};
        return this.add('handoff.updated', sender, id, { fields: this.fields(h.templateId, s.fill), ...newReceiver, ...(s.title ? { title: `Renamed ${s.pick}` } : {}), ...this.dueBy(s) }, s.delay);
      }
      case 'send': {
        if (!h.receiverId) return this.add('handoff.updated', sender, id, { receiverId: this.other([sender], s.who) }, s.delay);
        const template = this.model.template(h.templateId, h.templateVersion)!;
        // Incomplete: always with a written reason; complete: now and then with one all the same.
        const incomplete = assessCompleteness(template, h.fields).missing.length > 0;
        const reason = incomplete || s.pick % 3 === 0 ? { overrideReason: `  The client call moved up (${s.pick}).  ` } : {};
        this.deadlines.set(id, (this.deadlines.get(id) ?? 0) + 1);
        return this.add('handoff.sent', sender, id, { ...reason, ...this.dueBy(s) }, s.delay);
      }
      case 'raise': {
        const template = this.model.template(h.templateId, h.templateVersion)!;
        const gaps = Array.from({ length: s.gaps }, (_, i) => ({ id: `gap-${++this.gapNo}`, fieldIds: [template.fields[(s.pick + i) % template.fields.length]!.id], question: `Question ${this.gapNo}?` }));
        return this.add('handoff.gaps_raised', receiver, id, { gaps }, s.delay);
      }
      case 'withdraw': {
        // The receiver takes back an open gap: one they raised, or after a reassignment one the former receiver raised.
        const open = h.gaps.filter(isOpenGap);
        const gap = open[s.who % open.length]!;
        if (gap.raisedBy !== receiver) this.withdrawnByAnother += 1;
        return this.add('handoff.gap_withdrawn', receiver, id, { gapId: gap.id, ...(s.title ? { reason: 'Found it.' } : {}) }, s.delay);
      }
      case 'answer': {
        const open = h.gaps.filter(isOpenGap);
        const answering = s.pick % 2 === 0 ? open : open.slice(0, 1 + (s.who % open.length));
        return this.add('handoff.gaps_answered', sender, id, { answers: answering.map((g) => ({ gapId: g.id, answer: `Answer to ${g.id}.` })), fields: s.fill === 'complete' ? this.fields(h.templateId, 'complete') : {} }, s.delay);
      }
      case 'confirm':
        if (!this.firstConfirmed.has(id)) this.firstConfirmed.set(id, this.at + s.delay);
        return this.add('handoff.confirmed', receiver, id, {}, s.delay);
      case 'edit':
        return this.edit(h, s);
      case 'cancel':
        // Confirmed once (an edit re-opened it): never cancelled; its receiver confirms again instead.
        if (h.firstConfirmedAt) {
          this.refused('handoff.cancelled', sender, id, {}, CONFIRMED_ONCE);
          return this.command(h, 'confirm', s);
        }
        return this.add('handoff.cancelled', sender, id, s.title ? { reason: 'Client paused.' } : {}, s.delay);
      case 'reassign': {
        this.deadlines.set(id, (this.deadlines.get(id) ?? 0) + 1);
        const by = s.who % 3 === 0 ? 'ada' : sender;
        return this.add('handoff.reassigned', by, id, { receiverId: this.other([sender, receiver], s.who), ...this.dueBy(s) }, s.delay);
      }
    }
  }
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** The reducer's handoff and the fold's fact tell the same story. */
function expectAgreement(h: Handoff, f: HandoffFact | undefined, deadlines: number, firstConfirmed: number | undefined): void {
  const about = `handoff ${h.id} (${h.state})`;
  expect(f, about).toBeDefined();
  const fact = f!;
  expect(fact.state, `${about}: state`).toBe(h.state);
  expect(fact.gapRounds, `${about}: gap rounds`).toBe(h.gapRounds);
  expect(fact.title, `${about}: title`).toBe(h.title);
  expect(fact.senderId, `${about}: sender`).toBe(h.senderId);
  expect(fact.receiverId, `${about}: receiver`).toBe(h.receiverId);
  expect(fact.createdAt, `${about}: created`).toBe(ms(h.createdAt));
  expect(fact.sentAt, `${about}: sent`).toBe(ms(h.sentAt));
  // The fold counts the first confirmation (an edit may ask for another); the reducer shows the latest.
  expect(fact.confirmedAt, `${about}: confirmed`).toBe(firstConfirmed);
  if (h.confirmedAt === undefined) expect(h.state === 'confirmed', `${about}: confirmed without a time`).toBe(false);
  else expect(ms(h.confirmedAt)! >= firstConfirmed!, `${about}: confirmed again after the first`).toBe(true);
  // The view keeps the first confirmation once an edit re-opens it: the one the fold counts.
  expect(ms(h.firstConfirmedAt ?? h.confirmedAt), `${about}: first confirmation`).toBe(firstConfirmed);
  expect(fact.cancelledAt, `${about}: cancelled`).toBe(ms(h.cancelledAt));
  // Every gap, a withdrawn one marked, in the facts as in the view.
  expect(fact.gaps.map((g) => [g.id, g.raisedAt, g.answeredAt, g.withdrawnAt]), `${about}: gaps`).toEqual(h.gaps.map((g) => [g.id, ms(g.raisedAt), ms(g.answeredAt), ms(g.withdrawnAt)]));
  // Re-opened by an edit: the dashboard marks it exactly when the view awaits a confirmation again.
  expect(awaitsReconfirmation(fact), `${about}: awaits confirmation again`).toBe(h.firstConfirmedAt !== undefined && isInFlight(h.state));
  // One deadline per send and reassignment; the last is the one the reducer shows, and it has ended
  // exactly when the handoff was settled.
  expect(fact.deadlines, `${about}: deadlines`).toHaveLength(deadlines);
  const last = fact.deadlines.at(-1);
  if (h.sentAt === undefined) expect(last, `${about}: no deadline before the send`).toBeUndefined();
  else {
    expect(last?.due, `${about}: confirm-by`).toBe(ms(h.dueBy));
    expect(last?.endedAt, `${about}: deadline ended`).toBe(ms(h.confirmedAt ?? h.cancelledAt));
  }
  expect(fact.completeness?.missing, `${about}: missing at send`).toEqual(h.completenessAtSend?.missing.map((m) => m.fieldId));
  expect(fact.overrideReason, `${about}: override`).toBe(h.override?.reason);
}

describe('one handoff lifecycle: the metrics fold agrees with the reducer', () => {
  it('for random valid command sequences, every handoff has the same state, gap rounds, deadlines and times', () => {
    const seen = { states: new Set<string>(), rounds: 0, events: 0, overridden: 0, reassigned: 0, reopened: 0, withdrawnByAnother: 0, refusedCancels: 0, refusedEdits: 0 };
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        const log = new Log();
        for (const step of steps) log.step(step);
        // The log replays to the same views (so it is a log the reducer accepts whole) …
        expect(replay(log.events).rejected).toEqual([]);
        // … and the fold, folding it in one pass and in two halves, reads every event.
        const facts = collectFacts(log.events);
        const half = Math.floor(log.events.length / 2);
        const resumed = MetricFacts.fromJSON(JSON.parse(JSON.stringify(collectFacts(log.events.slice(0, half)))))!.addAll(log.events.slice(half));
        expect(facts.skipped).toBe(0);
        expect(resumed.handoffs).toEqual(facts.handoffs);
        expect([...facts.handoffs.keys()].sort()).toEqual([...log.model.handoffs.keys()].sort());
        for (const h of log.model.handoffs.values()) {
          expectAgreement(h, facts.handoffs.get(h.id), log.deadlines.get(h.id) ?? 0, log.firstConfirmed.get(h.id));
          seen.states.add(h.state);
          seen.rounds = Math.max(seen.rounds, h.gapRounds);
          if (h.override) seen.overridden += 1;
        }
        seen.reassigned += [...facts.handoffs.values()].filter((f) => f.reassignedAt.length > 0).length;
        seen.events += log.events.length;
        seen.reopened += log.reopened;
        seen.withdrawnByAnother += log.withdrawnByAnother;
        seen.refusedCancels += log.refusals.get('handoff.cancelled') ?? 0;
        seen.refusedEdits += log.refusals.get('handoff.edited') ?? 0;
      }),
      { numRuns: 400 },
    );
    // The generator reaches every state, several gap rounds, overrides and reassignments.
    expect([...seen.states].sort()).toEqual([...HANDOFF_STATES].sort());
    expect(seen.rounds).toBeGreaterThanOrEqual(3);
    expect(seen.overridden).toBeGreaterThan(20);
    expect(seen.reassigned).toBeGreaterThan(20);
    expect(seen.reopened).toBeGreaterThan(20);
    expect(seen.withdrawnByAnother).toBeGreaterThan(5);
    expect(seen.refusedCancels).toBeGreaterThan(5);
    expect(seen.refusedEdits).toBeGreaterThan(5);
  }, 60_000);
});
