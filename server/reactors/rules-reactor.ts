import { dueDateTriggers, ruleTemplateIds } from '../../lib/workflow/rule-due';
import type { RuleTrigger } from '../../lib/workflow/rule-engine';
import { fireRules } from './fire-rules';
import type { Reactor, ReactorContext } from './reactor';

/**
 * Baton's own triggers on the hub: each appended `handoff.confirmed` fires the chain rules of its
 * template; each tick fires the date rules whose date field a confirmed handoff reached. A date
 * trigger is looked at again on every tick (the drafts' derived ids make that harmless); a rule that
 * starts nothing is logged once per source and reason, not every tick.
 */
export function rulesReactor(): Reactor {
  const told = new Set<string>();
  return {
    name: 'rules',
    async handle(ctx, { workspaceId, event }) {
      if (event.type !== 'handoff.confirmed') return;
      const handoff = await ctx.store.withModel(workspaceId, (model) => {
        const found = model.handoff(event.entity.id);
        return found && ruleTemplateIds(model.workspace()?.rules, 'handoff.confirmed').has(found.templateId) ? found : undefined;
      });
      if (handoff) await fireRules(ctx, workspaceId, { kind: 'handoff.confirmed', handoff });
    },
    async tick(ctx, workspaceId) {
      const now = ctx.now();
      // Only the handoffs of templates a date rule names are looked at.
      const due = await ctx.store.withModel(workspaceId, (model) => {
        const rules = model.workspace()?.rules;
        const templates = ruleTemplateIds(rules, 'date.reached');
        if (templates.size === 0) return [];
        return dueDateTriggers(rules, [...model.handoffs.values()].filter((h) => templates.has(h.templateId)), now);
      });
      for (const trigger of due) await fireQuietly(ctx, workspaceId, trigger, told);
    },
  };
}

/** Fires a trigger that recurs every tick: a skip is logged the first time only. */
async function fireQuietly(ctx: ReactorContext, workspaceId: string, trigger: RuleTrigger, told: Set<string>): Promise<void> {
  const quiet: ReactorContext = {
    ...ctx,
    log(entry) {
      const key = `${workspaceId}\u0000${JSON.stringify(entry)}`;
      if (told.has(key)) return;
      if (told.size > 10_000) told.clear();
      told.add(key);
      ctx.log(entry);
    },
  };
  await fireRules(quiet, workspaceId, trigger);
}
