/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import { describe, expect, it } from 'vitest';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { EventType } from '../../../lib/model/event';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { databases, teamsClosedAfterEach, type Member } from './hub-harness';

// The hub takes the sender's moves after the send (an edit, a nudge) through the shared reducer:
// accepted from the sender, refused with the reducer's reason from anyone else or too soon.

const { team } = teamsClosedAfterEach();
const MINUTE = 60_000;
const dated = <T extends EventType>(member: Member, type: T, payload: EventInput<T>, at: number) => makeEvent(type, member.id, 'h1', payload, { at: new Date(at) });

describe.each(databases())('after sending, at the hub, on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('takes the sender’s edit and nudge, refuses the receiver’s and a second nudge within 4 hours, and shares them', async () => {
    const { jane, tom } = await team(kind, url);
    // Within the workspace's first minutes (the hub refuses what is dated before it was created).
    const now = Date.now();
    const sent = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      dated(jane, 'handoff.created', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }, now - 4 * MINUTE),
      dated(jane, 'handoff.sent', {}, now - 3 * MINUTE),
    );
    expect(sent.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const [edited, byTom] = await Promise.all([
      jane.push(dated(jane, 'handoff.edited', { fields: { objective: 'Launch the winter range instead.' }, reconfirm: true }, now - 2 * MINUTE)),
      tom.push(dated(tom, 'handoff.edited', { fields: { objective: 'Something else.' }, reconfirm: true }, now - 2 * MINUTE)),
    ]);
    expect(edited[0].status).toBe('accepted');
    expect(byTom[0]).toMatchObject({ status: 'rejected', reason: 'Only the sender can edit it.' });

    const [first, second] = await jane.push(dated(jane, 'handoff.nudged', {}, now - MINUTE), dated(jane, 'handoff.nudged', {}, now));
    expect(first.status).toBe('accepted');
    expect(second).toMatchObject({ status: 'rejected', reason: 'Tom Reyes was nudged less than 4 hours ago: you can nudge again in 3 h 59 min.' });
    const [tomNudges] = await tom.push(dated(tom, 'handoff.nudged', {}, now));
    expect(tomNudges).toMatchObject({ status: 'rejected', reason: 'Only the sender can nudge the receiver.' });

    const { body } = await tom.call('/v1/events?after=0&limit=100');
    expect(body.events.map((e: any) => e.event.type).filter((t: string) => t === 'handoff.edited' || t === 'handoff.nudged')).toEqual(['handoff.edited', 'handoff.nudged']);
  });
});
