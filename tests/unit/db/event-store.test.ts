import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { subscribeToChanges, type ChangeNotice } from '../../../lib/db/change-feed';
import { appendEvent, appendEvents, readLog, rebuildViews } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { awaitingConfirmation, clientsByIdentifier, clientView, listClients, sentByMeOpen } from '../../../lib/db/queries';
import { makeEvent } from '../../../lib/events';
import { at, baseLog, freshName, sentBrief } from './fixtures';

async function dbWith(events = baseLog()) {
  const db = await openBatonDb(freshName());
  for (const event of events) {
    const result = await appendEvent(db, event);
    if (!result.ok) throw new Error(result.problem.message);
  }
  return db;
}

describe('appendEvents', () => {
  it('writes a batch whole, each event checked against the ones before it, with one change notice', async () => {
    const db = await openBatonDb(freshName());
    const notices: ChangeNotice[] = [];
    const listening = new AbortController();
    subscribeToChanges((n) => notices.push(n), listening.signal);
    const result = await appendEvents(db, [...baseLog(), ...sentBrief('h1', 10)]);
    expect(result).toEqual({ ok: true, added: 5 });
    expect(await db.get('handoffs', 'h1')).toMatchObject({ state: 'sent' });
    expect(await db.count('outbox')).toBe(5);
    await expect.poll(() => notices.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notices).toHaveLength(1);
    listening.abort();
  });

  it('writes nothing when one event of the batch is refused, and says which', async () => {
    const db = await dbWith();
    const [created, sent] = sentBrief('h1', 10);
    // A confirmation by someone who is not the receiver breaks a rule.
    const wrongConfirm = makeEvent('handoff.confirmed', 'jane', 'h1', {}, { id: 'bad', at: at(12) });
    expect(await appendEvents(db, [created!, sent!, wrongConfirm])).toMatchObject({ ok: false, index: 2 });
    expect(await db.count('events')).toBe(3);
    expect(await db.get('handoffs', 'h1')).toBeUndefined();
  });
});

describe('appendEvent', () => {
  it('writes the event, its views and its outbox entry together', async () => {
    const db = await dbWith([...baseLog(), ...sentBrief('h1', 10)]);
    expect(await db.count('events')).toBe(5);
    expect((await db.getAllFromIndex('outbox', 'bySeq')).map((o) => o.id)).toEqual(['e-ws', 'e-tom', 'e-nw', 'h1-created', 'h1-sent']);
    expect(await db.get('handoffs', 'h1')).toMatchObject({ state: 'sent', receiverId: 'tom', senderId: 'jane' });
    const awaiting = await awaitingConfirmation(db, 'tom');
    expect(awaiting.values.map((h) => h.id)).toEqual(['h1']);
    expect((await sentByMeOpen(db, 'jane')).values.map((h) => h.id)).toEqual(['h1']);
    expect((await awaitingConfirmation(db, 'jane')).values).toEqual([]);
  });

  it('ignores an event it already has, and writes nothing twice', async () => {
    const db = await dbWith();
    const [first] = sentBrief('h1', 10);
    expect(await appendEvent(db, first)).toMatchObject({ ok: true, duplicate: false });
    expect(await appendEvent(db, first)).toMatchObject({ ok: true, duplicate: true });
    expect(await db.count('events')).toBe(4);
    expect(await db.count('timeline')).toBe(2);
  });

  it('refuses an event that breaks a rule, with the reason, and writes nothing', async () => {
    const db = await dbWith();
    const created = makeEvent('handoff.created', 'jane', 'h2', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: 'tom' }, { at: at(5) });
    await appendEvent(db, created);
    const before = await db.count('events');
    const send = makeEvent('handoff.sent', 'jane', 'h2', {}, { at: at(6) });
    const result = await appendEvent(db, send);
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringMatching(/tone.of.voice/i) } });
    expect(await db.count('events')).toBe(before);
    expect(await db.get('outbox', send.id)).toBeUndefined();
    expect(await db.get('handoffs', 'h2')).toMatchObject({ state: 'draft' });
  });

  it('refuses a malformed event with a clear error', async () => {
    const db = await dbWith();
    expect(await appendEvent(db, { id: 'x', type: 'handoff.sent' })).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringMatching(/^Invalid event: /) } });
    expect(await appendEvent(db, '<script>alert(1)</script>')).toMatchObject({ ok: false });
  });

  it('keeps remote events out of the outbox', async () => {
    const db = await dbWith();
    const [created] = sentBrief('h1', 10);
    await appendEvent(db, created, 'remote');
    expect(await db.get('outbox', created!.id)).toBeUndefined();
    expect(await db.get('handoffs', 'h1')).toBeDefined();
  });

  it('takes two writers at once without losing either', async () => {
    const db = await dbWith();
    const [a, b] = [sentBrief('h1', 10), sentBrief('h2', 10)];
    await Promise.all([appendEvent(db, a[0]), appendEvent(db, b[0])]);
    await Promise.all([appendEvent(db, a[1]), appendEvent(db, b[1])]);
    expect((await awaitingConfirmation(db, 'tom')).values.map((h) => h.id).sort()).toEqual(['h1', 'h2']);
  });

  it('announces each change on the change feed', async () => {
    const db = await dbWith();
    const notices: ChangeNotice[] = [];
    const controller = new AbortController();
    subscribeToChanges((n) => notices.push(n), controller.signal);
    const [created] = sentBrief('h1', 10);
    await appendEvent(db, created);
    await expect.poll(() => notices.length).toBe(1);
    expect(notices[0]).toMatchObject({ eventId: 'h1-created', type: 'handoff.created', stores: expect.arrayContaining(['handoffs', 'timeline']) });
    controller.abort();
  });
});

