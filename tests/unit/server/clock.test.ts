/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import { describe, expect, it, vi } from 'vitest';
import { MAX_CLOCK_SKEW_MS } from '../../../lib/events/clock';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import { metricsQueryParams } from '../../../lib/metrics/query';
import type { EventType } from '../../../lib/model/event';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { databases, teamsClosedAfterEach, type Member } from './hub-harness';

const { team } = teamsClosedAfterEach();
const MINUTE = 60_000;

/** An event as a computer whose clock reads `at` makes it. */
function dated<T extends EventType>(member: Member, type: T, entityId: string, payload: EventInput<T>, at: number | string) {
  return makeEvent(type, member.id, entityId, payload, { at: new Date(at) });
}

/** Jane's client and a handoff to Tom, sent at `sentAt`. */
async function sentHandoff(jane: Member, tom: Member, sentAt: number) {
  const results = await jane.push(
    dated(jane, 'client.created', 'northwind', { name: 'Northwind Outfitters' }, sentAt - 2 * MINUTE),
    dated(jane, 'handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }, sentAt - MINUTE),
    dated(jane, 'handoff.sent', 'h1', {}, sentAt),
  );
  expect(results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
}

/** Every number in a JSON answer, with where it is. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => numbersIn(child, `${path}.${key}`));
}

describe.each(databases())('the hub judges event times by its own clock, on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('refuses a handoff dated 1970, before the workspace was created, saying what to fix', async () => {
    const { jane, tom } = await team(kind, url);
    const [client, handoff] = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      dated(jane, 'handoff.created', 'h1970', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }, 0),
    );
    expect(client.status).toBe('accepted');
    expect(handoff).toMatchObject({ id: expect.any(String), status: 'rejected' });
    expect(handoff.reason).toMatch(/^This change is dated 1970-01-01T00:00:00\.000Z, before this workspace was created \(.+\): check this computer’s date and time\.$/);
  });

  it('refuses a send dated 9999, ahead of its clock, and takes the handoff’s other events', async () => {
    const { jane, tom } = await team(kind, url);
    const results = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }),
      dated(jane, 'handoff.sent', 'h1', {}, '9999-12-31T23:59:00.000Z'),
    );
    expect(results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(results[2].reason).toMatch(/^This change is dated 9999-12-31T23:59:00\.000Z, ahead of the hub’s clock \(.+\): check this computer’s date and time, then send it again\.$/);
    const { body } = await tom.call('/v1/events?after=0&limit=100');
    expect(body.events.map((e: any) => e.event.type)).not.toContain('handoff.sent');
  });

  it('refuses a confirmation dated before the send beyond the tolerance, and a gap answered before it was raised', async () => {
    // The team joined an hour ago (the hub stamps the workspace's creation with its clock, set back
    // here, Date only): what follows is judged against the send, not the workspace's creation.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 60 * MINUTE });
    const { jane, tom } = await team(kind, url).finally(() => vi.useRealTimers());
    const sentAt = Date.now() - 30 * MINUTE;
    await sentHandoff(jane, tom, sentAt);
    const [early] = await tom.push(dated(tom, 'handoff.confirmed', 'h1', {}, sentAt - MAX_CLOCK_SKEW_MS - MINUTE));
    expect(early.status).toBe('rejected');
    expect(early.reason).toBe(`This change is dated ${new Date(sentAt - MAX_CLOCK_SKEW_MS - MINUTE).toISOString()}, before the handoff was sent (${new Date(sentAt).toISOString()}): check this computer’s date and time.`);

    const [raised] = await tom.push(dated(tom, 'handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Thursday instead?' }] }, sentAt + MINUTE));
    expect(raised.status).toBe('accepted');
    const [answered] = await jane.push(dated(jane, 'handoff.gaps_answered', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes.' }] }, sentAt + MINUTE - MAX_CLOCK_SKEW_MS - MINUTE));
    expect(answered.status).toBe('rejected');
    expect(answered.reason).toMatch(/before the gap was raised/);
  });

  it('accepts times within the tolerance either way, records its own receive time, and shows no negative figure', async () => {
    const { hub, jane, tom } = await team(kind, url);
    const sentAt = Date.now() + MAX_CLOCK_SKEW_MS - MINUTE;
    // Jane's clock runs four minutes fast, Tom's four minutes slow: both honest, both within the tolerance.
    await sentHandoff(jane, tom, sentAt);
    const [confirmed] = await tom.push(dated(tom, 'handoff.confirmed', 'h1', {}, sentAt - MAX_CLOCK_SKEW_MS + MINUTE));
    expect(confirmed.status).toBe('accepted');

    const { rows } = await hub.store.db.query<{ type: string; received_at: Date }>('select type, received_at from events order by seq');
    // The send says four minutes from now; the hub wrote down when it really arrived.
    const received = new Date(rows.find((r) => r.type === 'handoff.sent')!.received_at).getTime();
    expect(Math.abs(received - Date.now())).toBeLessThan(MINUTE);
    expect(sentAt - received).toBeGreaterThan(2 * MINUTE);

    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { status, body } = await jane.call(`/v1/metrics?${metricsQueryParams({ from: day(-1), to: day(1), timeZone: 'UTC' })}`);
    expect(status).toBe(200);
    expect(body.current.confirmed).toBe(1);
    expect(body.current.timeToConfirm).toEqual({ medianHours: 0, p90Hours: 0 });
    expect(numbersIn(body).filter(([, n]) => n < 0)).toEqual([]);
  });

  it('judges the times inside a change too: a note written in 9999 or in 1970 is refused, one written now is taken', async () => {
    const { jane } = await team(kind, url);
    await jane.push(jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }));
    const note = (id: string, at: string) => jane.event('note.added', id, { note: { id, clientId: 'northwind', authorId: jane.id, at, kind: 'note', text: 'Prefers calls on Tuesdays.' } });
    const [future, past, now] = await jane.push(note('n9999', '9999-01-01T00:00:00.000Z'), note('n1970', '1970-01-01T00:00:00.000Z'), note('nnow', new Date().toISOString()));
    expect(future).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^This change is dated 9999-01-01T00:00:00\.000Z, ahead of the hub’s clock/) });
    expect(past).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^This change is dated 1970-01-01T00:00:00\.000Z, before this workspace was created/) });
    expect(now.status).toBe('accepted');
  });

  it('replays a log stored before the clock rule to the same state: an accepted event is never judged again', async () => {
    const { hub, jane, tom } = await team(kind, url);
    const sentAt = Date.now() - 2 * MINUTE;
    await sentHandoff(jane, tom, sentAt);
    // A confirmation from a receiver whose clock ran ten minutes slow, stored by a hub without the rule.
    const early = dated(tom, 'handoff.confirmed', 'h1', {}, sentAt - 10 * MINUTE);
    const { id: workspaceId, last_seq } = (await hub.store.workspaces())[0]!;
    const seq = Number(last_seq) + 1;
    await hub.store.db.query('insert into events (workspace_id, seq, id, type, actor, body) values ($1, $2, $3, $4, $5, $6)', [workspaceId, seq, early.id, early.type, early.actor, JSON.stringify(early)]);
    await hub.store.db.query('update workspaces set last_seq = $2 where id = $1', [workspaceId, seq]);

    // The hub catches up with that row: the handoff is confirmed, so a gap raised now is refused.
    const [late] = await tom.push(tom.event('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Thursday instead?' }] }));
    expect(late.status).toBe('rejected');
    expect(late.reason).not.toMatch(/dated/);
  });
});
