import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLog } from '../../../lib/db/event-store';
import type { BatonDatabase } from '../../../lib/db/open';
import { discardRefused, refusedChanges, retryRefused } from '../../../lib/sync/refused';
import { janeAndTomClosedAfterEach } from './browser-harness';
import { syncOnce } from '../../../lib/sync/sync';
import { databases } from '../server/hub-harness';

const janeAndTom = janeAndTomClosedAfterEach();
afterEach(async () => {
  vi.restoreAllMocks();
});


/**
 * A change written by a Baton that did not clean text yet: the record is rewritten in place, past
 * every check, as it sat in the outboxes the audit found.
 */
async function poison(db: BatonDatabase, eventId: string, write: (payload: Record<string, unknown>) => void): Promise<void> {
  const record = (await db.getFromIndex('events', 'byId', eventId))!;
  write(record.event.payload as Record<string, unknown>);
  await db.put('events', record);
}

describe.each(databases())('a browser with an unstorable change, against a hub on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  const setup = () => janeAndTom(kind, url);

  it('still receives its colleague’s events in the same round; the refused change is set aside with its reason', async () => {
    const { jane, tom } = await setup();
    await tom.act('client.created', 'acme', { name: 'Acme' });
    expect((await syncOnce(tom.db, tom.hub)).pushed).toBe(1);
    const poisoned = await jane.act('client.created', 'northwind', { name: 'Northwind', stakeholders: [{ name: 'Lee Moss', role: 'CMO', email: 'lee@northwind.com' }] });
    await jane.act('client.created', 'globex', { name: 'Globex' });
    await poison(jane.db, poisoned, (p) => {
      (p.stakeholders as { name: string }[])[0]!.name = `${'L'.repeat(10)}\uD83D\u0000`;
    });

    const report = await syncOnce(jane.db, jane.hub);
    expect(report.problem).toBeUndefined();
    expect(report.pulled.map((e) => e.entity.id)).toContain('acme');
    expect(await jane.db.get('clients', 'acme')).toMatchObject({ name: 'Acme' });
    expect(report.pushed).toBe(1);
    expect(report.refused).toEqual([{ id: poisoned, type: 'client.created', reason: expect.stringMatching(/NUL character or half of an emoji/) }]);
    expect(await jane.db.count('outbox')).toBe(0);
    expect(await refusedChanges(jane.db)).toEqual([expect.objectContaining({ id: poisoned, type: 'client.created', reason: expect.stringMatching(/NUL character/) })]);
    expect(await jane.db.get('clients', 'northwind')).toBeUndefined();

    // Retry: read again as new, its text cleaned on the way in, and shared in the next round.
    expect(await retryRefused(jane.db, poisoned)).toMatchObject({ ok: true });
    expect(await refusedChanges(jane.db)).toEqual([]);
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(1);
    await syncOnce(tom.db, tom.hub);
    expect((await tom.db.get('clients', 'northwind'))?.stakeholders[0]?.name).toBe('LLLLLLLLLL');
  });

  it('pulls even when the hub fails the push: a push failure is reported, the colleague’s events still arrive', async () => {
    const { jane, tom } = await setup();
    await tom.act('client.created', 'acme', { name: 'Acme' });
    await syncOnce(tom.db, tom.hub);
    await jane.act('client.created', 'globex', { name: 'Globex' });
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
      init?.method === 'POST' ? Promise.resolve(new Response(JSON.stringify({ error: 'The hub could not complete that request.' }), { status: 500 })) : realFetch(input, init),
    );
    const report = await syncOnce(jane.db, jane.hub);
    expect(report.problem).toBeDefined();
    expect(report.pulled.map((e) => e.entity.id)).toContain('acme');
    expect(await jane.db.count('outbox')).toBe(1);
    vi.restoreAllMocks();
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(1);
  });

  it('discards a refused change for good', async () => {
    const { jane } = await setup();
    const id = await jane.act('client.created', 'northwind', { name: 'Northwind' });
    await poison(jane.db, id, (p) => {
      p.name = 'North\u0000wind';
    });
    expect((await syncOnce(jane.db, jane.hub)).refused).toHaveLength(1);
    await discardRefused(jane.db, id);
    expect(await refusedChanges(jane.db)).toEqual([]);
    expect((await readLog(jane.db)).events.map((e) => e.id)).not.toContain(id);
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(0);
  });
});
