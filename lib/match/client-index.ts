import type { Client } from '../model/client';
import { identifierKey } from '../model/identifier';

/** A prebuilt map from `kind:value` to the clients that carry it: lookups cost O(page identifiers). */
export interface ClientIndex {
  readonly byKey: ReadonlyMap<string, readonly Client[]>;
  readonly size: number;
}

export function buildClientIndex(clients: readonly Client[]): ClientIndex {
  const byKey = new Map<string, Client[]>();
  for (const client of clients) {
    for (const identifier of client.identifiers) {
      const key = identifierKey(identifier);
      const list = byKey.get(key);
      if (!list) byKey.set(key, [client]);
      // Clients are added one at a time, so a client's repeated identifier can only follow itself.
      else if (list[list.length - 1] !== client) list.push(client);
    }
  }
  return { byKey, size: clients.length };
}
