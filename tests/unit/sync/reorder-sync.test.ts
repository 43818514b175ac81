import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../lib/db/event-store';
import type { BatonDatabase } from '../../../lib/db/open';
import { refusedChanges } from '../../../lib/sync/refused';
import { syncOnce } from '../../../lib/sync/sync';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { databases } from '../server/hub-harness';
import { janeAndTomClosedAfterEach } from './browser-harness';

const janeAndTom = janeAndTomClosedAfterEach();

/**
 * A record no event makes: a full rebuild clears it with every view, a re-order from the first moved
 * event leaves it. Its presence says the browser caught up without rebuilding every view.
 */
async function plantSentinel(db: BatonDatabase): Promise<void> {
  await db.put('timeline', { id: 'sentinel', clientId: 'elsewhere', at: '2026-01-01T00:00:00.000Z', type: 'note.added', actorId: 'nobody', summary: 'untouched' });
}

describe.each(databases())('a browser that fell behind the hub on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  async function setup() {
    const { jane, tom } = await janeAndTom(kind, url);
    await jane.act('client.created', 'northwind', { name: 'Northwind Outfitters' });
    await syncOnce(jane.db, jane.hub);
    await syncOnce(tom.db, tom.hub);
    return { jane, tom };
  }

  it('takes a colleague’s change the hub placed before mine by re-ordering from it, not by rebuilding every view', async () => {
    const { jane, tom } = await setup();
    await tom.act('client.updated', 'northwind', { name: 'Northwind Group' });
    await syncOnce(tom.db, tom.hub);
    // Jane, not yet aware of the rename, starts a handoff: its title carries the client's old name here.
    await jane.act('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.hub.memberId, fields: COMPLETE_BRIEF });
    expect((await jane.db.get('handoffs', 'h1'))?.title).toContain('Northwind Outfitters');
    await plantSentinel(jane.db);

    const round = await syncOnce(jane.db, jane.hub);
    expect(round).toMatchObject({ pushed: 1, refused: [] });
    await syncOnce(tom.db, tom.hub);
    // The hub's order: the rename, then the handoff — both browsers show the title the hub's order gives.
    expect((await jane.db.get('handoffs', 'h1'))?.title).toContain('Northwind Group');
    expect(await jane.db.get('handoffs', 'h1')).toEqual(await tom.db.get('handoffs', 'h1'));
    expect(await jane.db.get('clients', 'northwind')).toEqual(await tom.db.get('clients', 'northwind'));
    expect((await readLog(jane.db)).events.map((e) => e.id)).toEqual((await readLog(tom.db)).events.map((e) => e.id));
    expect(await jane.db.get('timeline', 'sentinel')).toBeDefined();
  });

  it('forgets my change the hub refused by undoing it alone, not by rebuilding every view', async () => {
    const { jane, tom } = await setup();
    await jane.act('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.hub.memberId, fields: COMPLETE_BRIEF });
    await jane.act('handoff.sent', 'h1', {});
    await syncOnce(jane.db, jane.hub);
    await syncOnce(tom.db, tom.hub);
    // Apart: Tom confirms and shares first; Jane cancels, then notes something that stands on its own.
    await tom.act('handoff.confirmed', 'h1', {});
    await syncOnce(tom.db, tom.hub);
    const cancel = await jane.act('handoff.cancelled', 'h1', { reason: 'Client paused.' });
    await jane.act('item.added', 'i1', { clientId: 'northwind', text: 'Book the kick-off' });
    expect((await jane.db.get('handoffs', 'h1'))?.state).toBe('cancelled');
    await plantSentinel(jane.db);

    const round = await syncOnce(jane.db, jane.hub);
    expect(round.refused).toEqual([expect.objectContaining({ id: cancel, type: 'handoff.cancelled' })]);
    expect(await refusedChanges(jane.db)).toEqual([expect.objectContaining({ id: cancel })]);
    expect(await jane.db.get('handoffs', 'h1')).toEqual(await tom.db.get('handoffs', 'h1'));
    expect((await jane.db.get('handoffs', 'h1'))?.state).toBe('confirmed');
    expect(await jane.db.get('items', 'i1')).toMatchObject({ text: 'Book the kick-off' });
    expect(await jane.db.get('timeline', cancel)).toBeUndefined();
    expect(await jane.db.get('timeline', 'sentinel')).toBeDefined();
  });
});
