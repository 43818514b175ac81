// Workflow rules (Settings → Workflow): admins add, change, turn off and delete them; everyone reads them.
import { IdSchema } from '../../model/common';
import { RuleSchema } from '../../model/rule';
import { z } from '../../model/zod';
import { deleteRule, rulesOverview, saveRule, toggleRule, type RulesOverview } from '../rules';
import { CHANGE, NO_FIELDS, PAGES, defineCommand, returns, type Effect } from './define';
import type { Rule } from '../../model/rule';

/** Rules live in the workspace record: the session reads it again after a change. */
const RULE_CHANGE: readonly Effect[] = [...CHANGE, 'refresh-session'];

/** A rule as the form sends it: without its timestamps, and without an id when it is new. */
const RuleInputSchema = RuleSchema.omit({ id: true, createdAt: true, activeSince: true, updatedAt: true }).extend({ id: IdSchema.optional() });

export const ruleCommands = [
  defineCommand({
    type: 'rules/list', schema: NO_FIELDS, from: PAGES, kind: 'read', effects: [], response: returns<RulesOverview>(),
    handle: async (_request, { session }) => rulesOverview(await session()),
  }),
  defineCommand({
    type: 'rule/save', schema: z.object({ rule: RuleInputSchema }), from: PAGES, kind: 'write', effects: RULE_CHANGE, response: returns<Rule>(),
    handle: async ({ rule }, { session, now }) => saveRule(await session(), rule, now()),
  }),
  defineCommand({
    type: 'rule/toggle', schema: z.object({ id: IdSchema, enabled: z.boolean() }), from: PAGES, kind: 'write', effects: RULE_CHANGE, response: returns<Rule>(),
    handle: async ({ id, enabled }, { session, now }) => toggleRule(await session(), id, enabled, now()),
  }),
  defineCommand({
    type: 'rule/delete', schema: z.object({ id: IdSchema }), from: PAGES, kind: 'write', effects: RULE_CHANGE, response: returns<{ deleted: string }>(),
    handle: async ({ id }, { session }) => deleteRule(await session(), id),
  }),
] as const;
