import type { ClientTeam } from '../model/team';
import type { Template } from '../model/template';

/**
 * The client's team after a handoff of `template` is confirmed by `receiverId`, or undefined when it
 * does not change. A transfer (an AM transition, coverage: `transfersOwnership`) hands its role over;
 * any other confirmed handoff fills its role only while nobody holds it (the brief's creative becomes
 * the client's creative, but a one-off brief never unseats the client's usual one).
 */
export function handedOverTeam(team: ClientTeam | undefined, template: Pick<Template, 'toRoleId' | 'transfersOwnership'>, receiverId: string): ClientTeam | undefined {
  const role = template.toRoleId;
  if (!role) return undefined;
  const holder = team?.[role];
  if (holder === receiverId) return undefined;
  if (holder !== undefined && !template.transfersOwnership) return undefined;
  return { ...team, [role]: receiverId };
}
