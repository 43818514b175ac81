import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledge, appendEvent, appendEvents, dropRefused, readLog, rebuildViews, receiveFromHub, reorderIfNeeded } from '../../../lib/db/event-store';
import { getMeta, putMeta } from '../../../lib/db/meta';
import { METRICS_HEAD_KEY, refreshMetricsSnapshot } from '../../../lib/db/metrics-snapshot';
import { openBatonDb, type BatonDatabase } from '../../../lib/db/open';
import { VIEW_STORES } from '../../../lib/db/schema';
import { makeEvent } from '../../../lib/events';
import type { BatonEvent } from '../../../lib/model/event';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { at, baseLog, freshName } from './fixtures';

/**
 * A browser (Jane's) that acts while a colleague (Tom) acts through the hub: the hub places Tom's
 * events between Jane's, or refuses hers, and the browser re-orders from the first event that moved.
 * Whatever happened, its views must be those a full rebuild from the same log gives.
 */
class Scenario {
  readonly hub: { seq: number; event: BatonEvent }[] = [];
  readonly outcomes: string[] = [];
  private cursor = 0;
  private minute = 10;
  private n = 0;
  private constructor(readonly db: BatonDatabase) {}

  static async start(): Promise<Scenario> {
    const scenario = new Scenario(await openBatonDb(freshName()));
    for (const event of baseLog()) scenario.hub.push({ seq: scenario.hub.length + 1, event });
    await scenario.pull();
    return scenario;
  }

  /** Something Jane does here: in her views at once, in the outbox until the hub answers. */
  async mine(type: Parameters<typeof makeEvent>[0], entity: string, payload: object): Promise<BatonEvent | undefined> {
    const event = this.event(type, 'jane', entity, payload);
    return (await appendEvent(this.db, event)).ok ? event : undefined;
  }

  /** Something Tom does: the hub takes it now, Jane's browser learns of it at the next pull. */
  theirs(type: Parameters<typeof makeEvent>[0], entity: string, payload: object): BatonEvent {
    const event = this.event(type, 'tom', entity, payload);
    this.hub.push({ seq: this.hub.length + 1, event });
    return event;
  }

  /** Jane's oldest pending event reaches the hub: accepted (after whatever Tom sent meanwhile) or refused. */
  async push(refuse = false): Promise<void> {
    const [pending] = await this.db.getAllFromIndex('outbox', 'bySeq', undefined, 1);
    if (!pending) return;
    if (refuse) return dropRefused(this.db, pending.id);
    const record = await this.db.get('events', pending.seq);
    this.hub.push({ seq: this.hub.length + 1, event: record!.event });
    await acknowledge(this.db, pending.id, this.hub.length);
  }

  /** Pulls everything after the cursor, as sync does, then re-orders. */
  async pull(): Promise<void> {
    for (const { seq, event } of this.hub.slice(this.cursor)) {
      await receiveFromHub(this.db, event, seq);
      this.cursor = seq;
      await putMeta(this.db, 'hub-cursor', seq);
    }
    this.outcomes.push(await reorderIfNeeded(this.db));
  }

  private event(type: Parameters<typeof makeEvent>[0], actor: string, entity: string, payload: object): BatonEvent {
    this.minute += 1;
    return makeEvent(type, actor, entity, payload as never, { id: `e${this.n++}-${actor}`, at: at(this.minute) });
  }
}

/** Every view store and the workspace record, as stored. */
async function views(db: BatonDatabase): Promise<Record<string, unknown>> {
  const stores = await Promise.all(VIEW_STORES.map(async (store) => [store, await db.getAll(store)] as const));
  return { ...Object.fromEntries(stores), workspace: await db.get('meta', 'workspace') };
}

/** The views a full rebuild gives from the same log, in another database (the one under test is left as it is). */
async function rebuiltFrom(db: BatonDatabase): Promise<Record<string, unknown>> {
  const copy = await openBatonDb(freshName());
  for (const record of await db.getAll('events')) {
    const { undo: _undo, ...plain } = record;
    await copy.put('events', plain);
  }
  await rebuildViews(copy);
  const rebuilt = await views(copy);
  copy.close();
  return rebuilt;
}

const brief = (receiverId: string) => ({ clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId, fields: COMPLETE_BRIEF });

