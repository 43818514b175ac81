import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendEvents, readLog } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import { commitDue, readPending } from '../../../lib/background/pending-actions';
import { dueIn, holdIn, nextDueAt, takeFrom, UNDO_WINDOW_MS, type PendingAction, type PendingSummary } from '../../../lib/background/pending-queue';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { handoffFromColleague, newTestBackground, type TestBackground } from '../helpers/background';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

// Issue 14: Send and Confirm receipt wait UNDO_WINDOW_MS before they are appended (and shared), in a
// queue kept in the workspace's database: Undo drops them unseen, "Send now" and the due time commit them,
// and a restarted worker finds and commits what fell due.

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  // Only the worker's timer is faked: IndexedDB keeps its own scheduling.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  bg = newTestBackground();
});
afterEach(() => {
  vi.useRealTimers();
});

async function draftFor(receiverName = 'Tom Reyes'): Promise<{ draft: Handoff; tom: Member }> {
  const tom = await bg.ok<Member>({ type: 'member/add', name: receiverName, email: 'tom@brightlane.agency' });
  const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
  const draft = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative' });
  return { draft, tom };
}

const types = async (b: TestBackground = bg) => (await readLog((await b.workspace.session()).db)).events.map((e) => e.type);
const outbox = async (b: TestBackground = bg) => (await b.workspace.session()).db.count('outbox');

describe('the queue', () => {
  const action = (id: string, dueAt: number, handoffId = 'h-1', kind: PendingAction['kind'] = 'send'): PendingAction => ({ id, kind, handoffId, events: [], keep: [], dueAt });

  it('is due in order, taken once, and a second click of the same move replaces the first', () => {
    let queue = holdIn([], action('a', 200));
    queue = holdIn(queue, action('b', 100, 'h-2'));
    queue = holdIn(queue, action('c', 300, 'h-1', 'confirm'));
    expect(nextDueAt(queue)).toBe(100);
    expect(dueIn(queue, 250).due.map((a) => a.id)).toEqual(['b', 'a']);
    expect(dueIn(queue, 250).waiting.map((a) => a.id)).toEqual(['c']);
    expect(holdIn(queue, action('a2', 400)).map((a) => a.id)).toEqual(['b', 'c', 'a2']);
    const { taken, rest } = takeFrom(queue, 'a');
    expect(taken?.id).toBe('a');
    expect(takeFrom(rest, 'a').taken).toBeUndefined();
    expect(nextDueAt([])).toBeUndefined();
  });
});

