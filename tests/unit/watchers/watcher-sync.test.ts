// A watcher's extension hears of the moments it pulls from the hub: Jane sends a brief to Ana with Tom
// watching; Tom is told of the send and of Ana's confirmation, not of the gaps he unticked.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { handoffOfNotification } from '../../../lib/background/notification-ids';
import { createBackground } from '../../../lib/background/start';
import type { Handoff } from '../../../lib/model/handoff';
import type { HubStatus } from '../../../lib/messaging/protocol';
import type { Hub } from '../../../server/server';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';
import { hubPerTest } from '../helpers/hub-per-test';
import { join } from '../server/hub-harness';

let hub: Hub;
hubPerTest((started) => (hub = started));

describe('a watcher’s notifications from the hub', { timeout: 60_000 }, () => {
  it('the send and the confirmation of a handoff Tom watches, each once, and not the gaps he unticked', async () => {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const ana = await join(hub, await hub.store.createInvite(workspaceId, { email: 'ana@brightlane.agency', name: 'Ana Lopes', role: 'member' }));
    const tomCode = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
    const tom = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-watcher-sync-${Date.now()}` });
    const ask = async <T>(message: Record<string, unknown>): Promise<T> => {
      const reply = await tom.router.handle(message, OPTIONS_PAGE);
      if (!reply.ok) throw new Error(reply.problem.message);
      return reply.data as T;
    };
    const tomId = (await ask<HubStatus>({ type: 'hub/connect', url: hub.url, code: tomCode })).me.id;
    await ask({ type: 'notify/save', prefs: { sent: true, gaps: false, confirmed: true, overdue: true } });
    const stateAtTom = async (state: string) => {
      tom.sync.request(0);
      await expect.poll(async () => (await ask<Handoff | null>({ type: 'handoff/get', id: 'h1' }))?.state, { timeout: 15_000 }).toBe(state);
    };
    const shown = async () => Object.entries((await browser.notifications.getAll()) as unknown as Record<string, { message: string }>).map(([id, n]) => ({ handoff: handoffOfNotification(id), message: n.message }));

    await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: ana.id, fields: COMPLETE_BRIEF, watcherIds: [tomId] }),
      jane.event('handoff.sent', 'h1', {}),
    );
    await stateAtTom('sent');
    await expect.poll(shown, { timeout: 5000 }).toEqual([{ handoff: 'h1', message: 'Brief → creative for Northwind was sent to Ana Lopes' }]);
    expect((await ask<Handoff[]>({ type: 'handoffs/watching' })).map((h) => h.id)).toEqual(['h1']);

    await ana.push(ana.event('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['audience'], question: 'Which markets besides the UK?' }] }));
    await stateAtTom('gaps_raised');
    await jane.push(jane.event('handoff.gaps_answered', 'h1', { answers: [{ gapId: 'g1', answer: 'Only the UK.' }] }));
    await ana.push(ana.event('handoff.confirmed', 'h1', {}));
    await stateAtTom('confirmed');
    await expect.poll(shown, { timeout: 5000 }).toHaveLength(2);
    expect(await shown()).toEqual([
      { handoff: 'h1', message: 'Brief → creative for Northwind was sent to Ana Lopes' },
      { handoff: 'h1', message: 'Brief → creative for Northwind was confirmed by Ana Lopes' },
    ]);
    await ask({ type: 'hub/disconnect' });
  });
});
