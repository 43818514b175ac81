import { makeEvent } from '../../../lib/events';
import type { BatonEvent } from '../../../lib/model/event';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

let n = 0;
/** A unique database name per test: fake-indexeddb is shared by the whole test file. */
export const freshName = () => `baton-test-${Date.now()}-${n++}`;

export const T0 = Date.parse('2026-11-02T09:00:00.000Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A workspace with an admin (Jane, who sends) and Tom (who receives), and one client. */
export function baseLog(): BatonEvent[] {
  return [
    makeEvent('workspace.created', 'jane', 'ws', { workspace: { id: 'ws', name: 'Brightlane' }, admin: { id: 'jane', name: 'Jane Doe', email: 'jane@brightlane.agency', role: 'admin' } }, { id: 'e-ws', at: at(0) }),
    makeEvent('member.added', 'jane', 'tom', { member: { id: 'tom', name: 'Tom Reyes', email: 'tom@brightlane.agency', role: 'member' } }, { id: 'e-tom', at: at(1) }),
    makeEvent('client.created', 'jane', 'northwind', { name: 'Northwind Outfitters', identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] }, { id: 'e-nw', at: at(2) }),
  ];
}


export function sentBrief(id: string, minute: number): BatonEvent[] {
  return [
    makeEvent('handoff.created', 'jane', id, { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: 'tom', fields: COMPLETE_BRIEF }, { id: `${id}-created`, at: at(minute) }),
    makeEvent('handoff.sent', 'jane', id, {}, { id: `${id}-sent`, at: at(minute + 1) }),
  ];
}
