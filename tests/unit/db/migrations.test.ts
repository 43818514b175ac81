import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvent, readLog } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { awaitingConfirmation, clientsByIdentifier, clientView } from '../../../lib/db/queries';
import { DB_VERSION } from '../../../lib/db/schema';
import { baseLog, freshName, sentBrief } from './fixtures';

describe('schema migrations', () => {
  it('upgrades a version 1 database with data to the current version without losing any', async () => {
    const name = freshName();
    const v1 = await openBatonDb(name, 1);
    expect([...v1.objectStoreNames]).not.toContain('items');
    // Version 1 as it was written: clients without the identifier keys version 2 indexes.
    const log = [...baseLog(), ...sentBrief('h1', 10)];
    let seq = 0;
    for (const event of log) {
      await v1.add('events', { id: event.id, origin: 'local', event });
      await v1.put('outbox', { id: event.id, seq: ++seq, attempts: 0 });
    }
    await v1.put('meta', { id: 'ws', name: 'Brightlane', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: '2026-11-02T09:00:00.000Z' }, 'workspace');
    await v1.put('members', { id: 'jane', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' });
    await v1.put('members', { id: 'tom', name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' });
    const client = {
      id: 'northwind',
      name: 'Northwind Outfitters',
      nameKey: 'northwind outfitters',
      identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }],
      stakeholders: [],
      preferences: [],
      sensitivities: [],
      createdAt: '2026-11-02T09:02:00.000Z',
      updatedAt: '2026-11-02T09:02:00.000Z',
    };
    await v1.put('clients', client as never);
    const handoff = await (async () => {
      // The handoff view as version 1 stored it.
      const { MemoryModel } = await import('../../../lib/events');
      const model = new MemoryModel();
      for (const event of log) model.apply(event);
      return model.handoff('h1')!;
    })();
    await v1.put('handoffs', handoff);
    v1.close();

    const db = await openBatonDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('items');
    expect((await readLog(db)).events.map((e) => e.id)).toEqual(log.map((e) => e.id));
    expect(await db.count('outbox')).toBe(log.length);
    expect((await clientsByIdentifier(db, { kind: 'email-domain', value: 'northwindoutfitters.com' })).values.map((c) => c.id)).toEqual(['northwind']);
    expect((await awaitingConfirmation(db, 'tom')).values.map((h) => h.id)).toEqual(['h1']);
    expect((await clientView(db, 'northwind'))?.openHandoffs).toHaveLength(1);
    // And the upgraded database takes new events.
    expect(await appendEvent(db, { ...log[0]!, id: 'again' })).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringContaining('already exists') } });
  });

  it('opens a fresh database at the current version', async () => {
    const db = await openBatonDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['clients', 'events', 'failures', 'handoffs', 'items', 'members', 'meta', 'notes', 'outbox', 'templates', 'timeline']);
  });
});
