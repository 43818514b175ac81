/** How many clients "Recent clients" keeps: the few a person goes back to, not a history. */
export const RECENT_CLIENTS_KEPT = 5;

/** The recent list after opening `clientId`: it moves to the front, once, and the oldest falls off. */
export function withRecentClient(recent: readonly string[], clientId: string): string[] {
  return [clientId, ...recent.filter((id) => id !== clientId)].slice(0, RECENT_CLIENTS_KEPT);
}

/** The recent clients that still exist and are not archived, most recent first. */
export function recentClients<C extends { id: string; archived?: boolean }>(recent: readonly string[], clients: readonly C[]): C[] {
  const byId = new Map(clients.map((c) => [c.id, c]));
  return recent.flatMap((id) => {
    const client = byId.get(id);
    return client && !client.archived ? [client] : [];
  });
}
