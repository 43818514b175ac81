import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ME_KEY } from '../../../lib/background/workspace';
import { appendEvent, readLog } from '../../../lib/db/event-store';
import { VIEW_STORES } from '../../../lib/db/schema';
import { makeEvent } from '../../../lib/events/make-event';
import type { BatonEvent } from '../../../lib/model/event';
import type { Member } from '../../../lib/model/member';
import type { Template } from '../../../lib/model/template';
import type { Backup } from '../../../lib/messaging/protocol';
import { newTestBackground, type TestBackground } from '../helpers/background';

// The real demo agency (not mocked, unlike backup.test.ts), plus what it lacks: a custom template in
// two versions and a handoff made with the first, client edits, links and archiving, a renamed member,
// workspace settings, open items, a note and a failure on the custom handoff.
const DANA = 'demo-member-dana';
const PRIYA = 'demo-member-priya';
const TOMAS = 'demo-member-tomas';
const JUNIPER = 'demo-client-juniper';
const VERITY = 'demo-client-verity';

function retainer(version: number, name: string): Template {
  return {
    id: 'retainer-kickoff', version, kind: 'custom', name, description: 'A monthly retainer starts.', fromRole: 'Sales', toRole: 'Account manager', transfersOwnership: false,
    confirmWithinHours: 36, builtIn: false,
    fields: [
      { id: 'scope', label: 'Scope', type: 'long_text', required: true, help: 'What the retainer covers, and what it does not.' },
      { id: 'contacts', label: 'Client contacts', type: 'people', required: true, help: 'Who to talk to.' },
      ...(version > 1 ? [{ id: 'kpis', label: 'KPI targets', type: 'kpi_targets' as const, required: false, help: 'The numbers agreed.' }] : []),
    ],
  };
}

let n = 0;
/** Appends as the background would a local change, and fails loudly when the reducer refuses it. */
async function add<T extends BatonEvent['type']>(bg: TestBackground, type: T, actor: string, entity: string, payload: Parameters<typeof makeEvent<T>>[3]): Promise<void> {
  const { db } = await bg.workspace.session();
  const result = await appendEvent(db, makeEvent(type, actor, entity, payload, { id: `extra-${++n}` }));
  if (!result.ok) throw new Error(`${type} ${entity}: ${result.problem.message}`);
}

async function richWorkspace(): Promise<TestBackground> {
  const bg = newTestBackground();
  const me = await bg.ok<Member>({ type: 'me/get' });
  expect(await bg.ok<{ added: number }>({ type: 'demo/load' })).toMatchObject({ added: expect.any(Number) });
  await add(bg, 'workspace.updated', me.id, (await bg.workspace.session()).workspace.id, { name: 'Fieldstone', hourlyRate: 92.5, currency: 'GBP', reminders: { remindEveryHours: 2, escalateAfterHours: 12 } });
  await add(bg, 'member.updated', DANA, PRIYA, { name: 'Priya Nair-Shah' });
  await add(bg, 'template.saved', me.id, 'retainer-kickoff', { template: retainer(1, 'Retainer kickoff') });
  await add(bg, 'handoff.created', me.id, 'h-retainer', { clientId: VERITY, templateId: 'retainer-kickoff', templateVersion: 1, receiverId: PRIYA, fields: { scope: 'Search and social, not SEO.' } });
  await add(bg, 'handoff.updated', me.id, 'h-retainer', { title: 'Verity retainer — kickoff', fields: { contacts: [{ name: 'Ines Verity', role: 'CEO', email: 'ines@verity.test' }] } });
  await add(bg, 'template.saved', me.id, 'retainer-kickoff', { template: retainer(2, 'Retainer kick-off') });
  await add(bg, 'handoff.sent', me.id, 'h-retainer', {});
  await add(bg, 'handoff.gaps_raised', PRIYA, 'h-retainer', { gaps: [{ id: 'gap-scope', fieldIds: ['scope'], question: 'Is paid social in scope?' }] });
  await add(bg, 'handoff.gaps_answered', me.id, 'h-retainer', { answers: [{ gapId: 'gap-scope', answer: 'Yes, Meta only.' }], fields: { scope: 'Search and Meta; not SEO.' } });
  await add(bg, 'handoff.reassigned', me.id, 'h-retainer', { receiverId: TOMAS, reason: 'Priya is on leave.' });
  await add(bg, 'handoff.confirmed', TOMAS, 'h-retainer', { comment: 'Got it.' });
  await add(bg, 'handoff.created', me.id, 'h-dropped', { clientId: VERITY, templateId: 'retainer-kickoff', templateVersion: 2, title: 'Started twice' });
  await add(bg, 'handoff.cancelled', me.id, 'h-dropped', { reason: 'Duplicate.' });
  await add(bg, 'failure.logged', TOMAS, 'failure-retainer', { failure: { id: 'failure-retainer', handoffId: 'h-retainer', category: 'wrong_expectations', hours: 2.25, description: 'Built an SEO plan nobody asked for.', loggedBy: TOMAS, at: new Date().toISOString() } });
  await add(bg, 'note.added', me.id, 'note-retainer', { note: { id: 'note-retainer', kind: 'decision', clientId: VERITY, handoffId: 'h-retainer', authorId: me.id, at: new Date().toISOString(), decision: 'No SEO', rationale: 'Out of budget.' } });
  await add(bg, 'item.added', me.id, 'item-1', { clientId: VERITY, text: 'Send the contract', ownerEmail: 'you@baton.local', due: '2026-12-01' });
  await add(bg, 'item.added', me.id, 'item-2', { clientId: VERITY, text: 'Book the kickoff call' });
  await add(bg, 'item.completed', me.id, 'item-1', {});
  await add(bg, 'client.updated', me.id, VERITY, { preferences: ['Weekly numbers on Mondays'], sensitivities: ['Never mention the 2024 recall'] });
  await add(bg, 'client.identifier_linked', me.id, JUNIPER, { identifier: { kind: 'asana-task', value: '1209999999999999' } });
  await add(bg, 'client.archived', me.id, 'demo-client-brightwater', { archived: true });
  return bg;
}

