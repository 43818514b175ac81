import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../lib/demo';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import type { Member, Workspace } from '../../../lib/model/member';
import { DEFAULT_RULE_IDS, defaultRules } from '../../../lib/workflow/default-rules';

// The demo agency has the two rules a new agency gets; loaded into a workspace that has them already
// (a new local one does), it leaves them as they are (perhaps turned off since).

const ME: Member = { id: 'me-1', name: 'You', email: 'you@baton.local', role: 'admin' };
const WORKSPACE: Workspace = { id: 'ws-1', name: 'My agency', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: '2026-09-01T08:00:00.000Z' };
const NOW = new Date('2026-11-24T09:00:00.000Z');
const founded = makeEvent('workspace.created', ME.id, WORKSPACE.id, { workspace: { id: WORKSPACE.id, name: WORKSPACE.name }, admin: ME }, { at: WORKSPACE.createdAt });

describe('the demo agency’s rules', () => {
  it('are the two default rules, on, saved as the demo loads', () => {
    const { model, rejected } = replay([founded, ...buildDemo(ME, WORKSPACE, NOW)]);
    expect(rejected).toEqual([]);
    expect(model.workspace()!.rules!.map((r) => [r.id, r.enabled, r.createdAt])).toEqual([
      [DEFAULT_RULE_IDS.launchAfterMedia, true, NOW.toISOString()],
      [DEFAULT_RULE_IDS.briefOnReady, true, NOW.toISOString()],
    ]);
  });

  it('leave a workspace’s own copies of them alone', () => {
    const mine = defaultRules('2026-09-01T08:00:00.000Z').map((r) => ({ ...r, enabled: false }));
    const events = buildDemo(ME, { ...WORKSPACE, rules: mine }, NOW);
    expect(events.filter((e) => e.type === 'rule.saved')).toEqual([]);
  });
});
