// Taking the demo agency out again, through the log: its open handoffs cancelled, its clients
// archived (no longer recognised or listed), its people off the team, its domain no longer the
// agency's own. What the person added themselves stays as it is, but for their open handoffs the
// removal would strand (on a demo client, or to a demo teammate): those are cancelled too, with why.
import { makeEvent } from '../events/make-event';
import type { BatonEvent } from '../model/event';
import type { Client } from '../model/client';
import type { Handoff } from '../model/handoff';
import type { Member } from '../model/member';
import { isOpen } from '../workflow/handoff-machine';
import { AGENCY, DEMO_CLIENTS, DEMO_MEMBERS } from './agency';
import { clientId } from './index';
import { HANDOFF_STORIES } from './stories';

/** What the workspace holds now, as far as removing the demo needs to know. */
export interface WorkspaceNow {
  clients: readonly Pick<Client, 'id' | 'archived'>[];
  handoffs: readonly Pick<Handoff, 'id' | 'state' | 'senderId' | 'clientId' | 'receiverId' | 'title'>[];
  members: readonly Pick<Member, 'id' | 'removedAt'>[];
  workspaceId: string;
  ownDomains: readonly string[];
}

const REASON = 'The demo agency was removed.';
const STRANDED_REASON = 'The demo agency was removed: this handoff’s client or receiver was part of it.';

const demoClientIds = (): Set<string> => new Set(DEMO_CLIENTS.map((c) => clientId(c.key)));
const demoHandoffIds = (): Set<string> => new Set(HANDOFF_STORIES.map((s) => `demo-handoff-${s.key}`));
const demoMemberIds = (): Set<string> => new Set(Object.values(DEMO_MEMBERS).map((m) => m.id));

/**
 * The person's own open handoffs that removing the demo would strand: on a demo client (archived) or
 * waiting on a demo teammate (taken off the team). The confirmation lists them; the removal cancels them.
 */
export function strandedByDemo(now: Pick<WorkspaceNow, 'handoffs'>): WorkspaceNow['handoffs'][number][] {
  const clients = demoClientIds();
  const stories = demoHandoffIds();
  const members = demoMemberIds();
  const touchesDemo = (h: WorkspaceNow['handoffs'][number]) => clients.has(h.clientId) || (h.receiverId !== undefined && members.has(h.receiverId));
  return now.handoffs.filter((h) => !stories.has(h.id) && isOpen(h.state) && touchesDemo(h));
}

/**
 * The events that remove the demo, by `me` (an admin); none when it is not loaded (or already
 * removed). A demo handoff is cancelled by its sender, as the demo's own events were authored by its
 * members, and before that sender leaves the team (a removed member changes nothing).
 */
export function demoRemoval(now: WorkspaceNow, me: Pick<Member, 'id'>, at: Date): BatonEvent[] {
  const clients = demoClientIds();
  const handoffs = demoHandoffIds();
  const members = demoMemberIds();
  const events: BatonEvent[] = [];
  const active = new Set(now.members.filter((m) => m.removedAt === undefined).map((m) => m.id));
  // A handoff whose sender has left cannot be cancelled any more; its client is archived all the same.
  for (const h of now.handoffs) if (handoffs.has(h.id) && isOpen(h.state) && active.has(h.senderId)) events.push(makeEvent('handoff.cancelled', h.senderId, h.id, { reason: REASON }, { at }));
  for (const h of strandedByDemo(now)) if (active.has(h.senderId)) events.push(makeEvent('handoff.cancelled', h.senderId, h.id, { reason: STRANDED_REASON }, { at }));
  for (const c of now.clients) if (clients.has(c.id) && !c.archived) events.push(makeEvent('client.archived', me.id, c.id, { archived: true }, { at }));
  for (const m of now.members) if (members.has(m.id) && m.id !== me.id && active.has(m.id)) events.push(makeEvent('member.removed', me.id, m.id, { reason: REASON }, { at }));
  if (events.length > 0 && now.ownDomains.includes(AGENCY.domain)) {
    events.push(makeEvent('workspace.updated', me.id, now.workspaceId, { ownDomains: now.ownDomains.filter((d) => d !== AGENCY.domain) }, { at }));
  }
  return events;
}
