import { dueDateTriggers, ruleTemplateIds } from '../../lib/workflow/rule-due';
import { startsFor, type RuleTrigger } from '../../lib/workflow/rule-engine';
import { fireRules } from './fire-rules';
import type { Reactor, ReactorContext } from './reactor';

/**
 * Baton's own triggers on the hub: each appended `handoff.confirmed` fires the chain rules of its
 * template; each tick fires the date rules whose date field a confirmed handoff reached. A date
 * trigger whose draft is already in the log is not fired again; a rule that starts nothing is logged
 * once per source and reason, not every tick.
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
      // One look at the model for the whole tick: only the handoffs of templates a date rule names,
      // and of their due triggers only those that still start a draft (one already in the log, by
      // its id, is not started again) or have a rule to say why it starts nothing.
      const due = await ctx.store.withModel(workspaceId, (model) => {
        const rules = model.workspace()?.rules;
        const templates = ruleTemplateIds(rules, 'date.reached');
        if (templates.size === 0) return [];
        const triggers = dueDateTriggers(rules, [...model.handoffs.values()].filter((h) => templates.has(h.templateId)), now);
        return triggers.filter((trigger) => {
          const starts = startsFor(model, trigger, now);
          return starts.events.length > 0 || starts.skipped.length > 0;
        });
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