describe('Send with undo', () => {
  it('answers with the handoff as sent, but appends and shares nothing until it is due', async () => {
    const { draft, tom } = await draftFor();
    const shown = await bg.ok<Handoff>({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF }, hold: true });
    expect(shown.state).toBe('sent');
    expect(shown.receiverId).toBe(tom.id);
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: draft.id })).state).toBe('draft');
    expect(await types()).not.toContain('handoff.sent');
    const [pending] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(pending).toMatchObject({ kind: 'send', handoffId: draft.id, to: 'Tom Reyes' });
    expect(pending!.dueAt - Date.now()).toBe(UNDO_WINDOW_MS);

    // The worker's timer commits it when due: appended, in the outbox for the hub.
    const before = await outbox();
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS + 100);
    await vi.waitFor(async () => expect((await bg.ok<Handoff>({ type: 'handoff/get', id: draft.id })).state).toBe('sent'));
    expect((await types()).slice(-2)).toEqual(['handoff.updated', 'handoff.sent']);
    expect(await outbox()).toBe(before + 2);
    expect(await bg.ok<PendingSummary[]>({ type: 'pending/list' })).toEqual([]);
    expect((await bg.refused({ type: 'pending/undo', id: pending!.id })).message).toBe('Too late to undo: it has already gone out.');
  });

  it('Undo: nothing was sent, nothing reaches the outbox, and the draft keeps what was typed', async () => {
    const { draft, tom } = await draftFor();
    const before = await outbox();
    await bg.ok({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF, title: 'Autumn brief' }, hold: true });
    const [pending] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(await bg.ok({ type: 'pending/undo', id: pending!.id })).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);
    const after = await bg.ok<Handoff>({ type: 'handoff/get', id: draft.id });
    expect(after.state).toBe('draft');
    expect(after.title).toBe('Autumn brief');
    expect(after.receiverId).toBe(tom.id);
    expect(await types()).not.toContain('handoff.sent');
    // Only the sender's own draft edit: no send for the hub to pass on.
    expect(await outbox()).toBe(before + 1);
    expect(await bg.ok<PendingSummary[]>({ type: 'pending/list' })).toEqual([]);
  });

  it('a send the reducer refuses is refused at the click and never held', async () => {
    const { draft } = await draftFor();
    expect((await bg.refused({ type: 'handoff/send', id: draft.id, hold: true })).message).toBe('Choose who receives this handoff.');
    expect(await bg.ok<PendingSummary[]>({ type: 'pending/list' })).toEqual([]);
  });

  it('Send now commits at once', async () => {
    const { draft, tom } = await draftFor();
    await bg.ok({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF }, hold: true });
    const [pending] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(await bg.ok({ type: 'pending/commit', id: pending!.id })).toBe(true);
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: draft.id })).state).toBe('sent');
  });

  it('survives a worker restart: the new worker finds the send held, and commits it once due', async () => {
    const { draft, tom } = await draftFor();
    await bg.ok({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF }, hold: true });
    const restarted = newTestBackground(bg.dbName);
    const session = await restarted.workspace.session();
    expect((await restarted.ok<PendingSummary[]>({ type: 'pending/list' })).map((p) => p.handoffId)).toEqual([draft.id]);
    expect(await commitDue(session, Date.now())).toBe(0);
    expect(await commitDue(session, Date.now() + UNDO_WINDOW_MS)).toBe(1);
    expect((await restarted.ok<Handoff>({ type: 'handoff/get', id: draft.id })).state).toBe('sent');
    // Committing again (a worker stopped before it saved the queue) changes nothing.
    expect((await types(restarted)).filter((t) => t === 'handoff.sent')).toHaveLength(1);
  });
});

describe('Confirm receipt with undo', () => {
  it('holds the confirmation with its note; Undo leaves the handoff awaiting me, a commit confirms it with the note', async () => {
    const { handoff } = await handoffFromColleague(bg);
    const shown = await bg.ok<Handoff>({ type: 'handoff/confirm', id: handoff.id, comment: 'Got it, kick-off Monday.', hold: true });
    expect(shown.state).toBe('confirmed');
    const [held] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    // The note comes back to the note box on Undo.
    expect(held).toMatchObject({ kind: 'confirm', handoffId: handoff.id, comment: 'Got it, kick-off Monday.' });
    await bg.ok({ type: 'pending/undo', id: held!.id });
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: handoff.id })).state).toBe('sent');
    expect(await types()).not.toContain('handoff.confirmed');

    await bg.ok({ type: 'handoff/confirm', id: handoff.id, comment: 'Got it, kick-off Monday.', hold: true });
    await commitDue(await bg.workspace.session(), Date.now() + UNDO_WINDOW_MS);
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: handoff.id })).state).toBe('confirmed');
    const timeline = await (await bg.workspace.session()).db.getAll('timeline');
    expect(timeline.map((t) => t.summary)).toContainEqual(expect.stringMatching(/confirmed receipt of “.*”: Got it, kick-off Monday\.$/));
  });
});

