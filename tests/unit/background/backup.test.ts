import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLog } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';
import type { Backup } from '../../../lib/messaging/protocol';
import { handoffFromColleague, newTestBackground, type TestBackground } from '../helpers/background';

// The demo data is written elsewhere; here it is two events by me, so the import path is what is tested.
const demo = vi.hoisted(() => ({ events: [] as unknown[] }));
vi.mock('../../../lib/demo', () => ({ buildDemo: () => demo.events }));

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
  demo.events = [];
});

async function clientNames(target: TestBackground): Promise<string[]> {
  return (await target.ok<Client[]>({ type: 'clients/list' })).map((c) => c.name).sort();
}

describe('backup and restore', () => {
  it('exports the whole log in order, and restoring it into the same workspace changes nothing', async () => {
    await handoffFromColleague(bg);
    const backup = await bg.ok<Backup>({ type: 'data/export' });
    const { db } = await bg.workspace.session();
    expect(backup).toMatchObject({ format: 'baton-backup', version: 1, workspaceId: (await bg.workspace.session()).workspace.id });
    expect(backup.events.map((e) => e.id)).toEqual((await readLog(db)).events.map((e) => e.id));
    expect(backup.events.map((e) => e.type).slice(0, 1)).toEqual(['workspace.created']);
    const again = await bg.ok({ type: 'data/import', backup: JSON.parse(JSON.stringify(backup)) });
    expect(again).toEqual({ added: 0, skipped: backup.events.length });
  });

  it('restores a backup into a fresh Baton: clients, members and handoffs come back', async () => {
    const { handoff } = await handoffFromColleague(bg);
    const backup = await bg.ok<Backup>({ type: 'data/export' });
    const fresh = newTestBackground();
    expect(await fresh.ok({ type: 'data/import', backup })).toEqual({ added: backup.events.length, skipped: 0 });
    expect(await clientNames(fresh)).toEqual(['Northwind Outfitters']);
    // I am the workspace's creator again, and the handoff still awaits me.
    expect(await fresh.ok<Member>({ type: 'me/get' })).toEqual(await bg.ok<Member>({ type: 'me/get' }));
    expect((await fresh.ok<{ id: string }[]>({ type: 'handoffs/awaiting-me' })).map((h) => h.id)).toEqual([handoff.id]);
  });

  it('refuses a backup of another workspace over one with work in it', async () => {
    const backup = await bg.ok<Backup>({ type: 'data/export' });
    const busy = newTestBackground();
    await busy.ok({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    expect((await busy.refused({ type: 'data/import', backup })).message).toMatch(/another workspace.*Nothing was imported/);
    expect(await clientNames(busy)).toEqual(['Harbor & Pine']);
  });

  it('writes nothing when one event is refused, and names it', async () => {
    const me = await bg.ok<Member>({ type: 'me/get' });
    const backup = await bg.ok<Backup>({ type: 'data/export' });
    const good = makeEvent('client.created', me.id, 'c-good', { name: 'Good Co', identifiers: [] });
    const stranger = makeEvent('client.created', 'stranger', 'c-bad', { name: 'Bad Co', identifiers: [] });
    const reply = await bg.refused({ type: 'data/import', backup: { ...backup, events: [...backup.events, good, stranger] } });
    expect(reply.message).toBe(`Event ${backup.events.length + 2} (client.created, ${stranger.id}) was refused: Only members of this workspace can make changes. Nothing was imported.`);
    expect(await clientNames(bg)).toEqual([]);
  });

  it('refuses what is not a backup, and malformed events, before looking further', async () => {
    expect((await bg.refused({ type: 'data/import', backup: { format: 'csv' } })).message).toMatch(/^This is not a Baton backup \(format/);
    const backup = await bg.ok<Backup>({ type: 'data/export' });
    const broken = await bg.refused({ type: 'data/import', backup: { ...backup, events: [{ id: 'x', type: 'client.exploded' }] } });
    expect(broken.message).toMatch(/^Event 1 is not a Baton event/);
  });

  it('loads the demo through the same checks, and only into a local workspace', async () => {
    const me = await bg.ok<Member>({ type: 'me/get' });
    demo.events = [makeEvent('client.created', me.id, 'c-demo', { name: 'Demo Outdoor', identifiers: [{ kind: 'email-domain', value: 'demo-outdoor.test' }] })];
    expect(await bg.ok({ type: 'demo/load' })).toEqual({ added: 1, skipped: 0 });
    expect(await bg.ok({ type: 'demo/load' })).toEqual({ added: 0, skipped: 1 });
    expect(await clientNames(bg)).toEqual(['Demo Outdoor']);
    const session = await bg.workspace.session();
    session.hub = { url: 'https://hub.brightlane.agency', token: 'token-0123456789', memberId: me.id, workspaceId: session.workspace.id };
    expect(await bg.refused({ type: 'demo/load' })).toMatchObject({ code: 'unavailable', message: expect.stringContaining('disconnect from the hub') });
  });
});
