// The people and the handoff the panel's component tests render: a sender and a receiver on one team,
// and a handoff of a template that is a fresh draft unless the test says otherwise.
import type { Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Template } from '../../../lib/model/template';

export const AT = '2026-12-06T11:00:00.000Z';
export const ME: Member = { id: 'm-me', name: 'Sam Sender', email: 'sam@brightlane.agency', role: 'member' };
export const TOM: Member = { id: 'm-tom', name: 'Tom Receiver', email: 'tom@brightlane.agency', role: 'member' };

/** ME, with TOM as the one teammate, and `template` to start handoffs from. */
export const teamWith = (template: Template): Workspace => ({ me: ME, members: [ME, TOM], clients: [], templates: [template] });

/** A handoff of `template` ME started at AT, 'h-1' for client 'c-1': a draft with nothing filled, but for `more`. */
export function handoffOf(template: Pick<Template, 'id' | 'version'>, more: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h-1',
    clientId: 'c-1',
    templateId: template.id,
    templateVersion: template.version,
    title: 'Northwind signed',
    fields: {},
    senderId: ME.id,
    state: 'draft',
    sources: {},
    context: { participants: [] },
    gaps: [],
    gapRounds: 0,
    createdAt: AT,
    updatedAt: AT,
    ...more,
  };
}
