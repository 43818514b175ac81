// The demo agency removed from the local workspace: the events lib/demo/remove.ts says, appended in
// one transaction through the same checks as every other change.
import { demoRemoval, strandedByDemo } from '../demo/remove';
import { getMeta } from '../db/meta';
import { appendAll } from './append';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** What removing the demo did: handoffs cancelled, clients archived, people taken off the team. */
export interface DemoRemoved {
  handoffs: number;
  clients: number;
  members: number;
}

export async function removeDemo(session: Session, now: Date): Promise<DemoRemoved> {
  if (session.hub) throw new CommandError('The demo lives in a local workspace only: disconnect from the hub first.', 'unavailable');
  const { db, me } = session;
  // The stored record, not the session's copy: the demo's load added its domain to it.
  const [clients, handoffs, members, workspace] = await Promise.all([db.getAll('clients'), db.getAll('handoffs'), db.getAll('members'), getMeta(db, 'workspace')]);
  if (!workspace) throw new CommandError('This workspace has no record yet.', 'unavailable');
  const events = demoRemoval({ clients, handoffs, members, workspaceId: workspace.id, ownDomains: workspace.ownDomains }, me, now);
  await appendAll(session, events);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  return { handoffs: count('handoff.cancelled'), clients: count('client.archived'), members: count('member.removed') };
}

/** The person's own open handoffs removing the demo would cancel with it: the confirmation names them. */
export async function demoRemovalPreview(session: Session): Promise<{ stranded: { id: string; title: string }[] }> {
  const handoffs = await session.db.getAll('handoffs');
  return { stranded: strandedByDemo({ handoffs }).map(({ id, title }) => ({ id, title })) };
}
