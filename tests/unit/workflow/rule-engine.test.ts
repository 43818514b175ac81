import { describe, expect, it } from 'vitest';
import type { AsanaTaskFacts, RuleTrigger } from '../../../lib/workflow/rule-engine';
import { startsFor } from '../../../lib/workflow/rule-engine';
import { dueDateTriggers } from '../../../lib/workflow/rule-due';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { defaultRules } from '../../../lib/workflow/default-rules';
import { ADA, agency, apply, BRIGHTWATER, CAST, confirmedStrategy, ev, NORTHWIND, rule, saveRule, T0 } from './rule-fixture';

const NOW = T0 + 3 * 3600_000;
const task: AsanaTaskFacts = {
  gid: '1201',
  name: 'Spring launch visuals',
  url: 'https://app.asana.com/0/900/1201',
  notes: 'Six visuals for the spring range.',
  dueOn: '2026-03-20',
  projectGids: ['900'],
  sectionNames: ['Ready for creative'],
};
const section = (clientId: string, sectionName = 'Ready for creative'): RuleTrigger => ({
  kind: 'asana.section', clientId, task, sectionGid: '77', sectionName, key: `asana:1201:section:77:2026-03-02T10:00:00.000Z`, label: `Task “Spring launch visuals” moved to ${sectionName}`,
});
const briefRule = (over: Parameters<typeof rule>[0] = {}) =>
  rule({ id: 'r-brief', name: 'Brief on ready', trigger: { kind: 'asana.section', sectionName: '  ready FOR creative ' }, ...over, start: { templateId: 'brief-to-creative', sender: { role: 'strategist' }, receiver: { role: 'creative' }, ...over.start } });

