// Wherever a person is chosen, the client's team helps: who holds which role for this client, in the
// words the pickers show ("Ana Lopes — client's creative"), and who a new handoff of a template goes to.
import type { Member } from '../model/member';
import { isActive } from '../model/member';
import { roleName, type ClientTeam, type TeamRole } from '../model/team';
import type { Template } from '../model/template';

/** The names of the roles `memberId` holds on the client's team, in the workspace's order of roles. */
export function rolesHeldBy(team: ClientTeam | undefined, roles: readonly TeamRole[], memberId: string): string[] {
  if (!team) return [];
  return roles.filter((r) => team[r.id] === memberId).map((r) => roleName(roles, r.id).toLowerCase());
}

/** "creative", "strategist and creative", "strategist, analyst and creative". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface ReceiverOption {
  member: Member;
  /** "Ana Lopes — client's creative" for the client's team, else "Ana Lopes (ana@agency.com)". */
  label: string;
  onTeam: boolean;
}

/**
 * The members to choose from, labelled: the client's team first (in the order of the workspace's
 * roles), then everyone else as before. The order of `members` is kept within each group.
 */
export function receiverOptions(members: readonly Member[], team: ClientTeam | undefined, roles: readonly TeamRole[]): ReceiverOption[] {
  const firstRole = (memberId: string) => roles.findIndex((r) => team?.[r.id] === memberId);
  const options = members.map((member) => {
    const held = rolesHeldBy(team, roles, member.id);
    return held.length > 0
      ? { member, label: `${member.name} — client's ${joinNames(held)}`, onTeam: true }
      : { member, label: `${member.name} (${member.email})`, onTeam: false };
  });
  const onTeam = options.filter((o) => o.onTeam).sort((a, b) => firstRole(a.member.id) - firstRole(b.member.id));
  return [...onTeam, ...options.filter((o) => !o.onTeam)];
}

/**
 * Who a new handoff of `template` goes to when nobody was chosen yet: the client's holder of the
 * template's receiving role — while they are an active member and not the sender themselves.
 */
export function teamReceiver(
  team: ClientTeam | undefined,
  template: Pick<Template, 'toRoleId'>,
  members: readonly Member[],
  senderId: string,
): string | undefined {
  const holder = template.toRoleId ? team?.[template.toRoleId] : undefined;
  if (!holder || holder === senderId) return undefined;
  const member = members.find((m) => m.id === holder);
  return member && isActive(member) ? member.id : undefined;
}
