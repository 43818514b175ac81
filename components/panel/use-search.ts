import { useMemo } from 'react';
import type { HandoffHeadline } from '../../lib/background/commands/search';
import type { Result } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Client } from '../../lib/model/client';
import { recentClients } from '../../lib/match/recent-clients';
import { buildSearchIndex, search, type ClientHit, type SearchIndex } from '../../lib/match/search-index';
import type { Member } from '../../lib/model/member';
import { loadTogether } from '../load-together';
import { useLive } from '../use-live';
import { useRecentClientIds } from './use-recent-clients';

export interface SearchSources {
  clients: Client[];
  members: Member[];
  handoffs: HandoffHeadline[];
}

/** One result the person can move to and open. */
export type SearchOption =
  | { kind: 'client'; group: 'Recent clients' | 'Clients'; hit: ClientHit<Client> }
  | { kind: 'handoff'; group: 'Handoffs'; handoff: HandoffHeadline; clientName?: string; people: string };

const loadSources = (): Promise<Result<SearchSources | null>> =>
  loadTogether({
    clients: sendRequest<'clients/list'>({ type: 'clients/list' }),
    members: sendRequest<'members/list'>({ type: 'members/list' }),
    handoffs: sendRequest<'handoffs/headlines'>({ type: 'handoffs/headlines' }),
  });
const noSources = (): Promise<Result<SearchSources | null>> => Promise.resolve({ ok: true, data: null });

function handoffOption(handoff: HandoffHeadline, index: SearchIndex<Client, HandoffHeadline>, members: readonly Member[]): SearchOption {
  const name = (id?: string) => members.find((m) => m.id === id)?.name;
  const receiver = name(handoff.receiverId);
  const clientName = index.clients.find((entry) => entry.client.id === handoff.clientId)?.client.name;
  return { kind: 'handoff', group: 'Handoffs', handoff, ...(clientName ? { clientName } : {}), people: `${name(handoff.senderId) ?? 'Someone'}${receiver ? ` to ${receiver}` : ''}` };
}

/**
 * What the search box offers for a query: loaded only while the box is open (nothing is read while
 * nobody searches), the index built once per workspace change, each keystroke reading it.
 */
export function useSearch(query: string, open: boolean): { options: SearchOption[]; ready: boolean; error?: string } {
  const live = useLive(open ? loadSources : noSources, { key: open ? 'open' : 'closed', stores: ['clients', 'members', 'handoffs'] });
  const sources = live.status === 'ready' ? live.data : null;
  const index = useMemo(() => (sources ? buildSearchIndex(sources) : undefined), [sources]);
  const recent = useRecentClientIds();
  const options = useMemo((): SearchOption[] => {
    if (!index || !sources) return [];
    if (!query.trim()) return recentClients(recent, sources.clients).map((client) => ({ kind: 'client', group: 'Recent clients', hit: { client } }));
    const found = search(index, query);
    return [
      ...found.clients.map((hit): SearchOption => ({ kind: 'client', group: 'Clients', hit })),
      ...found.handoffs.map((handoff) => handoffOption(handoff, index, sources.members)),
    ];
  }, [index, sources, query, recent]);
  return { options, ready: index !== undefined, ...(live.status === 'error' ? { error: live.message } : {}) };
}
