import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../lib/db/event-store';
import type { BatonDatabase } from '../../../lib/db/open';
import { awaitingConfirmation, getHandoff } from '../../../lib/db/queries';
import { janeAndTomClosedAfterEach } from './browser-harness';
import { backoffMs, syncOnce } from '../../../lib/sync/sync';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const janeAndTom = janeAndTomClosedAfterEach();
const setup = () => janeAndTom('pglite');

describe('sync with the hub', { timeout: 30_000 }, () => {
  it('carries a handoff between two browsers through the whole loop; both end identical', async () => {
    const { jane, tom } = await setup();
    await jane.act('client.created', 'northwind', { name: 'Northwind Outfitters' });
    await jane.act('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.hub.memberId, fields: COMPLETE_BRIEF });
    await jane.act('handoff.sent', 'h1', {});
    expect(await jane.db.count('outbox')).toBe(3);
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(3);
    expect(await jane.db.count('outbox')).toBe(0);

    const received = await syncOnce(tom.db, tom.hub);
    expect(received.pulled.map((e) => e.type)).toEqual(['client.created', 'handoff.created', 'handoff.sent']);
    expect((await awaitingConfirmation(tom.db, tom.hub.memberId)).values.map((h) => h.id)).toEqual(['h1']);

    await tom.act('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Thursday instead?' }] });
    await syncOnce(tom.db, tom.hub);
    await syncOnce(jane.db, jane.hub);
    await jane.act('handoff.gaps_answered', 'h1', { answers: [{ gapId: 'g1', answer: 'Thursday it is.' }] });
    await syncOnce(jane.db, jane.hub);
    await syncOnce(tom.db, tom.hub);
    await tom.act('handoff.confirmed', 'h1', {});
    await syncOnce(tom.db, tom.hub);
    await syncOnce(jane.db, jane.hub);

    const [a, b] = [await getHandoff(jane.db, 'h1'), await getHandoff(tom.db, 'h1')];
    expect(a).toMatchObject({ state: 'confirmed', gapRounds: 1 });
    expect(b).toEqual(a);
    expect((await readLog(jane.db)).events.map((e) => e.id)).toEqual((await readLog(tom.db)).events.map((e) => e.id));
  });

  it('removes a local event the hub refused, rebuilds the views and says why', async () => {
    const { jane, tom } = await setup();
    await jane.act('client.created', 'c', { name: 'Client' });
    await jane.act('handoff.created', 'h2', { clientId: 'c', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.hub.memberId, fields: COMPLETE_BRIEF });
    await jane.act('handoff.sent', 'h2', {});
    await syncOnce(jane.db, jane.hub);
    await syncOnce(tom.db, tom.hub);
    // Offline at the same moment: Tom confirms, Jane cancels. Jane reaches the hub first.
    await tom.act('handoff.confirmed', 'h2', {});
    await jane.act('handoff.cancelled', 'h2', { reason: 'The client paused the project.' });
    await syncOnce(jane.db, jane.hub);
    const report = await syncOnce(tom.db, tom.hub);
    expect(report.refused).toEqual([{ id: expect.any(String), type: 'handoff.confirmed', reason: 'A cancelled handoff cannot be confirmed.' }]);
    expect(await getHandoff(tom.db, 'h2')).toMatchObject({ state: 'cancelled' });
    expect(await tom.db.count('outbox')).toBe(0);
    expect((await readLog(tom.db)).events.map((e) => e.type)).not.toContain('handoff.confirmed');
  });

  it('converges on the hub’s order when two browsers change the same thing while apart', async () => {
    const { jane, tom } = await setup();
    await jane.act('client.created', 'c', { name: 'Client' });
    await syncOnce(jane.db, jane.hub);
    await syncOnce(tom.db, tom.hub);
    await jane.act('client.updated', 'c', { name: 'Name from Jane' });
    await tom.act('client.updated', 'c', { name: 'Name from Tom' });
    await syncOnce(jane.db, jane.hub); // the hub takes Jane's first…
    await syncOnce(tom.db, tom.hub); // …then Tom's: the last word is Tom's, everywhere
    await syncOnce(jane.db, jane.hub);
    const views = async (db: BatonDatabase) => ({ clients: await db.getAll('clients'), handoffs: await db.getAll('handoffs'), timeline: (await db.getAll('timeline')).map((t) => t.id).sort() });
    expect((await jane.db.get('clients', 'c'))?.name).toBe('Name from Tom');
    expect(await views(tom.db)).toEqual(await views(jane.db));
  });

  it('keeps the outbox when the hub cannot be reached, and delivers it later without duplicates', async () => {
    const { hub, jane } = await setup();
    await jane.act('client.created', 'k', { name: 'Kestrel Bikes' });
    const offline = await syncOnce(jane.db, { ...jane.hub, url: 'http://127.0.0.1:9' });
    expect(offline.problem).toMatchObject({ code: 'hub-unreachable', message: expect.stringMatching(/^Baton cannot reach the team hub at http:\/\/127\.0\.0\.1:9: check the address/) });
    expect(await jane.db.count('outbox')).toBe(1);
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(1);
    expect((await syncOnce(jane.db, jane.hub)).pushed).toBe(0);
    const { rows } = await hub.store.db.query<{ n: string }>("select count(*) as n from events where type = 'client.created'");
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoffMs(0, () => 1)).toBe(1000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
    expect(backoffMs(5, () => 0)).toBe(0);
  });
});
