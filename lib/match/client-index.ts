import type { Client } from '../model/client';
import type { Identifier, IdentifierKind } from '../sites/types';

/**
 * A prebuilt map from kind, then value, to the clients that carry it: lookups cost O(page
 * identifiers), whatever the number of clients. Keyed in two levels so building allocates no strings.
 */
export interface ClientIndex {
  readonly byKind: ReadonlyMap<IdentifierKind, ReadonlyMap<string, readonly Client[]>>;
  readonly size: number;
}

export function buildClientIndex(clients: readonly Client[]): ClientIndex {
  const byKind = new Map<IdentifierKind, Map<string, Client[]>>();
  for (const client of clients) {
    for (const { kind, value } of client.identifiers) {
      let byValue = byKind.get(kind);
      if (!byValue) byKind.set(kind, (byValue = new Map()));
      const list = byValue.get(value);
      if (!list) byValue.set(value, [client]);
      // Clients are added one at a time, so a client's repeated identifier can only follow itself.
      else if (list[list.length - 1] !== client) list.push(client);
    }
  }
  return { byKind, size: clients.length };
}

export function clientsWith(index: ClientIndex, { kind, value }: Identifier): readonly Client[] | undefined {
  return index.byKind.get(kind)?.get(value);
}
