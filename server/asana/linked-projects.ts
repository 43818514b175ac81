import type { HubStore } from '../store';

export interface LinkedProject {
  gid: string;
  clientId: string;
  clientName: string;
}

/** The Asana projects linked to clients: each client's `asana-project` identifiers (a project on two clients: the first); an archived client's are not. */
export function linkedProjects(store: HubStore, workspaceId: string): Promise<LinkedProject[]> {
  return store.withModel(workspaceId, (model) => {
    const seen = new Map<string, LinkedProject>();
    for (const client of model.clients.values()) {
      if (client.archived) continue;
      for (const id of client.identifiers) {
        if (id.kind === 'asana-project' && !seen.has(id.value)) seen.set(id.value, { gid: id.value, clientId: client.id, clientName: client.name });
      }
    }
    return [...seen.values()];
  });
}
