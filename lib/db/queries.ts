import { ClientSchema, type Client } from '../model/client';
import { HandoffSchema, OpenItemSchema, type Handoff, type HandoffState, type OpenItem } from '../model/handoff';
import { identifierKey } from '../model/identifier';
import { AWAITING_RECEIVER_STATES, OPEN_STATES } from '../workflow/handoff-machine';
import { MemberSchema, WorkspaceSchema, type Member } from '../model/member';
import { FailureSchema, NoteSchema, type Failure, type Note } from '../model/note';
import { TimelineEntrySchema, type TimelineEntry } from '../model/timeline';
import type { Identifier } from '../sites/types';
import type { z } from '../model/zod';
import { getMeta } from './meta';
import type { BatonDatabase } from './open';
import { stripClientRecord } from './snapshot';

/** Records read back are untrusted: each is checked, and a bad one is reported, not fatal. */
export interface Checked<T> {
  values: T[];
  errors: string[];
}

function check<T>(schema: z.ZodType<T>, label: string, raw: unknown[]): Checked<T> {
  const values: T[] = [];
  const errors: string[] = [];
  for (const record of raw) {
    const parsed = schema.safeParse(record);
    if (parsed.success) values.push(parsed.data);
    else {
      const id = typeof record === 'object' && record && 'id' in record ? String((record as { id: unknown }).id).slice(0, 100) : '?';
      const issue = parsed.error.issues[0];
      errors.push(`${label} ${id} is unreadable (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}) and was skipped.`);
    }
  }
  return { values, errors };
}

export interface ClientView {
  client: Client;
  openHandoffs: Handoff[];
  openItems: OpenItem[];
  /** Newest first. */
  timeline: TimelineEntry[];
  /** The notes the timeline names: a decision's rationale, a call's whole summary and attendees. */
  notes: Note[];
  /** The failures the timeline names: category, repair hours, what happened, the handoff it followed. */
  failures: Failure[];
  /** Every handoff of the client, open or not, newest first: what a failure can be linked to, and their titles. */
  handoffs: HandoffSummary[];
  /** What an hour of repair costs the agency, for a failure's cost (DOMAIN.md's cost model). */
  cost?: { hourlyRate: number; currency: string };
  errors: string[];
}

/** A handoff as a list or a link names it. */
export type HandoffSummary = Pick<Handoff, 'id' | 'title' | 'templateId' | 'templateVersion' | 'state' | 'sentAt' | 'updatedAt' | 'startedBy'> & {
  /** The Asana task it came from: the panel on that task names the rule that started it. */
  asanaTaskId?: string;
};

const CostSchema = WorkspaceSchema.pick({ hourlyRate: true, currency: true });

/**
 * History entries of the same millisecond, newest logged first: the index orders such ties by their
 * random ids, so two notes added in one millisecond would swap places from one look to the next. Only
 * tied entries cost a look-up of their place in the log.
 */
async function orderTiesByLog(entries: TimelineEntry[], logPosition: (eventId: string) => Promise<number | undefined>): Promise<void> {
  const tied = entries.filter((e, i) => entries[i - 1]?.at === e.at || entries[i + 1]?.at === e.at);
  if (tied.length === 0) return;
  const position = new Map(await Promise.all(tied.map(async (e) => [e.id, (await logPosition(e.id)) ?? 0] as const)));
  // ISO timestamps compare as plain strings, as the index compares them.
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (position.get(b.id) ?? 0) - (position.get(a.id) ?? 0)));
}