describe('the rule engine', () => {
  it('chains: strategy → media buying confirmed drafts launch → reporting for the media buyer to the analyst, due at the launch date', () => {
    const model = agency();
    saveRule(model, rule({ start: { dueFromFieldId: 'flight_start', prefill: { kpi_targets: { from: 'field', fieldId: 'kpi_targets' } } } }));
    const source = confirmedStrategy(model);
    const { events, skipped } = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW);
    expect(skipped).toEqual([]);
    expect(events).toHaveLength(1);
    const [draft] = events;
    const ids = ruleEventIds('r-chain', 'handoff:h-strategy:confirmed');
    expect(draft).toMatchObject({ id: ids.eventId, entity: { kind: 'handoff', id: ids.handoffId }, actor: CAST.mo.id, at: new Date(NOW).toISOString() });
    expect(draft!.payload).toMatchObject({
      clientId: NORTHWIND, templateId: 'launch-to-reporting', receiverId: CAST.ana.id, dueBy: '2026-03-12T23:59:59.999Z',
      title: 'Launch → reporting: Spring launch', watcherIds: [CAST.abe.id], fields: { kpi_targets: source.fields.kpi_targets },
      startedBy: { ruleId: 'r-chain', ruleName: 'Launch → reporting after media buying', trigger: { kind: 'handoff.confirmed', key: 'handoff:h-strategy:confirmed', label: '“Strategy → media buying: Spring launch” was confirmed' } },
    });
    // The reducer takes it: a draft for Mo, awaiting him, with its rule.
    apply(model, draft!);
    expect(model.handoff(ids.handoffId)).toMatchObject({ state: 'draft', senderId: CAST.mo.id, receiverId: CAST.ana.id, startedBy: { ruleId: 'r-chain' } });
    // Once in the log, the same source starts nothing again.
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW + 1000).events).toEqual([]);
  });

  it('asks only enabled rules of the trigger’s kind, template and client', () => {
    const model = agency();
    saveRule(model, rule({ id: 'r-off', enabled: false }));
    saveRule(model, rule({ id: 'r-other-template', trigger: { kind: 'handoff.confirmed', templateId: 'sales-to-am' } }));
    saveRule(model, rule({ id: 'r-brightwater', clientId: BRIGHTWATER }));
    saveRule(model, rule({ id: 'r-northwind', clientId: NORTHWIND }));
    const source = confirmedStrategy(model);
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).events.map((e) => e.payload.startedBy?.ruleId)).toEqual(['r-northwind']);
  });

  it('matches an Asana section by name trimmed and in any case, with the task’s facts typed for each field', () => {
    const model = agency();
    saveRule(model, briefRule({ start: { prefill: { objective: { from: 'task.notes' }, deadline: { from: 'task.due_on' }, references: { from: 'task.url' }, tone_of_voice: { from: 'task.url' }, walkthrough: { from: 'task.name' }, approvers: { text: 'Maya' }, audience: { text: 'Past buyers' } } } }));
    expect(startsFor(model, section(NORTHWIND, 'Ready for review'), NOW).events).toEqual([]);
    const { events } = startsFor(model, section(NORTHWIND, 'READY for Creative'), NOW);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toBe(CAST.sara.id);
    expect(events[0]!.payload).toMatchObject({
      title: 'Brief → creative: Spring launch visuals', receiverId: CAST.cam.id,
      sources: { asanaTask: { id: '1201', name: 'Spring launch visuals', url: task.url } },
      startedBy: { trigger: { kind: 'asana.section', key: 'asana:1201:section:77:2026-03-02T10:00:00.000Z', label: 'Task “Spring launch visuals” moved to READY for Creative', url: task.url } },
    });
    // A date from due_on, a link and a one-item list from the URL, text as text; a task name in a
    // date field and text in a people field do not fit and are left out, the rest still goes.
    expect(events[0]!.payload.fields).toEqual({ objective: task.notes, deadline: '2026-03-20', references: [task.url], tone_of_voice: task.url, audience: 'Past buyers' });
    expect(events[0]!.payload.dueBy).toBeUndefined();
  });

  it('matches a custom field by name and value in any case, and a completed task', () => {
    const model = agency();
    saveRule(model, briefRule({ id: 'r-status', trigger: { kind: 'asana.custom_field', fieldName: 'Status', value: 'Ready' } }));
    saveRule(model, briefRule({ id: 'r-done', trigger: { kind: 'asana.completed' } }));
    const base = { clientId: NORTHWIND, task, label: 'Task changed' };
    const field = (fieldName: string, value: string): RuleTrigger => ({ kind: 'asana.custom_field', ...base, key: `asana:1201:field:5:${value}`, fieldGid: '5', fieldName, value });
    expect(startsFor(model, field(' status', 'READY '), NOW).events.map((e) => e.payload.startedBy?.ruleId)).toEqual(['r-status']);
    expect(startsFor(model, field('Status', 'Blocked'), NOW).events).toEqual([]);
    expect(startsFor(model, field('Priority', 'Ready'), NOW).events).toEqual([]);
    expect(startsFor(model, { kind: 'asana.completed', ...base, key: 'asana:1201:completed:x' }, NOW).events.map((e) => e.payload.startedBy?.ruleId)).toEqual(['r-done']);
  });

  it('starts nothing for a role nobody holds, and says so in words', () => {
    const model = agency();
    saveRule(model, rule());
    // Confirming made Mo Brightwater's media buyer (the handover); nobody is its analyst yet.
    const source = confirmedStrategy(model, 'h-bw', BRIGHTWATER);
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW)).toEqual({
      events: [], skipped: [{ ruleId: 'r-chain', reason: 'Brightwater has no analyst on its team: nobody to receive it' }],
    });
    apply(model, ev('client.team_set', ADA.id, BRIGHTWATER, { roleId: 'media_buyer', memberId: null }));
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).skipped[0]?.reason).toBe('Brightwater has no media buyer on its team: nobody to start the draft');
  });

  it('resolves named members, refuses a removed one and a sender who would receive', () => {
    const model = agency();
    saveRule(model, rule({ start: { sender: { memberId: CAST.sara.id }, receiver: { role: 'strategist' } } }));
    const source = confirmedStrategy(model);
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).skipped[0]?.reason).toBe('Sara Strategist would be both sender and receiver: nobody hands off to themselves');
    saveRule(model, rule({ start: { sender: { memberId: CAST.sara.id }, receiver: { role: 'analyst' } } }));
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).events[0]).toMatchObject({ actor: CAST.sara.id, payload: { receiverId: CAST.ana.id } });
    apply(model, ev('member.removed', ADA.id, CAST.ana.id, {}));
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).skipped[0]?.reason).toBe('Ana Analyst, Northwind’s analyst, is no longer on the team: nobody to receive it');
  });

  it('gathers watchers from the template’s roles and the rule’s, without sender, receiver or repeats', () => {
    const model = agency();
    saveRule(model, rule({ start: { watchers: [{ role: 'account_manager' }, { memberId: CAST.cam.id }, { role: 'analyst' }, { role: 'sales' }, { memberId: CAST.mo.id }] } }));
    const source = confirmedStrategy(model);
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).events[0]!.payload.watcherIds).toEqual([CAST.abe.id, CAST.cam.id]);
  });

  it('fires date rules once the day of a confirmed handoff’s date field has begun', () => {
    const model = agency();
    const dated = rule({ id: 'r-date', trigger: { kind: 'date.reached', templateId: 'strategy-to-media', fieldId: 'flight_start' }, start: { dueFromFieldId: 'flight_end' } });
    saveRule(model, dated);
    const source = confirmedStrategy(model, 'h-strategy', NORTHWIND, { flight_end: '2026-04-30' });
    const rules = model.workspace()!.rules;
    expect(dueDateTriggers(rules, model.handoffs.values(), Date.parse('2026-03-11T23:00:00Z'))).toEqual([]);
    const due = dueDateTriggers(rules, model.handoffs.values(), Date.parse('2026-03-12T00:00:01Z'));
    expect(due).toEqual([{ kind: 'date.reached', handoff: source, fieldId: 'flight_start' }]);
    const { events } = startsFor(model, due[0]!, NOW);
    expect(events[0]!.payload).toMatchObject({ dueBy: '2026-04-30T23:59:59.999Z', startedBy: { trigger: { key: 'date:h-strategy:flight_start', label: 'Launch date of “Strategy → media buying: Spring launch” reached (2026-03-12)' } } });
    expect(events[0]!.id).toBe(ruleEventIds('r-date', 'date:h-strategy:flight_start').eventId);
  });

  it('does not reach back: a rule saved after a confirmation, or after a date passed, starts nothing for it', () => {
    const model = agency();
    const source = confirmedStrategy(model, 'h-strategy', NORTHWIND, { flight_start: '2026-01-05' });
    const later = new Date(T0 + 24 * 3600_000).toISOString();
    saveRule(model, rule({ createdAt: later, updatedAt: later }));
    saveRule(model, rule({ id: 'r-date', trigger: { kind: 'date.reached', templateId: 'strategy-to-media', fieldId: 'flight_start' }, createdAt: later, updatedAt: later }));
    expect(startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).events).toEqual([]);
    expect(dueDateTriggers(model.workspace()!.rules, model.handoffs.values(), Date.parse('2026-06-01T00:00:00Z'))).toEqual([]);
  });

  it('the default rules start the chain and the brief', () => {
    const model = agency();
    for (const r of defaultRules(new Date(T0).toISOString())) saveRule(model, r);
    const source = confirmedStrategy(model);
    const chain = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, NOW).events[0]!;
    expect(chain).toMatchObject({ actor: CAST.mo.id, payload: { templateId: 'launch-to-reporting', receiverId: CAST.ana.id, dueBy: '2026-03-12T23:59:59.999Z', fields: { kpi_targets: source.fields.kpi_targets } } });
    const brief = startsFor(model, section(NORTHWIND), NOW).events[0]!;
    expect(brief).toMatchObject({ actor: CAST.sara.id, payload: { templateId: 'brief-to-creative', receiverId: CAST.cam.id, fields: { objective: task.notes, deadline: '2026-03-20', references: [task.url] } } });
    apply(model, chain, brief);
  });
});
