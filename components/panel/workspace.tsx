import { createContext, useContext, type ReactNode } from 'react';
import type { Reply } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Client } from '../../lib/model/client';
import type { Member } from '../../lib/model/member';
import type { Template } from '../../lib/model/template';
import { useLive } from './use-live';

/** What most views need to put names on ids: who I am, the team, the clients, the templates. */
export interface Workspace {
  me: Member;
  members: Member[];
  clients: Client[];
  templates: Template[];
}

const WorkspaceContext = createContext<Workspace | null>(null);

async function loadWorkspace(): Promise<Reply<Workspace>> {
  const [me, members, clients, templates] = await Promise.all([
    sendRequest<'me/get'>({ type: 'me/get' }),
    sendRequest<'members/list'>({ type: 'members/list' }),
    sendRequest<'clients/list'>({ type: 'clients/list' }),
    sendRequest<'templates/list'>({ type: 'templates/list' }),
  ]);
  if (!me.ok) return me;
  if (!members.ok) return members;
  if (!clients.ok) return clients;
  if (!templates.ok) return templates;
  return { ok: true, data: { me: me.data, members: members.data, clients: clients.data, templates: templates.data } };
}

/** Loads the workspace once for the whole panel and keeps it current through the change feed. */
export function WorkspaceProvider({ children, fallback }: { children: ReactNode; fallback: (error?: string) => ReactNode }) {
  const live = useLive('workspace', loadWorkspace);
  if (live.status !== 'ready') return fallback(live.status === 'error' ? live.message : undefined);
  return <WorkspaceContext.Provider value={live.data}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
