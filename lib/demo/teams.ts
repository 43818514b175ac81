// Every demo client's team by role, from the demo's people: the client's owner is its account manager,
// Priya its strategist, Tomás its media buyer, Lena (creative & reporting lead) its creative and
// analyst, Marcus its sales lead. Confirmed transfers in the stories hand the account manager role on.
import type { DemoClient, MemberKey } from './agency';

/** Who holds each default role on a demo client's team, in the order of DEFAULT_TEAM_ROLES. */
export function demoTeam(client: Pick<DemoClient, 'owner'>): [roleId: string, holder: MemberKey][] {
  return [
    ['account_manager', client.owner],
    ['strategist', 'priya'],
    ['media_buyer', 'tomas'],
    ['creative', 'lena'],
    ['analyst', 'lena'],
    ['sales', 'marcus'],
  ];
}
