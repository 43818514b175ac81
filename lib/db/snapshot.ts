import type { IDBPTransaction } from 'idb';
import type { ReadModel } from '../events/read-model';
import type { Client } from '../model/client';
import type { BatonEvent } from '../model/event';
import type { Handoff, OpenItem } from '../model/handoff';
import type { Member } from '../model/member';
import type { Failure, Note } from '../model/note';
import type { Template } from '../model/template';
import { BUILT_IN_TEMPLATES, findTemplate } from '../templates';
import { sourceHandoffIdOf } from '../workflow/rule-ids';
import { getMeta } from './meta';
import type { ALL_STORES, BatonDB, ClientRecord } from './schema';

export type WriteTx = IDBPTransaction<BatonDB, (typeof ALL_STORES)[number][], 'readwrite'>;

export function stripClientRecord(record: ClientRecord | undefined): Client | undefined {
  if (!record) return undefined;
  const { nameKey: _n, identifierKeys: _i, ...client } = record;
  return client;
}

/**
 * Loads, inside the append transaction, every record the reducer may look at for this event, and
 * serves them as a ReadModel. The reducer stays synchronous and shared with the hub; only what one
 * event touches is read, so appending costs the same with ten handoffs or ten thousand.
 */
export async function loadSnapshot(tx: WriteTx, event: BatonEvent): Promise<ReadModel> {
  const [known, workspace, members, templates] = await Promise.all([
    tx.objectStore('events').index('byId').getKey(event.id),
    getMeta(tx.objectStore('meta'), 'workspace'),
    tx.objectStore('members').getAll(),
    tx.objectStore('templates').getAll(),
  ]);
  const handoffs = new Map<string, Handoff>();
  const loadHandoff = async (id: string | undefined) => {
    if (!id || handoffs.has(id)) return handoffs.get(id ?? '');
    const h = await tx.objectStore('handoffs').get(id);
    if (h) handoffs.set(id, h);
    return h;
  };
  const p = event.payload as { clientId?: string; note?: Note; failure?: Failure; name?: string; rule?: { clientId?: string }; startedBy?: { trigger: { key: string } } };
  const own = event.entity.kind === 'handoff' ? await loadHandoff(event.entity.id) : undefined;
  const related = await loadHandoff(p.note?.handoffId ?? p.failure?.handoffId);
  // A rule's draft names the handoff its trigger came from (a chain's confirmed handoff): the reducer checks it is there.
  if (p.startedBy) await loadHandoff(sourceHandoffIdOf(p.startedBy.trigger.key));
  const clientIds = new Set(
    [p.clientId, own?.clientId, related?.clientId, p.note?.clientId, p.failure?.clientId, p.rule?.clientId, event.entity.kind === 'client' ? event.entity.id : undefined].filter(
      (id): id is string => typeof id === 'string',
    ),
  );
  const clients = new Map<string, Client>();
  for (const id of clientIds) {
    const c = stripClientRecord(await tx.objectStore('clients').get(id));
    if (c) clients.set(id, c);
  }
  const named = p.name ? stripClientRecord(await tx.objectStore('clients').index('byName').get(p.name.trim().toLowerCase())) : undefined;
  const items = new Map<string, OpenItem>();
  for (const id of clientIds) for (const item of await tx.objectStore('items').index('byClient').getAll(id)) items.set(item.id, item);
  if (event.entity.kind === 'item' && !items.has(event.entity.id)) {
    const item = await tx.objectStore('items').get(event.entity.id);
    if (item) items.set(item.id, item);
  }
  const note = event.entity.kind === 'note' ? await tx.objectStore('notes').get(event.entity.id) : undefined;
  const failure = event.entity.kind === 'failure' ? await tx.objectStore('failures').get(event.entity.id) : undefined;
  const memberMap = new Map(members.map((m): [string, Member] => [m.id, m]));
  const allTemplates: Template[] = [...BUILT_IN_TEMPLATES, ...templates];

  return {
    hasEvent: () => known !== undefined,
    workspace: () => workspace,
    member: (id) => memberMap.get(id),
    members: () => members,
    client: (id) => clients.get(id),
    clientNamed: (name) => (named && named.name.toLowerCase() === name.trim().toLowerCase() ? named : undefined),
    handoff: (id) => handoffs.get(id),
    template: (id, version) => findTemplate(allTemplates, id, version),
    item: (id) => items.get(id),
    openItems: (clientId) => [...items.values()].filter((i) => i.clientId === clientId && !i.done),
    note: (id) => (note?.id === id ? note : undefined),
    failure: (id) => (failure?.id === id ? failure : undefined),
  };
}