describe('re-ordering the views from the first event that moved', () => {
  it('places a colleague’s event before my pending one: same views as a full rebuild, without one', async () => {
    const s = await Scenario.start();
    await s.mine('handoff.created', 'h1', brief('tom'));
    s.theirs('client.updated', 'northwind', { name: 'Northwind Group' });
    await s.push();
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    // The handoff's title was made from the client's name as the hub's order has it.
    expect((await s.db.get('handoffs', 'h1'))?.title).toContain('Northwind Group');
    expect((await readLog(s.db)).events.map((e) => e.id)).toEqual(s.hub.map((h) => h.event.id));
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
    expect(await s.db.get('meta', 'view-tail')).toEqual({ applied: [], waiting: [] });
  });

  it('forgets my event the hub refused, keeping what came after it', async () => {
    const s = await Scenario.start();
    await s.mine('client.updated', 'northwind', { name: 'Renamed by me' });
    await s.mine('item.added', 'i1', { clientId: 'northwind', text: 'Send the deck' });
    await s.push(true);
    expect(await s.db.count('outbox')).toBe(1);
    expect((await s.db.get('clients', 'northwind'))?.name).toBe('Northwind Outfitters');
    expect((await s.db.get('items', 'i1'))?.text).toBe('Send the deck');
    expect(await s.db.get('timeline', 'e0-jane')).toBeUndefined();
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });

  it('settles a handoff touched on both sides: the receiver’s confirmation placed before my late edit', async () => {
    const s = await Scenario.start();
    const created = s.theirs('handoff.created', 'h1', brief('jane'));
    s.theirs('handoff.sent', 'h1', {});
    await s.pull();
    expect((await s.db.get('handoffs', 'h1'))?.state).toBe('sent');
    // Jane confirms here while Tom, apart, cancels: the hub took Tom's first.
    await s.mine('handoff.confirmed', 'h1', {});
    s.theirs('handoff.cancelled', 'h1', { reason: 'Client paused the launch.' });
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    // My confirmation no longer applies after the cancellation: the views say cancelled, as the hub will.
    expect((await s.db.get('handoffs', created.entity.id))?.state).toBe('cancelled');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });

  it('keeps the order crash-safe: an out-of-order event waits in the tail, written with it, until the next re-order', async () => {
    const s = await Scenario.start();
    await s.mine('item.added', 'i1', { clientId: 'northwind', text: 'Mine' });
    s.theirs('client.updated', 'northwind', { name: 'Northwind Group' });
    const { seq, event } = s.hub.at(-1)!;
    expect(await receiveFromHub(s.db, event, seq)).toBe('out-of-order');
    // A worker stopped here: the event is in the log and listed as waiting; the views lack it still.
    expect(await s.db.get('meta', 'view-tail')).toMatchObject({ waiting: [expect.any(Number)] });
    expect((await s.db.get('clients', 'northwind'))?.name).toBe('Northwind Outfitters');
    expect(await reorderIfNeeded(s.db)).toBe('incremental');
    expect((await s.db.get('clients', 'northwind'))?.name).toBe('Northwind Group');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });

  it('puts right a hub event applied after a local one made in the same instant (between the pull’s check and its append)', async () => {
    const s = await Scenario.start();
    await s.mine('handoff.created', 'h1', brief('tom'));
    const rename = s.theirs('client.updated', 'northwind', { name: 'Northwind Group' });
    expect(await appendEvent(s.db, rename, 'remote', s.hub.length)).toMatchObject({ ok: true });
    await putMeta(s.db, 'hub-cursor', s.hub.length);
    expect(await reorderIfNeeded(s.db)).toBe('incremental');
    expect((await s.db.get('handoffs', 'h1'))?.title).toContain('Northwind Group');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });
});

