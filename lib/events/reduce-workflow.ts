import type { BatonEvent, EventType } from '../model/event';
import { isActive, type Member } from '../model/member';
import { roleName, teamRoles } from '../model/team';
import { failure } from '../result';
import { ruleEventIds, sourceHandoffIdOf } from '../workflow/rule-ids';
import type { Decision } from './reducer';
import type { ReadModel } from './read-model';
import { entry } from './timeline-entry';

// Issue 15's events: client teams, workflow rules and watchers. Judged here, called by decide().
type Of<T extends EventType> = Extract<BatonEvent, { type: T }>;
const reject = (message: string): Decision => failure('invalid', message);

/**
 * Who holds a role on the client's team. Anyone on the team may fill or change it (as anyone edits
 * key facts); the role must be one of the workspace's and the member on the team now.
 */
export function clientTeamSet(model: ReadModel, event: Of<'client.team_set'>, actor: Member): Decision {
  const client = model.client(event.entity.id);
  if (!client) return reject('Unknown client.');
  const { roleId, memberId } = event.payload;
  const roles = teamRoles(model.workspace());
  if (!roles.some((r) => r.id === roleId)) return reject(`“${roleId}” is not one of the workspace’s roles.`);
  const member = memberId === null ? undefined : model.member(memberId);
  if (memberId !== null && (!member || !isActive(member))) return reject('Choose a member of the workspace.');
  const team = { ...client.team };
  if (memberId === null) delete team[roleId];
  else team[roleId] = memberId;
  const role = roleName(roles, roleId);
  const what = member ? `${actor.name} made ${member.name} the client’s ${role.toLowerCase()}` : `${actor.name} left the client’s ${role.toLowerCase()} role empty`;
  return { ok: true, duplicate: false, changes: [{ store: 'clients', value: { ...client, team, updatedAt: event.at } }, entry(event, client.id, what)] };
}

/** Rules live in the workspace record; only admins change them. */
export function ruleChanged(model: ReadModel, event: Of<'rule.saved' | 'rule.deleted'>, actor: Member): Decision {
  if (actor.role !== 'admin') return reject('Only an admin can change workflow rules.');
  const workspace = model.workspace()!;
  const rules = workspace.rules ?? [];
  if (event.type === 'rule.deleted') {
    if (!rules.some((r) => r.id === event.entity.id)) return reject('Unknown rule.');
    return { ok: true, duplicate: false, changes: [{ store: 'workspace', value: { ...workspace, rules: rules.filter((r) => r.id !== event.entity.id) } }] };
  }
  const { rule } = event.payload;
  if (rule.id !== event.entity.id) return reject('The rule does not match the event.');
  if (!model.template(rule.start.templateId)) return reject(`Unknown template ${rule.start.templateId}.`);
  if (rule.clientId && !model.client(rule.clientId)) return reject('Unknown client.');
  const roles = teamRoles(workspace);
  for (const party of [rule.start.sender, rule.start.receiver, ...rule.start.watchers]) {
    if ('role' in party && !roles.some((r) => r.id === party.role)) return reject(`“${party.role}” is not one of the workspace’s roles.`);
    if ('memberId' in party && !model.member(party.memberId)) return reject('A rule names only members of the workspace.');
  }
  const next = rules.some((r) => r.id === rule.id) ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule];
  if (next.length > 200) return reject('A workspace keeps at most 200 rules.');
  return { ok: true, duplicate: false, changes: [{ store: 'workspace', value: { ...workspace, rules: next } }] };
}

/** Anyone on the team may watch a handoff, or stop; watching twice changes nothing. */
export function watchChanged(model: ReadModel, event: Of<'handoff.watched' | 'handoff.unwatched'>, actor: Member): Decision {
  const handoff = model.handoff(event.entity.id);
  if (!handoff) return reject('Unknown handoff.');
  const watchers = handoff.watcherIds ?? [];
  const watching = event.type === 'handoff.watched';
  if (watchers.includes(actor.id) === watching) return { ok: true, duplicate: false, changes: [] };
  if (watching && watchers.length >= 100) return reject('A handoff has at most 100 watchers.');
  const watcherIds = watching ? [...watchers, actor.id] : watchers.filter((id) => id !== actor.id);
  return { ok: true, duplicate: false, changes: [{ store: 'handoffs', value: { ...handoff, watcherIds, updatedAt: event.at } }] };
}

/**
 * A draft a rule started: the rule exists, the draft is of the rule's template and for a client in
 * its scope, a handoff named as the source is one of the workspace's, and the event's ids are the
 * ones its source key gives, so the same source event can start it only once (the log refuses an id
 * twice). On a hub only the hub itself appends one (server/store.ts refuses a member's push of it).
 */
export function checkStartedBy(model: ReadModel, event: Of<'handoff.created'>): string | null {
  const startedBy = event.payload.startedBy;
  if (!startedBy) return null;
  const rule = model.workspace()?.rules?.find((r) => r.id === startedBy.ruleId);
  if (!rule) return 'Unknown rule.';
  if (event.payload.templateId !== rule.start.templateId) return 'A rule’s draft is of the template the rule starts.';
  if (rule.clientId && rule.clientId !== event.payload.clientId) return 'A rule’s draft is for a client the rule covers.';
  const sourceId = sourceHandoffIdOf(startedBy.trigger.key);
  if (sourceId !== undefined) {
    const source = model.handoff(sourceId);
    if (!source) return 'A rule’s draft comes from a handoff of the workspace.';
    if (source.clientId !== event.payload.clientId) return 'A rule’s draft is for the client of the handoff it comes from.';
  }
  const ids = ruleEventIds(startedBy.ruleId, startedBy.trigger.key);
  return ids.eventId === event.id && ids.handoffId === event.entity.id ? null : 'A rule’s draft carries the ids its source event gives.';
}