/** Everything a page reads: each view store in key order, the workspace and who I am. */
async function views(bg: TestBackground): Promise<Record<string, unknown>> {
  const { db } = await bg.workspace.session();
  const out: Record<string, unknown> = { workspace: await db.get('meta', 'workspace'), me: await db.get('meta', ME_KEY) };
  for (const store of VIEW_STORES) out[store] = await db.getAll(store);
  return out;
}

const withoutTime = ({ exportedAt: _at, ...rest }: Backup) => rest;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a backup restored into a fresh Baton', () => {
  it('gives back the same log, in the same order, and the same views', async () => {
    const original = await richWorkspace();
    const backup = await original.ok<Backup>({ type: 'data/export' });
    const types = new Set(backup.events.map((e) => e.type));
    // Rich enough to mean something: every kind of change is in it.
    expect([...types].sort()).toEqual(
      ['client.archived', 'client.created', 'client.identifier_linked', 'client.team_set', 'client.updated', 'failure.logged', 'handoff.cancelled', 'handoff.confirmed', 'handoff.created', 'handoff.gaps_answered', 'handoff.gaps_raised',
        'handoff.reassigned', 'handoff.sent', 'handoff.updated', 'item.added', 'item.completed', 'member.added', 'member.updated', 'note.added', 'rule.saved', 'template.saved', 'workspace.created', 'workspace.updated'],
    );

    // Through a file, as the options page does it: JSON out, JSON in.
    const file = JSON.stringify(backup, null, 2);
    const fresh = newTestBackground();
    expect(await fresh.ok({ type: 'data/import', backup: JSON.parse(file) })).toEqual({ added: backup.events.length, skipped: 0 });

    const again = await fresh.ok<Backup>({ type: 'data/export' });
    expect(withoutTime(again)).toStrictEqual(withoutTime(backup));
    expect(again.events.map((e) => e.id)).toEqual(backup.events.map((e) => e.id));

    const before = await views(original);
    const after = await views(fresh);
    for (const key of Object.keys(before)) expect(after[key], key).toStrictEqual(before[key]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect((before.handoffs as unknown[]).length).toBeGreaterThan(10);
    expect((before.templates as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('restores the same log whichever way it was read: the fresh log is the original one', async () => {
    const original = await richWorkspace();
    const backup = await original.ok<Backup>({ type: 'data/export' });
    const fresh = newTestBackground();
    await fresh.ok({ type: 'data/import', backup: JSON.parse(JSON.stringify(backup)) });
    const read = async (bg: TestBackground) => readLog((await bg.workspace.session()).db);
    expect(await read(fresh)).toStrictEqual(await read(original));
  });
});

describe('a corrupt backup', () => {
  /** The log and every view, to prove a refused restore wrote nothing. */
  const snapshot = async (bg: TestBackground) => ({ log: (await readLog((await bg.workspace.session()).db)).events, views: await views(bg) });
  type Json = Record<string, unknown>;
  const edit = (backup: Backup, index: (events: Json[]) => number, change: (event: Json) => void): Backup => {
    const events = structuredClone(backup.events) as unknown as Json[];
    change(events[index(events)]!);
    return { ...backup, events: events as unknown as Backup['events'] };
  };

  it('is refused with what is wrong, and nothing is written: truncated, another version, an event edited to be invalid', async () => {
    const original = await richWorkspace();
    const backup = await original.ok<Backup>({ type: 'data/export' });
    const file = JSON.stringify(backup, null, 2);
    // A truncated file is not JSON: the options page stops there ("… is not a Baton backup (it is not JSON)").
    expect(() => JSON.parse(file.slice(0, file.length >> 1))).toThrow(SyntaxError);
    const failureAt = (events: Json[]) => events.findIndex((e) => e.type === 'failure.logged');
    const cases: [unknown, RegExp][] = [
      // Whatever else reaches the background instead of a parsed file.
      [file.slice(0, file.length >> 1), /^This is not a Baton backup \(file: .*expected object, received string\)\. Nothing was imported\.$/],
      [null, /^This is not a Baton backup \(file: .*received null\)\. Nothing was imported\.$/],
      [{ ...backup, events: undefined }, /^This is not a Baton backup \(events: .*expected array.*\)\. Nothing was imported\.$/],
      [{ ...backup, format: 'baton-export' }, /^This is not a Baton backup \(format: .*\)\. Nothing was imported\.$/],
      // A file from a newer Baton, and one whose version was tampered with.
      [{ ...backup, version: 2 }, /^This backup is version 2, written by a newer Baton; this one reads version 1\. Update Baton, then restore it\. Nothing was imported\.$/],
      [{ ...backup, version: '1' }, /^This is not a Baton backup \(version: .*\)\. Nothing was imported\.$/],
      // Edited by hand: a negative repair time, a date that is not one, a type that does not exist.
      [edit(backup, failureAt, (e) => ((e.payload as { failure: Json }).failure.hours = -3)), /^Event \d+ is not a Baton event \(failure\.logged: failure\.hours: .*\)\. Nothing was imported\.$/],
      [edit(backup, () => 5, (e) => (e.at = 'yesterday')), /^Event 6 is not a Baton event \(at: .*\)\. Nothing was imported\.$/],
      [edit(backup, () => 7, (e) => (e.type = 'client.deleted')), /^Event 8 is not a Baton event \(type: .*\)\. Nothing was imported\.$/],
    ];
    const fresh = newTestBackground();
    const before = await snapshot(fresh);
    for (const [input, message] of cases) {
      expect((await fresh.refused({ type: 'data/import', backup: input })).message).toMatch(message);
      expect(await snapshot(fresh)).toStrictEqual(before);
    }
    // The same into the workspace the backup came from (the merge path): refused, nothing changes there either.
    const unchanged = await snapshot(original);
    for (const [input, message] of cases) expect((await original.refused({ type: 'data/import', backup: input })).message).toMatch(message);
    expect(await snapshot(original)).toStrictEqual(unchanged);
  });

  it('is refused when an edited event breaks the rules, deep in the log, and a fresh Baton keeps its empty workspace', async () => {
    const original = await richWorkspace();
    const backup = await original.ok<Backup>({ type: 'data/export' });
    const confirmedAt = (events: Json[]) => events.findIndex((e) => e.type === 'handoff.confirmed');
    // Well-formed, but confirmed by someone who is not the receiver.
    const forged = edit(backup, confirmedAt, (e) => (e.actor = 'demo-member-marcus'));
    const index = confirmedAt(forged.events as unknown as Json[]);
    const fresh = newTestBackground();
    const before = await snapshot(fresh);
    expect((await fresh.refused({ type: 'data/import', backup: forged })).message).toBe(
      `Event ${index + 1} (handoff.confirmed, ${forged.events[index]!.id}) was refused: Only the receiver can confirm receipt. Nothing was imported.`,
    );
    expect(await snapshot(fresh)).toStrictEqual(before);
    // The untouched file still restores.
    expect(await fresh.ok({ type: 'data/import', backup })).toEqual({ added: backup.events.length, skipped: 0 });
  });
});
