import { startsFor, type RuleTrigger } from '../../lib/workflow/rule-engine';
import type { ReactorContext } from './reactor';

export interface FiredRules {
  /** The drafts appended now (handoff ids). A draft already in the log is not among them: it started before. */
  started: string[];
  /** Rules that matched but started nothing, with why (a role nobody holds on the client's team…). */
  skipped: { ruleId: string; reason: string }[];
}

/**
 * Runs the workspace's rules on one trigger and appends the drafts they start, each as its sender,
 * judged by the same reducer as every event. The drafts' ids come from the rule and the trigger's key,
 * so the hub and a browser (or a webhook and the poll) firing on the same source start one draft: a
 * duplicate answer means it fired already and is not an error. Each skipped rule is logged with why.
 */
export async function fireRules(ctx: ReactorContext, workspaceId: string, trigger: RuleTrigger): Promise<FiredRules> {
  const { events, skipped } = await ctx.store.withModel(workspaceId, (model) => startsFor(model, trigger, ctx.now()));
  const fired: FiredRules = { started: [], skipped: [...skipped] };
  for (const event of events) {
    const [result] = await ctx.appendAs(workspaceId, event.actor, [event]);
    if (result?.status === 'accepted') fired.started.push(event.entity.id);
    else if (result?.status === 'rejected') fired.skipped.push({ ruleId: event.payload.startedBy!.ruleId, reason: `The hub refused the draft: ${result.reason}` });
  }
  for (const skip of fired.skipped) ctx.log({ level: 'warn', msg: 'rule started nothing', workspaceId, ruleId: skip.ruleId, trigger: trigger.kind, reason: skip.reason });
  if (fired.started.length > 0) ctx.log({ level: 'info', msg: 'rules started drafts', workspaceId, trigger: trigger.kind, handoffIds: fired.started });
  return fired;
}
