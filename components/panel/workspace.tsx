import { createContext, useContext, type ReactNode } from 'react';
import type { Result } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Client } from '../../lib/model/client';
import type { Member } from '../../lib/model/member';
import type { Template } from '../../lib/model/template';
import type { TeamRolesView } from '../../lib/background/teams';
import { loadTogether } from '../load-together';
import { useLive } from '../use-live';

/** What most views need to put names on ids: who I am, the team, the clients, the templates. */
export interface Workspace {
  me: Member;
  members: Member[];
  clients: Client[];
  templates: Template[];
  /** The workspace's client-team roles (absent in a test's fixture: the default roles). */
  teamRoles?: TeamRolesView;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

function loadWorkspace(): Promise<Result<Workspace>> {
  return loadTogether({
    me: sendRequest<'me/get'>({ type: 'me/get' }),
    members: sendRequest<'members/list'>({ type: 'members/list' }),
    clients: sendRequest<'clients/list'>({ type: 'clients/list' }),
    templates: sendRequest<'templates/list'>({ type: 'templates/list' }),
    teamRoles: sendRequest<'team/roles'>({ type: 'team/roles' }),
  });
}

/** Loads the workspace once for the whole panel and keeps it current through the change feed. */
export function WorkspaceProvider({ children, fallback }: { children: ReactNode; fallback: (error?: string) => ReactNode }) {
  const live = useLive(loadWorkspace);
  if (live.status !== 'ready') return fallback(live.status === 'error' ? live.message : undefined);
  return <WorkspaceContext.Provider value={live.data}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