/** Everything the side panel shows for a client: one client, its open handoffs, its recent history. */
export async function clientView(db: BatonDatabase, clientId: string, timelineLimit = 100): Promise<ClientView | null> {
  const tx = db.transaction(['clients', 'handoffs', 'items', 'timeline', 'notes', 'failures', 'meta', 'events']);
  const record = await tx.objectStore('clients').get(clientId);
  if (!record) return null;
  const client = ClientSchema.safeParse(stripClientRecord(record));
  if (!client.success) return null;
  const handoffs = check(HandoffSchema, 'Handoff', await tx.objectStore('handoffs').index('byClient').getAll(clientId));
  const items = check(OpenItemSchema, 'Item', await tx.objectStore('items').index('byClient').getAll(clientId));
  const range = IDBKeyRange.bound([clientId, ''], [clientId, '\uffff']);
  const raw: unknown[] = [];
  for (let cursor = await tx.objectStore('timeline').index('byClientAt').openCursor(range, 'prev'); cursor && raw.length < timelineLimit; cursor = await cursor.continue()) {
    raw.push(cursor.value);
  }
  const timeline = check(TimelineEntrySchema, 'History entry', raw);
  await orderTiesByLog(timeline.values, (id) => tx.objectStore('events').index('byId').getKey(id));
  const noteIds = timeline.values.flatMap((e) => (e.noteId ? [e.noteId] : []));
  const notes = check(NoteSchema, 'Note', (await Promise.all(noteIds.map((id) => tx.objectStore('notes').get(id)))).filter((n) => n !== undefined));
  const failureIds = timeline.values.flatMap((e) => (e.failureId ? [e.failureId] : []));
  const failures = check(FailureSchema, 'Failure', (await Promise.all(failureIds.map((id) => tx.objectStore('failures').get(id)))).filter((f) => f !== undefined));
  const cost = CostSchema.safeParse(await getMeta(tx.objectStore('meta'), 'workspace'));
  return {
    client: client.data,
    openHandoffs: handoffs.values.filter((h) => OPEN_STATES.includes(h.state)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    openItems: items.values.filter((i) => !i.done),
    timeline: timeline.values,
    notes: notes.values,
    failures: failures.values,
    handoffs: handoffs.values
      .map(({ id, title, templateId, templateVersion, state, sentAt, updatedAt, startedBy, sources }): HandoffSummary => ({
        id, title, templateId, templateVersion, state, updatedAt, ...(sentAt ? { sentAt } : {}), ...(startedBy ? { startedBy } : {}), ...(sources.asanaTask ? { asanaTaskId: sources.asanaTask.id } : {}),
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    ...(cost.success ? { cost: cost.data } : {}),
    errors: [...handoffs.errors, ...items.errors, ...timeline.errors, ...notes.errors, ...failures.errors],
  };
}

async function handoffsByParty(db: BatonDatabase, index: 'byReceiverState' | 'bySenderState', memberId: string, states: readonly HandoffState[]): Promise<Checked<Handoff>> {
  const store = db.transaction('handoffs').store.index(index);
  const raw = (await Promise.all(states.map((state) => store.getAll([memberId, state])))).flat();
  const checked = check(HandoffSchema, 'Handoff', raw);
  checked.values.sort((a, b) => (a.dueBy ?? a.updatedAt).localeCompare(b.dueBy ?? b.updatedAt));
  return checked;
}

/** Handoffs waiting for `memberId` to confirm or ask, soonest due first. */
export function awaitingConfirmation(db: BatonDatabase, memberId: string): Promise<Checked<Handoff>> {
  return handoffsByParty(db, 'byReceiverState', memberId, AWAITING_RECEIVER_STATES);
}

/** Handoffs `memberId` sent that are not settled yet (including those with gaps to answer). */
export function sentByMeOpen(db: BatonDatabase, memberId: string): Promise<Checked<Handoff>> {
  return handoffsByParty(db, 'bySenderState', memberId, OPEN_STATES);
}

/** Handoffs sent to `memberId` that wait on the sender's answers to the gaps they raised. */
export function waitingOnAnswers(db: BatonDatabase, memberId: string): Promise<Checked<Handoff>> {
  return handoffsByParty(db, 'byReceiverState', memberId, ['gaps_raised']);
}

export async function clientsByIdentifier(db: BatonDatabase, identifier: Identifier): Promise<Checked<Client>> {
  const raw = await db.transaction('clients').store.index('byIdentifier').getAll(identifierKey(identifier));
  return check(ClientSchema, 'Client', raw.map(stripClientRecord));
}

export async function listClients(db: BatonDatabase): Promise<Checked<Client>> {
  return check(ClientSchema, 'Client', (await db.getAll('clients')).map(stripClientRecord));
}

export async function listMembers(db: BatonDatabase): Promise<Checked<Member>> {
  return check(MemberSchema, 'Member', await db.getAll('members'));
}

export async function getHandoff(db: BatonDatabase, id: string): Promise<Handoff | null> {
  const parsed = HandoffSchema.safeParse(await db.get('handoffs', id));
  return parsed.success ? parsed.data : null;
}
