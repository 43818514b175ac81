import { makeEvent } from '../events/make-event';
import type { BatonEvent } from '../model/event';
import type { Member, Workspace } from '../model/member';
import { defaultRules } from '../workflow/default-rules';

/**
 * The demo agency's workflow rules: the two a new agency gets, saved as the demo loads (so they do not
 * reach back to the demo's past confirmations). A rule the workspace has already (the defaults of a
 * new local workspace, perhaps edited or turned off since) is left as it is.
 */
export function demoRules(me: Member, workspace: Workspace, now: Date): BatonEvent[] {
  const have = new Set((workspace.rules ?? []).map((r) => r.id));
  return defaultRules(now.toISOString())
    .filter((rule) => !have.has(rule.id))
    .map((rule) => makeEvent('rule.saved', me.id, rule.id, { rule }, { id: `demo-rule-${rule.id}`, at: now }));
}
