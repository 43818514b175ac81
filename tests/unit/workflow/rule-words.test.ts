import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';
import type { Rule } from '../../../lib/model/rule';
import { unfilledRoles, unfilledRolesSentence, type RuleWordsContext } from '../../../lib/workflow/rule-words';

const ctx: RuleWordsContext = {
  roles: DEFAULT_TEAM_ROLES,
  templates: [],
  members: [{ id: 'm-sara', name: 'Sara' }, { id: 'm-cole', name: 'Cole' }],
  clients: [
    { id: 'c-north', name: 'Northwind', team: { strategist: 'm-sara', creative: 'm-cole' } },
    { id: 'c-harbor', name: 'Harbor & Pine', team: { strategist: 'm-sara' } },
  ],
};

const start = (watchers: Rule['start']['watchers']): Pick<Rule, 'clientId' | 'start'> => ({
  start: { templateId: 'brief-to-creative', sender: { role: 'strategist' }, receiver: { role: 'creative' }, watchers, prefill: {} },
});

describe('unfilledRoles', () => {
  it('a watcher role nobody holds does not make the rule start nothing', () => {
    expect(unfilledRoles({ ...start([{ role: 'analyst' }]), clientId: 'c-north' }, ctx)).toEqual([]);
  });

  it('a receiver role nobody holds does, on those clients only', () => {
    const gaps = unfilledRoles(start([{ role: 'analyst' }]), ctx);
    expect(gaps).toEqual([{ role: 'Creative', clients: ['Harbor & Pine'] }]);
    expect(unfilledRolesSentence(gaps)).toEqual(['Nobody is the creative on Harbor & Pine yet: the rule starts nothing for that client until someone is.']);
  });
});