// Review 2, items 1 and 15: the failure paths. A held move the reducer refuses when it comes due is
// never lost in silence: its author, who saw "Sent"/"Confirmed", is told why on the handoff.
describe('a held move refused when it comes due', () => {
  it('a held confirmation the sender cancels meanwhile: the receiver is told why, until they dismiss it', async () => {
    const { handoff, colleague } = await handoffFromColleague(bg);
    await bg.ok({ type: 'handoff/confirm', id: handoff.id, hold: true });
    const session = await bg.workspace.session();
    const cancelled = await appendEvents(session.db, [makeEvent('handoff.cancelled', colleague.id, handoff.id, { reason: 'Client paused' })]);
    expect(cancelled.ok).toBe(true);
    expect(await commitDue(session, Date.now() + UNDO_WINDOW_MS)).toBe(1);
    const [refused] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(refused).toMatchObject({ kind: 'confirm', handoffId: handoff.id, refused: expect.stringMatching(/cancelled/i) });
    // Never due again: a later round commits nothing and keeps telling.
    expect(await commitDue(session, Date.now() + UNDO_WINDOW_MS * 10)).toBe(0);
    expect(await bg.ok<PendingSummary[]>({ type: 'pending/list' })).toHaveLength(1);
    // Neither undone nor committed again: only dismissed.
    expect((await bg.refused({ type: 'pending/undo', id: refused!.id })).message).toBe('Too late to undo: it has already gone out.');
    expect(await bg.ok({ type: 'pending/commit', id: refused!.id })).toBe(false);
    expect(await bg.ok({ type: 'pending/dismiss', id: refused!.id })).toBe(true);
    expect(await bg.ok<PendingSummary[]>({ type: 'pending/list' })).toEqual([]);
  });

  it('a held confirmation of a version a required-field edit replaced meanwhile: refused, and the receiver told to read the changes', async () => {
    const { handoff, colleague } = await handoffFromColleague(bg);
    await bg.ok({ type: 'handoff/confirm', id: handoff.id, hold: true, seenEditAt: null });
    const session = await bg.workspace.session();
    const edit = makeEvent('handoff.edited', colleague.id, handoff.id, { fields: { objective: 'Launch the winter range instead.' }, reconfirm: true });
    expect((await appendEvents(session.db, [edit])).ok).toBe(true);
    await commitDue(session, Date.now() + UNDO_WINDOW_MS);
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: handoff.id })).state).toBe('sent');
    const [refused] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(refused?.refused).toBe('The sender changed a required field since you read this handoff: read the changes, then confirm again.');
  });

  it('a held send whose draft was cancelled meanwhile: the refusal says the last edits were not saved either', async () => {
    const { draft, tom } = await draftFor();
    await bg.ok({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF, title: 'Autumn brief' }, hold: true });
    const session = await bg.workspace.session();
    const me = await bg.ok<Member>({ type: 'me/get' });
    expect((await appendEvents(session.db, [makeEvent('handoff.cancelled', me.id, draft.id, {})])).ok).toBe(true);
    await expect(bg.refused({ type: 'pending/commit', id: (await readPending(session))[0]!.id })).resolves.toMatchObject({ message: expect.stringContaining('Your last edits could not be saved either') });
    const [refused] = await bg.ok<PendingSummary[]>({ type: 'pending/list' });
    expect(refused?.refused).toContain('Your last edits could not be saved either');
    // The typed edits are still in the queue's entry, not thrown away.
    expect((await readPending(session))[0]!.keep.map((e) => e.type)).toEqual(['handoff.updated']);
  });

  it('a worker stopped between appending and saving the queue commits the same events again as no-ops, not as a refusal', async () => {
    const { draft, tom } = await draftFor();
    await bg.ok({ type: 'handoff/send', id: draft.id, draft: { receiverId: tom.id, fields: COMPLETE_BRIEF }, hold: true });
    const session = await bg.workspace.session();
    const [held] = await readPending(session);
    // The append happened; the queue was never saved.
    expect((await appendEvents(session.db, held!.events)).ok).toBe(true);
    const restarted = newTestBackground(bg.dbName);
    expect(await commitDue(await restarted.workspace.session(), Date.now() + UNDO_WINDOW_MS)).toBe(1);
    expect(await restarted.ok<PendingSummary[]>({ type: 'pending/list' })).toEqual([]);
    expect((await types(restarted)).filter((t) => t === 'handoff.sent')).toHaveLength(1);
  });
});
