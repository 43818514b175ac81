// "Log failure" (issue 6): the failure/log command, from the message as it arrives to the client's view.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClientView } from '../../../lib/db/queries';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Backup } from '../../../lib/messaging/protocol';
import { parseRequest } from '../../../lib/background/commands/parse';
import { demoteMe, handoffFromColleague, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;

beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

const view = (clientId: string) => bg.ok<ClientView>({ type: 'client/view', clientId });
const eventCount = async () => (await bg.ok<Backup>({ type: 'data/export' })).events.length;

describe('failure/log', () => {
  it('logs a failure on a client: in its history with the failure’s record, hours and category', async () => {
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const { id } = await bg.ok<{ id: string }>({ type: 'failure/log', clientId: client.id, category: 'client_complaint', hours: 1.5, description: '  Founder unhappy with the report format.  ' });
    const me = await bg.ok<{ id: string }>({ type: 'me/get' });

    const v = await view(client.id);
    expect(v.timeline[0]).toMatchObject({ type: 'failure.logged', failureId: id, summary: 'Failure (client complaint, 1.5 h): Founder unhappy with the report format.' });
    expect(v.timeline[0]!.handoffId).toBeUndefined();
    // The record travels with the view, for the history to show its details; the text is trimmed.
    expect(v.failures).toEqual([
      { id, clientId: client.id, category: 'client_complaint', hours: 1.5, description: 'Founder unhappy with the report format.', loggedBy: me.id, at: expect.any(String) },
    ]);
    // The workspace's rate, for the cost of the hours (DOMAIN.md: $75 by default).
    expect(v.cost).toEqual({ hourlyRate: 75, currency: 'USD' });
  });

  it('links a failure to a handoff that went out, taking the client from it; any member may log one', async () => {
    // Neither its sender nor its receiver, and no admin.
    const sam = await bg.ok<Member>({ type: 'member/add', name: 'Sam Ortiz', email: 'sam@brightlane.agency' });
    const { handoff, client } = await handoffFromColleague(bg, { receiver: sam });
    await demoteMe(bg);
    const { id } = await bg.ok<{ id: string }>({ type: 'failure/log', handoffId: handoff.id, category: 'missing_context', hours: 3, description: 'Landing pages written in the default tone.' });

    const v = await view(client.id);
    expect(v.failures).toMatchObject([{ id, clientId: client.id, handoffId: handoff.id, category: 'missing_context', hours: 3 }]);
    expect(v.timeline[0]).toMatchObject({ type: 'failure.logged', failureId: id, handoffId: handoff.id });
    // Every handoff of the client, closed ones too, named for the link.
    expect(v.handoffs).toEqual([{ id: handoff.id, title: 'Northwind Outfitters autumn brief', templateId: 'brief-to-creative', templateVersion: 1, state: 'sent', sentAt: handoff.sentAt, updatedAt: handoff.updatedAt }]);

    // With the client named too, it must be the handoff's own.
    await bg.ok({ type: 'failure/log', clientId: client.id, handoffId: handoff.id, category: 'other', hours: 0, description: 'Zero hours is a failure too.' });
    expect((await view(client.id)).failures).toHaveLength(2);
  });

  it('refuses bad input with a message that says what is wrong, and writes nothing', async () => {
    const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const before = await eventCount();
    const good = { type: 'failure/log', clientId: client.id, category: 'missed_deadline', hours: 2, description: 'Report sent a week late.' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, hours: -1 }, /^hours: Hours to repair cannot be negative\.$/],
      [{ ...good, hours: 10_001 }, /^hours: Hours to repair must be at most 10,000\.$/],
      [{ ...good, hours: '2' }, /^hours: Hours to repair must be a number\.$/],
      [{ ...good, hours: Number.NaN }, /^hours: Hours to repair must be a number\.$/],
      [{ ...good, hours: undefined }, /^hours: Hours to repair must be a number\.$/],
      [{ ...good, description: '   ' }, /^description: Say what happened\.$/],
      [{ ...good, description: undefined }, /^description: /],
      [{ ...good, description: 'x'.repeat(4001) }, /^description: /],
      [{ ...good, category: 'bad_luck' }, /^category: Choose a category: missing_context, wrong_expectations, missed_deadline, duplicated_work, client_complaint, other\.$/],
      [{ ...good, clientId: undefined }, /^clientId: Name the client or the handoff the failure belongs to\.$/],
      [{ ...good, clientId: 'not an id!' }, /^clientId: /],
    ];
    for (const [message, expected] of cases) {
      const error = await bg.refused(message);
      expect(error, JSON.stringify(message)).toMatchObject({ code: 'bad-request', message: expect.stringMatching(expected) });
    }
    expect(await eventCount()).toBe(before);
    expect((await view(client.id)).failures).toEqual([]);
  });

  it('refuses a failure on a handoff that never went out, one that does not exist, or another client’s, and writes nothing', async () => {
    const { handoff, client } = await handoffFromColleague(bg);
    const other = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Juniper Coffee', identifiers: '' } });
    // A second brief for the client, started knowingly past the duplicate guard (the colleague's is open).
    const draft = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative', startAnyway: true });
    const before = await eventCount();
    const failure = { type: 'failure/log', category: 'other', hours: 1, description: 'Something broke.' };

    expect(await bg.refused({ ...failure, handoffId: draft.id })).toEqual({ code: 'invalid', message: 'That handoff was never sent: log the failure on its client instead.' });
    // Cancelled before it was ever sent: still nothing that could have caused a failure.
    await bg.ok({ type: 'handoff/cancel', id: draft.id });
    expect(await bg.refused({ ...failure, handoffId: draft.id })).toMatchObject({ message: 'That handoff was never sent: log the failure on its client instead.' });
    expect(await bg.refused({ ...failure, handoffId: 'h-gone' })).toEqual({ code: 'not-found', message: 'That handoff no longer exists.' });
    expect(await bg.refused({ ...failure, clientId: other.id, handoffId: handoff.id })).toEqual({ code: 'invalid', message: 'The handoff belongs to another client.' });
    expect(await bg.refused({ ...failure, clientId: 'c-gone' })).toEqual({ code: 'invalid', message: 'Unknown client.' });

    expect(await eventCount()).toBe(before + 1); // the cancellation only
    expect((await view(client.id)).failures).toEqual([]);
    expect((await view(other.id)).failures).toEqual([]);
  });
});

describe('the failure/log message', () => {
  it('is parsed where it arrives: a failure names a client or a handoff, and only known categories', () => {
    expect(parseRequest({ type: 'failure/log', handoffId: 'h1', category: 'duplicated_work', hours: 0.25, description: 'Two people rebuilt the same audience.' })).toMatchObject({ ok: true });
    expect(parseRequest({ type: 'failure/log', category: 'duplicated_work', hours: 0.25, description: 'x' })).toEqual({ ok: false, problem: { code: 'bad-request', message: 'clientId: Name the client or the handoff the failure belongs to.', field: 'clientId' } });
    expect(parseRequest({ type: 'failure/log', clientId: 'c1', category: 'Missing context', hours: 1, description: 'x' })).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringMatching(/^category: /) } });
  });
});