describe('views', () => {
  it('serve a client view: open handoffs, open items and the newest 100 history entries', async () => {
    const events = [...baseLog()];
    for (let i = 0; i < 60; i++) events.push(...sentBrief(`h${i}`, 10 + i * 2));
    events.push(makeEvent('handoff.confirmed', 'tom', 'h0', {}, { at: at(500) }));
    const db = await dbWith(events);
    const view = await clientView(db, 'northwind');
    expect(view?.client.name).toBe('Northwind Outfitters');
    expect(view?.openHandoffs).toHaveLength(59);
    expect(view?.timeline).toHaveLength(100);
    expect(view?.timeline[0]?.type).toBe('handoff.confirmed');
    const times = view!.timeline.map((t) => t.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('list history entries of the same instant newest logged first, the same way every time', async () => {
    const note = (id: string, text: string) =>
      makeEvent('note.added', 'jane', id, { note: { kind: 'note', id, clientId: 'northwind', authorId: 'jane', at: at(40), text } }, { id, at: at(40) });
    // Logged z1, a2, m3: by their ids alone (the index's tie-break) they would read z1, m3, a2.
    const db = await dbWith([...baseLog(), note('z1', 'First'), note('a2', 'Second'), note('m3', 'Third')]);
    for (let i = 0; i < 3; i++) expect((await clientView(db, 'northwind'))?.timeline.slice(0, 3).map((t) => t.id)).toEqual(['m3', 'a2', 'z1']);
  });

  it('serve the failures the history names, every handoff of the client (closed ones too) and what an hour costs', async () => {
    const failure = (id: string, minute: number, extra: Record<string, unknown>) =>
      makeEvent('failure.logged', 'tom', id, { failure: { id, category: 'missing_context', hours: 3, description: `Failure ${id}`, loggedBy: 'tom', at: at(minute), ...extra } }, { at: at(minute) });
    const events = [...baseLog(), ...sentBrief('h1', 10), makeEvent('handoff.confirmed', 'tom', 'h1', {}, { at: at(20) }), failure('f1', 30, { handoffId: 'h1' }), failure('f2', 31, { clientId: 'northwind' })];
    events.push(makeEvent('workspace.updated', 'jane', 'ws', { hourlyRate: 90, currency: 'EUR' }, { at: at(32) }));
    const db = await dbWith(events);
    const view = await clientView(db, 'northwind');
    expect(view?.failures.map((f) => [f.id, f.clientId, f.handoffId])).toEqual([
      ['f2', 'northwind', undefined],
      ['f1', 'northwind', 'h1'],
    ]);
    expect(view?.timeline.filter((t) => t.failureId).map((t) => t.failureId)).toEqual(['f2', 'f1']);
    expect(view?.openHandoffs).toEqual([]);
    expect(view?.handoffs).toEqual([{ id: 'h1', title: 'Brief → creative — Northwind Outfitters', templateId: 'brief-to-creative', templateVersion: 1, state: 'confirmed', sentAt: at(11), updatedAt: at(20) }]);
    expect(view?.cost).toEqual({ hourlyRate: 90, currency: 'EUR' });

    // A damaged failure record is skipped and said; the rest of the view stands.
    await db.put('failures', { id: 'f1', clientId: 'northwind', category: 'bad luck', hours: -3 } as never);
    const damaged = await clientView(db, 'northwind');
    expect(damaged?.failures.map((f) => f.id)).toEqual(['f2']);
    expect(damaged?.errors.join(' ')).toMatch(/^Failure f1 is unreadable \(.*\) and was skipped\.$/);
    expect(damaged?.timeline.some((t) => t.failureId === 'f1')).toBe(true);
  });

  it('find clients by identifier', async () => {
    const db = await dbWith();
    const found = await clientsByIdentifier(db, { kind: 'email-domain', value: 'northwindoutfitters.com' });
    expect(found.values.map((c) => c.name)).toEqual(['Northwind Outfitters']);
    await appendEvent(db, makeEvent('client.identifier_linked', 'jane', 'northwind', { identifier: { kind: 'google-ads-ocid', value: '7879395008' } }, { at: at(9) }));
    expect((await clientsByIdentifier(db, { kind: 'google-ads-ocid', value: '7879395008' })).values).toHaveLength(1);
  });

  it('are rebuilt from the log exactly as they were built one event at a time', async () => {
    const events = [...baseLog(), ...sentBrief('h1', 10), ...sentBrief('h2', 20), makeEvent('handoff.confirmed', 'tom', 'h1', {}, { at: at(30) })];
    const db = await dbWith(events);
    const snapshot = async () => ({
      handoffs: await db.getAll('handoffs'),
      clients: await db.getAll('clients'),
      timeline: await db.getAll('timeline'),
      members: await db.getAll('members'),
      workspace: await db.get('meta', 'workspace'),
    });
    const before = await snapshot();
    const result = await rebuildViews(db);
    expect(result).toMatchObject({ events: 8, rejected: [], errors: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('corrupt or hostile records', () => {
  it('are skipped on read with a clear error, and the rest of the view still works', async () => {
    const db = await dbWith([...baseLog(), ...sentBrief('h1', 10)]);
    await db.put('handoffs', { id: 'evil', clientId: 'northwind', state: 'sent', title: '<script>alert(1)</script>', fields: 'x'.repeat(10) } as never);
    await db.put('handoffs', { ...(await db.get('handoffs', 'h1'))!, id: 'huge', fields: { objective: 'x'.repeat(1_000_000) } });
    await db.put('timeline', { id: 'bad', clientId: 'northwind', at: 'not a date', type: 'x', actorId: 'jane', summary: 'y'.repeat(100_000) } as never);
    const view = await clientView(db, 'northwind');
    expect(view?.openHandoffs.map((h) => h.id)).toEqual(['h1']);
    expect(view?.errors).toHaveLength(3);
    expect(view?.errors.join(' ')).toMatch(/Handoff evil is unreadable .* and was skipped\./);
    expect(view?.errors.join(' ')).toMatch(/Handoff huge is unreadable \(fields: the fields are too large/);
    expect(view?.timeline.length).toBeGreaterThan(0);
  });

  it('in the log are reported by a rebuild, which carries on with the rest', async () => {
    const db = await dbWith([...baseLog(), ...sentBrief('h1', 10)]);
    await db.add('events', { id: 'junk', origin: 'remote', event: { id: 'junk', type: 'handoff.sent', payload: '<img onerror=1>' } } as never);
    const { errors } = await readLog(db);
    expect(errors).toHaveLength(1);
    const result = await rebuildViews(db);
    expect(result.errors).toHaveLength(1);
    expect(await db.get('handoffs', 'h1')).toMatchObject({ state: 'sent' });
    expect((await listClients(db)).values).toHaveLength(1);
  });
});
