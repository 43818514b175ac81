import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvent, dropRefused } from '../../../lib/db/event-store';
import { METRICS_FACTS_KEY, METRICS_HEAD_KEY, readMetricsSnapshot, refreshMetricsSnapshot, type MetricsSnapshotHead } from '../../../lib/db/metrics-snapshot';
import { openBatonDb } from '../../../lib/db/open';
import { readRawLog } from '../../../lib/db/raw-log';
import { collectFacts, computeMetrics, FACTS_VERSION, MetricFacts, MetricsQuerySchema } from '../../../lib/metrics';
import { makeEvent } from '../../../lib/events';
import { at, baseLog, freshName, sentBrief } from './fixtures';

const query = MetricsQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30' });
const now = Date.parse('2026-11-10T00:00:00Z');

/** What the metrics say from saved facts, against a fold of the whole log: they must agree. */
async function expectSameAsLog(db: Awaited<ReturnType<typeof openBatonDb>>) {
  const saved = await readMetricsSnapshot(db);
  expect(saved).not.toBeNull();
  const whole = collectFacts((await readRawLog(db)).events);
  expect(computeMetrics(saved!.facts, query, now)).toEqual(computeMetrics(whole, query, now));
  expect(JSON.parse(JSON.stringify(saved!.facts))).toEqual(JSON.parse(JSON.stringify(whole)));
}

describe('saved metric facts', () => {
  it('fold the log once, then only what is new; a dropped event or another fold version means a fresh fold', async () => {
    const db = await openBatonDb(freshName());
    for (const event of [...baseLog(), ...sentBrief('h1', 10)]) await appendEvent(db, event);
    expect(await readMetricsSnapshot(db)).toBeNull();

    expect(await refreshMetricsSnapshot(db)).toEqual({ lastKey: 5, folded: 5, added: 5, refolded: true });
    await expectSameAsLog(db);
    // Nothing new: nothing read beyond a count, nothing written.
    expect(await refreshMetricsSnapshot(db)).toEqual({ lastKey: 5, folded: 5, added: 0, refolded: false });

    await appendEvent(db, makeEvent('handoff.confirmed', 'tom', 'h1', {}, { id: 'h1-ok', at: at(30) }));
    for (const event of sentBrief('h2', 40)) await appendEvent(db, event);
    expect(await refreshMetricsSnapshot(db)).toEqual({ lastKey: 8, folded: 8, added: 3, refolded: false });
    await expectSameAsLog(db);
    expect((await readMetricsSnapshot(db))!.facts.handoffs.get('h1')?.state).toBe('confirmed');

    // The hub refused a local event: it leaves the log, so the saved facts no longer describe it.
    await dropRefused(db, 'h2-sent');
    expect(await readMetricsSnapshot(db)).toBeNull();
    expect(await refreshMetricsSnapshot(db)).toMatchObject({ folded: 7, refolded: true });
    await expectSameAsLog(db);
    expect((await readMetricsSnapshot(db))!.facts.handoffs.get('h2')?.state).toBe('draft');

    // Saved by another version of the fold, or damaged: folded again, never trusted.
    const head = (await db.get('meta', METRICS_HEAD_KEY)) as MetricsSnapshotHead;
    await db.put('meta', { ...head, v: FACTS_VERSION + 1 }, METRICS_HEAD_KEY);
    expect(await readMetricsSnapshot(db)).toBeNull();
    await db.put('meta', head, METRICS_HEAD_KEY);
    expect(await readMetricsSnapshot(db)).not.toBeNull();
    await db.put('meta', '{"v":', METRICS_FACTS_KEY);
    expect(await readMetricsSnapshot(db)).toBeNull();
    // The head still looks current: the reader that found the damage asks for a fresh fold.
    expect(await refreshMetricsSnapshot(db)).toMatchObject({ added: 0, refolded: false });
    expect(await refreshMetricsSnapshot(db, { refold: true })).toMatchObject({ folded: 7, refolded: true });
    await expectSameAsLog(db);
    db.close();
  });

  it('round-trips through JSON with every fact, draft and deadline', () => {
    const facts = collectFacts([...baseLog(), ...sentBrief('h1', 10), makeEvent('handoff.created', 'jane', 'd1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, dueBy: at(500), fields: { objective: 'x' } }, { id: 'd1', at: at(20) })]);
    const back = MetricFacts.fromJSON(JSON.parse(JSON.stringify(facts)))!;
    expect(JSON.stringify(back)).toBe(JSON.stringify(facts));
    // The draft's fields and confirm-by survive: sending it later folds the same as without the copy.
    const send = makeEvent('handoff.sent', 'jane', 'd1', { overrideReason: 'The brief is short on purpose: a test.' }, { id: 'd1-sent', at: at(30) });
    back.add(send);
    facts.add(send);
    expect(back.handoffs.get('d1')).toEqual(facts.handoffs.get('d1'));
    expect(back.handoffs.get('d1')?.deadlines).toEqual([{ due: Date.parse(at(500)) }]);
    expect(MetricFacts.fromJSON({ v: FACTS_VERSION, handoffs: 'no' })).toBeNull();
    expect(MetricFacts.fromJSON(null)).toBeNull();
  });
});
