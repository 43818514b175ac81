import type { Client } from '../model/client';
import type { ReadModel } from '../events/read-model';
import { isActive } from '../model/member';
import type { Party, Rule } from '../model/rule';
import { clientTeamMember, roleName, teamRoles } from '../model/team';
import type { Template } from '../model/template';

/** A party resolved to one member on the team now, or why it cannot be (a sentence a person reads). */
export type Resolved = { memberId: string } | { reason: string };

/** Who a party names for this client: the client's team role holder, or the named member; active only. */
export function resolveParty(model: ReadModel, client: Client, party: Party): Resolved {
  if ('role' in party) {
    const roles = teamRoles(model.workspace());
    const name = roleName(roles, party.role);
    const memberId = clientTeamMember(client, party.role);
    if (!memberId) return { reason: `${client.name} has no ${name.toLowerCase()} on its team` };
    const member = model.member(memberId);
    if (!member || !isActive(member)) return { reason: `${member?.name ?? 'The member'}, ${client.name}’s ${name.toLowerCase()}, is no longer on the team` };
    return { memberId };
  }
  const member = model.member(party.memberId);
  if (!member) return { reason: 'The rule names someone who is not a member of the workspace' };
  if (!isActive(member)) return { reason: `${member.name} was removed from the workspace` };
  return { memberId: member.id };
}

/** Sender and receiver of a rule's draft for this client, or why the rule starts nothing. */
export function resolveSenderReceiver(model: ReadModel, client: Client, rule: Rule): { senderId: string; receiverId: string } | { reason: string } {
  const sender = resolveParty(model, client, rule.start.sender);
  if ('reason' in sender) return { reason: `${sender.reason}: nobody to start the draft` };
  const receiver = resolveParty(model, client, rule.start.receiver);
  if ('reason' in receiver) return { reason: `${receiver.reason}: nobody to receive it` };
  if (sender.memberId === receiver.memberId) {
    const name = model.member(sender.memberId)?.name ?? 'One person';
    return { reason: `${name} would be both sender and receiver: nobody hands off to themselves` };
  }
  return { senderId: sender.memberId, receiverId: receiver.memberId };
}

/**
 * The draft's watchers: the template's default watcher roles and the rule's own watchers, resolved
 * for the client (those nobody holds are left out, not a reason to start nothing), without the sender
 * and the receiver, each once.
 */
export function resolveWatchers(model: ReadModel, client: Client, template: Template, rule: Rule, exclude: readonly string[]): string[] {
  const parties: Party[] = [...(template.watcherRoleIds ?? []).map((role) => ({ role })), ...rule.start.watchers];
  const ids = new Set<string>();
  for (const party of parties) {
    const resolved = resolveParty(model, client, party);
    if ('memberId' in resolved && !exclude.includes(resolved.memberId)) ids.add(resolved.memberId);
  }
  return [...ids];
}