describe('what a re-order leaves around the views', () => {
  it('keeps the saved metric facts when only events they never folded moved, and drops them when a folded one moved', async () => {
    const s = await Scenario.start();
    await refreshMetricsSnapshot(s.db);
    await s.mine('item.added', 'i1', { clientId: 'northwind', text: 'Mine' });
    s.theirs('client.updated', 'northwind', { name: 'Northwind Group' });
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    expect(await s.db.get('meta', METRICS_HEAD_KEY)).toBeDefined();

    await refreshMetricsSnapshot(s.db);
    await s.mine('item.added', 'i2', { clientId: 'northwind', text: 'Mine too' });
    await refreshMetricsSnapshot(s.db);
    s.theirs('client.updated', 'northwind', { name: 'Northwind Ltd' });
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    // i2's event was folded in the old order: the facts go, and are folded afresh when next asked for.
    expect(await s.db.get('meta', METRICS_HEAD_KEY)).toBeUndefined();
    expect(await refreshMetricsSnapshot(s.db)).toMatchObject({ refolded: true });
  });

  it('drops a tail grown past its bound (a browser long offline), falls back to full rebuilds, and starts a new tail once all is shared', { timeout: 120_000 }, async () => {
    const s = await Scenario.start();
    const clients = Array.from({ length: 2_001 }, (_, i) => makeEvent('client.created', 'jane', `c${i}`, { name: `Client ${i}` }, { id: `client-${i}`, at: at(5) }));
    expect(await appendEvents(s.db, clients)).toEqual({ ok: true, added: 2_001 });
    expect(await s.db.get('meta', 'view-tail')).toBeUndefined();
    s.theirs('client.updated', 'northwind', { name: 'Northwind Group' });
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('full');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
    // Still more than the bound waits for the hub: no undo is kept for them.
    expect(await getMeta(s.db, 'view-tail')).toBeUndefined();
    while ((await s.db.count('outbox')) > 0) await s.push();
    s.theirs('client.updated', 'northwind', { name: 'Northwind Ltd' });
    await s.pull();
    expect(await getMeta(s.db, 'view-tail')).toEqual({ applied: [], waiting: [] });
    await s.mine('client.updated', 'c0', { name: 'Client zero' });
    s.theirs('client.updated', 'northwind', { name: 'Northwind Again' });
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });

  it('catches up with thousands of colleagues’ events behind one of mine with one full rebuild, not thousands of re-order steps', { timeout: 120_000 }, async () => {
    const s = await Scenario.start();
    for (let i = 0; i < 2_100; i++) s.theirs('client.created', `t${i}`, { name: `Their client ${i}` });
    // My change reaches the hub after all of theirs: every one of them was placed before it.
    await s.mine('client.updated', 'northwind', { name: 'Northwind Group' });
    await s.push();
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('full');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
    // The rebuild started a new tail: the next small re-order is incremental again.
    expect(await getMeta(s.db, 'view-tail')).toEqual({ applied: [], waiting: [] });
    await s.mine('client.updated', 'northwind', { name: 'Northwind Ltd' });
    s.theirs('client.updated', 't0', { name: 'Their first client' });
    await s.push();
    await s.pull();
    expect(s.outcomes.at(-1)).toBe('incremental');
    expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
  });
});

type Step = { kind: 'mine' | 'theirs'; what: number; which: number } | { kind: 'push'; refuse: boolean } | { kind: 'pull' };

/** One of a few actions on a few shared things, so actions collide: renames, edits, sends, confirmations, items, an email change. */
async function act(s: Scenario, step: Extract<Step, { kind: 'mine' | 'theirs' }>): Promise<void> {
  const me = step.kind === 'mine' ? 'jane' : 'tom';
  const other = me === 'jane' ? 'tom' : 'jane';
  const h = `h${step.which % 3}`;
  const i = `i${step.which % 3}`;
  const doIt = (type: Parameters<typeof makeEvent>[0], entity: string, payload: object) => (step.kind === 'mine' ? s.mine(type, entity, payload) : s.theirs(type, entity, payload));
  const actions = [
    () => doIt('client.updated', 'northwind', { name: ['Northwind Group', 'Northwind Ltd', 'Southwind'][step.which % 3] }),
    () => doIt('client.created', `c${step.which % 2}`, { name: ['Acme', 'Globex', 'Northwind Group'][step.which % 3] }),
    () => doIt('handoff.created', h, brief(other)),
    () => doIt('handoff.updated', h, { fields: { objective: `Objective ${step.which}` } }),
    () => doIt('handoff.sent', h, {}),
    () => doIt('handoff.confirmed', h, {}),
    () => doIt('handoff.cancelled', h, {}),
    () => doIt('item.added', i, { clientId: step.which % 2 ? 'northwind' : 'c0', text: `Item ${step.which}`, ownerEmail: `${me}@brightlane.agency` }),
    () => doIt('item.completed', i, {}),
    () => doIt('member.updated', me, { email: [`${me}@brightlane.agency`, `${me}2@brightlane.agency`, `${other}@brightlane.agency`][step.which % 3] }),
  ];
  await actions[step.what % actions.length]!();
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('mine' as const, 'theirs' as const), what: fc.nat(99), which: fc.nat(99) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('push' as const), refuse: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pull' as const) }) },
);

describe('re-ordering, for any interleaving', () => {
  it('leaves every view store as a full rebuild from the same final log, never needing one', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 30 }), async (steps) => {
        const s = await Scenario.start();
        for (const step of steps) {
          if (step.kind === 'push') await s.push(step.refuse);
          else if (step.kind === 'pull') await s.pull();
          else await act(s, step);
          // After every step, re-ordered or not, the views are those of a full rebuild — except
          // between a pull's arrivals and its re-order, which `pull` does in one go here.
          expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
        }
        // Push and pull everything: the browser ends on exactly the hub's log.
        while ((await s.db.count('outbox')) > 0) await s.push();
        await s.pull();
        expect((await readLog(s.db)).events.map((e) => e.id)).toEqual(s.hub.map((h) => h.event.id));
        expect(await views(s.db)).toEqual(await rebuiltFrom(s.db));
        expect(s.outcomes).not.toContain('full');
        expect(await s.db.get('meta', 'view-tail')).toEqual({ applied: [], waiting: [] });
        s.db.close();
      }),
      { numRuns: 100 },
    );
  });
});
