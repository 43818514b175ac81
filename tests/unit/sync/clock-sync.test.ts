import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CLOCK_SKEW_MS } from '../../../lib/events/clock';
import { refusedChanges, retryRefused } from '../../../lib/sync/refused';
import { syncOnce } from '../../../lib/sync/sync';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { databases } from '../server/hub-harness';
import { janeAndTomClosedAfterEach } from './browser-harness';

const MINUTE = 60_000;
const janeAndTom = janeAndTomClosedAfterEach();
afterEach(async () => {
  vi.useRealTimers();
});

/** Does `work` on a computer whose clock is `offset` ms off (Date only: sockets and timers run as usual). */
async function withClockOff<T>(offset: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + offset });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

describe.each(databases())('browsers whose clocks disagree, against a hub on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  const setup = () => janeAndTom(kind, url);

  it('a receiver whose clock is 10 minutes behind the sender’s confirms, and the hub takes it', async () => {
    const { jane, tom } = await setup();
    await jane.act('client.created', 'northwind', { name: 'Northwind Outfitters' });
    await jane.act('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.hub.memberId, fields: COMPLETE_BRIEF });
    await jane.act('handoff.sent', 'h1', {});
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(3);
    await syncOnce(tom.db, tom.hub);
    const sentAt = (await tom.db.get('handoffs', 'h1'))!.sentAt!;

    await withClockOff(-2 * MAX_CLOCK_SKEW_MS, () => tom.act('handoff.confirmed', 'h1', {}));
    const report = await syncOnce(tom.db, tom.hub);
    expect(report.refused).toEqual([]);
    expect(report.pushed).toBe(1);
    await syncOnce(jane.db, jane.hub);
    expect(await jane.db.get('handoffs', 'h1')).toMatchObject({ state: 'confirmed', confirmedAt: sentAt });
  });

  it('a change made on a clock an hour fast is set aside with what to fix; after the clock is set right, Retry shares it dated now', async () => {
    const { jane, tom } = await setup();
    const fast = await withClockOff(60 * MINUTE, () => jane.act('client.created', 'northwind', { name: 'Northwind Outfitters' }));
    const report = await syncOnce(jane.db, jane.hub);
    expect(report.refused).toEqual([{ id: fast, type: 'client.created', reason: expect.stringMatching(/ahead of the hub’s clock .*: check this computer’s date and time, then send it again\.$/) }]);
    expect(await refusedChanges(jane.db)).toHaveLength(1);

    expect(await retryRefused(jane.db, fast)).toMatchObject({ ok: true });
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(1);
    await syncOnce(tom.db, tom.hub);
    const shared = await tom.db.get('clients', 'northwind');
    expect(shared?.name).toBe('Northwind Outfitters');
    expect(Math.abs(Date.parse(shared!.createdAt) - Date.now())).toBeLessThan(MINUTE);
  });
});
