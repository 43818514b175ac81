/**
 * The ids of the draft a rule starts for one source event: the same rule and source key give the same
 * ids wherever they are computed (the hub, a browser working alone), so the log's idempotency by event
 * id is what makes a rule never fire twice for the same source event. Pure and synchronous (two
 * 64-bit-ish FNV-1a passes in hex), so it runs in the service worker and in Node alike.
 */
export function ruleEventIds(ruleId: string, key: string): { eventId: string; handoffId: string } {
  const digest = fnv1a(`${ruleId}\u0000${key}`, 0x811c9dc5) + fnv1a(`${key}\u0000${ruleId}`, 0x01000193);
  return { eventId: `rule-${digest}`, handoffId: `ruled-${digest}` };
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let second = (hash ^ 0x9e3779b9) >>> 0;
  for (let i = text.length - 1; i >= 0; i--) {
    second ^= text.charCodeAt(i);
    second = Math.imul(second, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}

/**
 * The handoff a Baton trigger's key names as its source (`handoff:<id>:confirmed`, `date:<id>:<fieldId>`),
 * or undefined for another kind of key (an Asana task's).
 */
export function sourceHandoffIdOf(key: string): string | undefined {
  const confirmed = /^handoff:(.+):confirmed$/.exec(key);
  if (confirmed) return confirmed[1];
  const dated = /^date:(.+):[^:]+$/.exec(key);
  return dated?.[1];
}
