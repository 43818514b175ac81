import type { Identifier, IdentifierKind } from '../sites/types';

/** What the matcher needs of a client. */
export interface MatchableClient {
  id: string;
  name: string;
  identifiers: readonly Identifier[];
}

/**
 * A prebuilt map from kind, then value, to the clients that carry it: lookups cost O(page
 * identifiers), whatever the number of clients. Keyed in two levels so building allocates no strings.
 */
export interface ClientIndex<C extends MatchableClient = MatchableClient> {
  readonly byKind: ReadonlyMap<IdentifierKind, ReadonlyMap<string, readonly C[]>>;
  readonly size: number;
}

export function buildClientIndex<C extends MatchableClient>(clients: readonly C[]): ClientIndex<C> {
  const byKind = new Map<IdentifierKind, Map<string, C[]>>();
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

export function clientsWith<C extends MatchableClient>(index: ClientIndex<C>, { kind, value }: Identifier): readonly C[] | undefined {
  return index.byKind.get(kind)?.get(value);
}
