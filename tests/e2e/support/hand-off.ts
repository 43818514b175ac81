// A handoff that arrives from a colleague, as the hub would deliver it: imported into this profile's log.
import type { Page } from '@playwright/test';
import type { Backup } from '../../../lib/messaging/protocol';
import { COMPLETE_BRIEF } from '../../unit/helpers/handoffs';
import { mustRequest } from './baton.ts';

/** Tom (a colleague) hands me a brief for Northwind: handoff 'h-e2e', sent and awaiting my confirmation. */
export async function handOffFromTom(options: Page): Promise<void> {
  const me = await mustRequest<{ id: string }>(options, { type: 'me/get' });
  const tom = await mustRequest<{ id: string }>(options, { type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
  const client = await mustRequest<{ id: string }>(options, { type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
  const backup = await mustRequest<Backup>(options, { type: 'data/export' });
  const at = new Date().toISOString();
  const event = (n: number, type: string, payload: unknown) => ({ id: `e2e-${n}-${Date.now()}`, type, actor: tom.id, at, entity: { kind: 'handoff', id: 'h-e2e' }, payload, v: 1 });
  const events = [
    event(1, 'handoff.created', { clientId: client.id, templateId: 'brief-to-creative', templateVersion: 1, title: 'Autumn range brief', receiverId: me.id, fields: COMPLETE_BRIEF }),
    event(2, 'handoff.sent', {}),
  ];
  await mustRequest(options, { type: 'data/import', backup: { ...backup, events: [...backup.events, ...events] } });
}
