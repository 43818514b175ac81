import type { ClientTeam } from '../model/team';
import { clientTeamMember } from '../model/team';
import type { Template } from '../model/template';

/**
 * Who watches a new handoff by default: the members holding the template's watcher roles on the
 * client's team, once each, in the template's order. Not the sender or the receiver (they hear of
 * every move already), and only members on the team now (`isMember`), so a start never fails because
 * a role still names someone who left.
 */
export function defaultWatcherIds(
  template: Pick<Template, 'watcherRoleIds'>,
  client: { team?: ClientTeam } | undefined,
  parties: { senderId: string; receiverId?: string },
  isMember: (memberId: string) => boolean,
): string[] {
  const ids: string[] = [];
  for (const roleId of template.watcherRoleIds ?? []) {
    const memberId = clientTeamMember(client, roleId);
    if (!memberId || ids.includes(memberId) || memberId === parties.senderId || memberId === parties.receiverId || !isMember(memberId)) continue;
    ids.push(memberId);
  }
  return ids;
}

/** The watchers the handoff view names: never its sender or its receiver (chosen after the start, perhaps). */
export function shownWatcherIds(handoff: { watcherIds?: readonly string[]; senderId: string; receiverId?: string }): string[] {
  return (handoff.watcherIds ?? []).filter((id) => id !== handoff.senderId && id !== handoff.receiverId);
}
