import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/start';
import type { Hub } from '../../../server/server';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from '../helpers/extension';
import { hubPerTest } from '../helpers/hub-per-test';
import { join } from '../server/hub-harness';

// Settings → Workflow → Asana asks `asana/status`; the hub shows the Asana connection to admins only,
// so a member's browser does not ask it (it would be refused, and the page would show a red error).

let hub: Hub;
let n = 0;
hubPerTest((started) => (hub = started));

describe('asana/status on a hub', { timeout: 30_000 }, () => {
  it('a member gets the hub without the admin-only status, not an error; an admin gets the status', async () => {
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    expect((await jane.call('/v1/integrations/asana')).status).toBe(200);
    const tomCode = await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' });
    const adminCode = await hub.store.createInvite(workspaceId, { email: 'ada@brightlane.agency', name: 'Ada Admin', role: 'admin' });

    const connect = async (code: string) => {
      const { router } = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-asana-status-${n++}-${Date.now()}` });
      expect(await router.handle({ type: 'hub/connect', url: hub.url, code }, OPTIONS_PAGE)).toMatchObject({ ok: true });
      return router;
    };
    const tom = await connect(tomCode);
    expect(await tom.handle({ type: 'asana/status' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { hub: true } });
    const ada = await connect(adminCode);
    expect(await ada.handle({ type: 'asana/status' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { hub: true, status: { connected: false } } });
  });
});
