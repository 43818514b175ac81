import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvent, appendEvents, readLog, rebuildViews } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { MAX_CLOCK_SKEW_MS } from '../../../lib/events/clock';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import { MemoryModel, replay } from '../../../lib/events/memory-model';
import type { EventType } from '../../../lib/model/event';
import { at, baseLog, freshName, sentBrief, T0 } from '../db/fixtures';

const MINUTE = 60_000;
/** The brief is created at minute 10 and sent at minute 11. */
const SENT = T0 + 11 * MINUTE;

const dated = <T extends EventType>(type: T, actor: string, entityId: string, payload: EventInput<T>, ms: number) => makeEvent(type, actor, entityId, payload, { at: new Date(ms) });

/** The workspace with the brief sent to Tom, in memory. */
function sentModel(): MemoryModel {
  const { model, rejected } = replay([...baseLog(), ...sentBrief('h1', 10)]);
  expect(rejected).toEqual([]);
  return model;
}

const reasonOf = (model: MemoryModel, event: Parameters<MemoryModel['apply']>[0]) => {
  const decision = model.apply(event);
  return decision.ok ? 'accepted' : decision.problem.message;
};

describe('the reducer refuses an effect dated before its cause, beyond the clocks’ tolerance', () => {
  it('a confirmation before the send: refused past the tolerance, with what to fix; accepted within it', () => {
    const model = sentModel();
    const tooEarly = SENT - MAX_CLOCK_SKEW_MS - 1;
    expect(reasonOf(model, dated('handoff.confirmed', 'tom', 'h1', {}, tooEarly))).toBe(
      `This change is dated ${new Date(tooEarly).toISOString()}, before the handoff was sent (${at(11)}): check this computer’s date and time.`,
    );
    expect(model.handoff('h1')?.state).toBe('sent');
    expect(reasonOf(model, dated('handoff.confirmed', 'tom', 'h1', {}, SENT - MAX_CLOCK_SKEW_MS))).toBe('accepted');
  });

  it('a gap answered before it was raised, and a confirmation before the last answer', () => {
    const model = sentModel();
    const raisedAt = SENT + 30 * MINUTE;
    expect(reasonOf(model, dated('handoff.gaps_raised', 'tom', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Thursday?' }] }, raisedAt))).toBe('accepted');
    expect(reasonOf(model, dated('handoff.gaps_answered', 'jane', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes.' }] }, raisedAt - 10 * MINUTE))).toMatch(/before the gap was raised \(/);
    const answeredAt = raisedAt + 60 * MINUTE;
    expect(reasonOf(model, dated('handoff.gaps_answered', 'jane', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes.' }] }, answeredAt))).toBe('accepted');
    expect(reasonOf(model, dated('handoff.confirmed', 'tom', 'h1', {}, answeredAt - 10 * MINUTE))).toMatch(/before a gap was answered \(/);
  });

  it('a handoff dated 1970 on a client added this year, and a change to a client before it was added', () => {
    const model = sentModel();
    expect(reasonOf(model, dated('handoff.created', 'jane', 'h1970', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, fields: {} }, 0))).toBe(
      `This change is dated 1970-01-01T00:00:00.000Z, before Northwind Outfitters was added (${at(2)}): check this computer’s date and time.`,
    );
    expect(reasonOf(model, dated('client.updated', 'jane', 'northwind', { preferences: ['Weekly calls'] }, T0 - 60 * MINUTE))).toMatch(/before Northwind Outfitters was added/);
    expect(model.handoff('h1970')).toBeUndefined();
  });

  it('never refuses what a colleague did meanwhile: a confirmation dated before the sender’s later edit is the receiver’s to make', () => {
    const model = sentModel();
    // Jane edits the sent brief at minute 40; Tom's clock is 20 minutes slow and he has not seen the edit.
    expect(reasonOf(model, dated('handoff.updated', 'jane', 'h1', { fields: { walkthrough: '2026-11-20' } }, T0 + 40 * MINUTE))).toBe('accepted');
    expect(reasonOf(model, dated('handoff.confirmed', 'tom', 'h1', {}, T0 + 25 * MINUTE))).toBe('accepted');
  });
});

describe('this computer stamps what a person does no earlier than what it follows', () => {
  it('a confirmation made on a clock 10 minutes behind the sender’s is dated at the send, and accepted', async () => {
    const db = await openBatonDb(freshName());
    expect(await appendEvents(db, [...baseLog(), ...sentBrief('h1', 10)], 'remote')).toMatchObject({ ok: true });
    const confirm = dated('handoff.confirmed', 'tom', 'h1', {}, SENT - 10 * MINUTE);
    const result = await appendEvent(db, confirm);
    expect(result).toMatchObject({ ok: true, duplicate: false, event: { id: confirm.id, at: at(11) } });
    const { events } = await readLog(db);
    expect(events.at(-1)).toMatchObject({ id: confirm.id, type: 'handoff.confirmed', at: at(11) });
    db.close();
  });

  it('keeps the time of an event already after its cause, and of one from the hub as the hub has it', async () => {
    const db = await openBatonDb(freshName());
    expect(await appendEvents(db, [...baseLog(), ...sentBrief('h1', 10)], 'remote')).toMatchObject({ ok: true });
    const late = dated('handoff.gaps_raised', 'tom', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Thursday?' }] }, SENT + 5 * MINUTE);
    expect(await appendEvent(db, late)).toMatchObject({ ok: true, event: { at: late.at } });
    const fromHub = dated('handoff.gaps_answered', 'jane', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes.' }] }, SENT + 3 * MINUTE);
    expect(await appendEvent(db, fromHub, 'remote', 9)).toMatchObject({ ok: true, event: { at: fromHub.at } });
    db.close();
  });
});

describe('an event the hub accepted is a fact: the clock rule never judges it again', () => {
  // A confirmation stored by a hub from before the rule, from a receiver whose clock ran 10 minutes slow.
  const earlyConfirm = () => dated('handoff.confirmed', 'tom', 'h1', {}, SENT - 10 * MINUTE);

  it('a browser takes it from the hub, and a rebuild or a re-order keeps it', async () => {
    const db = await openBatonDb(freshName());
    // Each in the hub's order, with its sequence number, as a pull brings them.
    const log = [...baseLog(), ...sentBrief('h1', 10), earlyConfirm()];
    for (const [index, event] of log.entries()) expect(await appendEvent(db, event, 'remote', index + 1)).toMatchObject({ ok: true, duplicate: false });
    expect((await db.get('handoffs', 'h1'))?.state).toBe('confirmed');
    const { rejected } = await rebuildViews(db);
    expect(rejected).toEqual([]);
    expect((await db.get('handoffs', 'h1'))?.state).toBe('confirmed');
    db.close();
  });

  it('the same event made here, now, is judged as new (and stamped at its cause)', () => {
    const model = sentModel();
    expect(model.apply(earlyConfirm(), 'accepted')).toMatchObject({ ok: true });
    expect(reasonOf(sentModel(), earlyConfirm())).toMatch(/before the handoff was sent/);
  });
});
