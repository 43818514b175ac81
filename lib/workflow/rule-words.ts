// What people read of a workflow rule: one plain sentence per rule ("When a task moves to “Ready for
// creative” → start Brief → creative from the client's strategist to the client's creative"), its scope,
// and which clients have nobody in a role it names. Pure: the settings page and the panel share it.
import type { Party, Rule, RuleTriggerKind, RuleTriggerSpec } from '../model/rule';
import { roleName, type ClientTeam, type TeamRole } from '../model/team';

/** What the words need to name things: the workspace's roles, templates, people and clients. */
export interface RuleWordsContext {
  roles: readonly TeamRole[];
  templates: readonly { id: string; name: string; fields: readonly { id: string; label: string; type: string }[] }[];
  members: readonly { id: string; name: string }[];
  clients: readonly { id: string; name: string; team?: ClientTeam }[];
}

/** The triggers, in the order the form offers them, with the words it offers them in. */
export const TRIGGER_KINDS: readonly { kind: RuleTriggerKind; label: string }[] = [
  { kind: 'asana.section', label: 'An Asana task moves to a section' },
  { kind: 'asana.custom_field', label: 'An Asana custom field takes a value' },
  { kind: 'asana.completed', label: 'An Asana task is completed' },
  { kind: 'handoff.confirmed', label: 'A handoff is confirmed' },
  { kind: 'date.reached', label: 'A date in a handoff is reached' },
];

export const isAsanaTrigger = (kind: RuleTriggerKind): boolean => kind.startsWith('asana.');
/** Chains: the trigger's source is a handoff, whose fields a rule can copy and whose date it can be due on. */
export const isHandoffTrigger = (kind: RuleTriggerKind): boolean => kind === 'handoff.confirmed' || kind === 'date.reached';

const quoted = (text: string) => `“${text}”`;

export function templateName(ctx: RuleWordsContext, templateId: string): string {
  return ctx.templates.find((t) => t.id === templateId)?.name ?? 'a template no longer there';
}

function fieldLabel(ctx: RuleWordsContext, templateId: string, fieldId: string): string {
  return ctx.templates.find((t) => t.id === templateId)?.fields.find((f) => f.id === fieldId)?.label ?? fieldId.replace(/_/g, ' ');
}

/** "When a task moves to “Ready for creative”". */
export function triggerWords(trigger: RuleTriggerSpec, ctx: RuleWordsContext): string {
  switch (trigger.kind) {
    case 'asana.section':
      return `When a task moves to ${quoted(trigger.sectionName)}`;
    case 'asana.custom_field':
      return `When a task’s ${quoted(trigger.fieldName)} becomes ${quoted(trigger.value)}`;
    case 'asana.completed':
      return 'When a task is completed';
    case 'handoff.confirmed':
      return `When a ${templateName(ctx, trigger.templateId)} handoff is confirmed`;
    case 'date.reached':
      return `When the ${fieldLabel(ctx, trigger.templateId, trigger.fieldId)} of a confirmed ${templateName(ctx, trigger.templateId)} handoff is reached`;
  }
}

/** "the client's strategist", or the person's name. */
export function partyWords(party: Party, ctx: RuleWordsContext): string {
  if ('role' in party) return `the client’s ${roleName(ctx.roles, party.role).toLowerCase()}`;
  return ctx.members.find((m) => m.id === party.memberId)?.name ?? 'someone no longer on the team';
}

/** The rule as one sentence: its trigger, then what it starts, from whom to whom. */
export function ruleSentence(rule: Pick<Rule, 'trigger' | 'start'>, ctx: RuleWordsContext): string {
  const { start } = rule;
  return `${triggerWords(rule.trigger, ctx)} → start ${templateName(ctx, start.templateId)} from ${partyWords(start.sender, ctx)} to ${partyWords(start.receiver, ctx)}`;
}

export function clientScope(rule: Pick<Rule, 'clientId'>, ctx: RuleWordsContext): string {
  if (!rule.clientId) return 'Every client';
  return ctx.clients.find((c) => c.id === rule.clientId)?.name ?? 'A client no longer there';
}

/**
 * The sender and receiver roles a rule names that nobody holds on some client in its scope, and those
 * clients: allowed (a team fills up later), but the rule starts nothing for them until someone holds
 * the role. A watcher role nobody holds does not stop it (the draft just has one watcher fewer).
 */
export function unfilledRoles(rule: Pick<Rule, 'clientId' | 'start'>, ctx: RuleWordsContext): { role: string; clients: string[] }[] {
  const clients = rule.clientId ? ctx.clients.filter((c) => c.id === rule.clientId) : ctx.clients;
  const roleIds = [rule.start.sender, rule.start.receiver].flatMap((p) => ('role' in p ? [p.role] : []));
  return [...new Set(roleIds)].flatMap((roleId) => {
    const without = clients.filter((c) => !c.team?.[roleId]).map((c) => c.name);
    return without.length > 0 ? [{ role: roleName(ctx.roles, roleId), clients: without }] : [];
  });
}

/** "Nobody is the client’s creative on Northwind, Harbor & Pine: the rule starts nothing for them until someone is." */
export function unfilledRolesSentence(gaps: readonly { role: string; clients: readonly string[] }[]): string[] {
  return gaps.map(({ role, clients }) => {
    const shown = clients.length > 5 ? `${clients.slice(0, 5).join(', ')} and ${clients.length - 5} more` : clients.join(', ');
    return `Nobody is the ${role.toLowerCase()} on ${shown} yet: the rule starts nothing for ${clients.length === 1 ? 'that client' : 'those clients'} until someone is.`;
  });
}
