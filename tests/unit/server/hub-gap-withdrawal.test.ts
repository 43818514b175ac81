import { describe, expect, it } from 'vitest';
import { databases, teamsClosedAfterEach } from './hub-harness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const { team } = teamsClosedAfterEach();

// Issue 14: the hub judges a withdrawn gap with the same reducer: the receiver who raised it may, the
// sender may not (with the reason), and the receiver can confirm once no gap is open.
describe.each(databases())('the hub on $kind: a withdrawn gap', { timeout: 30_000 }, ({ kind, url }) => {
  it('is accepted from the receiver who raised it, refused from the sender, and then the receiver confirms', async () => {
    const { jane, tom } = await team(kind, url);
    await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );
    await tom.push(tom.event('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Can we move the walkthrough?' }] }));
    const [byJane] = await jane.push(jane.event('handoff.gap_withdrawn', 'h1', { gapId: 'g1' }));
    expect(byJane).toMatchObject({ status: 'rejected', reason: 'Only the receiver can withdraw a gap.' });
    const [byTom] = await tom.push(tom.event('handoff.gap_withdrawn', 'h1', { gapId: 'g1', reason: 'Found it in the SOW.' }));
    expect(byTom.status).toBe('accepted');
    const [confirmed] = await tom.push(tom.event('handoff.confirmed', 'h1', { comment: 'Thanks!' }));
    expect(confirmed.status).toBe('accepted');
  });
});
