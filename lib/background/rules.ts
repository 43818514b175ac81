// Workflow rules as admins keep them (Settings → Workflow): every change is a `rule.saved` or
// `rule.deleted` event by the admin, judged by the reducer like everything else in the log.
import { getMeta } from '../db/meta';
import { makeEvent } from '../events/make-event';
import { isActive } from '../model/member';
import { newId } from '../model/common';
import type { Rule } from '../model/rule';
import { teamRoles } from '../model/team';
import type { RuleInput } from '../workflow/rule-draft';
import type { RuleWordsContext } from '../workflow/rule-words';
import { append } from './append';
import { CommandError } from './command-error';
import { allTemplates } from './templates';
import { newestVersions } from '../templates';
import type { Session } from './workspace';

/** What the rules editor shows: the rules, and the roles, templates, people and clients they name. */
export interface RulesOverview extends RuleWordsContext {
  rules: Rule[];
}

export async function rulesOverview(session: Session): Promise<RulesOverview> {
  const { db } = session;
  const workspace = (await getMeta(db, 'workspace')) ?? session.workspace;
  const templates = newestVersions(await allTemplates(db)).map(({ id, name, fields }) => ({ id, name, fields: fields.map(({ id: fieldId, label, type }) => ({ id: fieldId, label, type })) }));
  const members = (await db.getAll('members')).filter(isActive).map(({ id, name }) => ({ id, name }));
  const clients = (await db.getAll('clients')).filter((c) => !c.archived).map(({ id, name, team }) => ({ id, name, ...(team ? { team } : {}) }));
  return { rules: workspace.rules ?? [], roles: [...teamRoles(workspace)], templates, members, clients };
}

async function savedRule(session: Session, id: string): Promise<Rule> {
  const rule = ((await getMeta(session.db, 'workspace'))?.rules ?? []).find((r) => r.id === id);
  if (!rule) throw new CommandError('That rule is no longer there: another admin may have deleted it.', 'not-found');
  return rule;
}

function assertAdmin(session: Session): void {
  if (session.me.role !== 'admin') throw new CommandError('Only an admin can change workflow rules.', 'forbidden');
}

/**
 * Since when the rule, as it will be, fires: now when it is new, turned back on, or listens to
 * something else (its trigger or the template it starts changed); otherwise as before. The engine
 * measures the past from it, so none of these replays what happened before.
 */
export function nextActiveSince(before: Rule | undefined, next: Pick<Rule, 'enabled' | 'trigger' | 'start'>, at: string): string {
  if (!before) return at;
  const since = before.activeSince ?? before.createdAt;
  const listensElsewhere = JSON.stringify(before.trigger) !== JSON.stringify(next.trigger) || before.start.templateId !== next.start.templateId;
  return (next.enabled && !before.enabled) || listensElsewhere ? at : since;
}

/** A new rule, or a new version of one (keeping when it was made). */
export async function saveRule(session: Session, input: RuleInput, now: Date): Promise<Rule> {
  assertAdmin(session);
  const at = now.toISOString();
  const before = input.id ? await savedRule(session, input.id) : undefined;
  const rule: Rule = { ...input, id: before?.id ?? newId(), createdAt: before?.createdAt ?? at, activeSince: nextActiveSince(before, input, at), updatedAt: at };
  await append(session, makeEvent('rule.saved', session.me.id, rule.id, { rule }, { at }));
  return rule;
}

export async function toggleRule(session: Session, id: string, enabled: boolean, now: Date): Promise<Rule> {
  assertAdmin(session);
  const at = now.toISOString();
  const before = await savedRule(session, id);
  const rule: Rule = { ...before, enabled, activeSince: nextActiveSince(before, { ...before, enabled }, at), updatedAt: at };
  await append(session, makeEvent('rule.saved', session.me.id, rule.id, { rule }, { at }));
  return rule;
}

export async function deleteRule(session: Session, id: string): Promise<{ deleted: string }> {
  assertAdmin(session);
  await savedRule(session, id);
  await append(session, makeEvent('rule.deleted', session.me.id, id, {}));
  return { deleted: id };
}
