import { describe, expect, it } from 'vitest';
import { startsFor } from '../../../lib/workflow/rule-engine';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { ADA, agency, BRIGHTWATER, CAST, confirmedStrategy, ev, NORTHWIND, rule, saveRule, T0 } from './rule-fixture';

// The reducer's side of rules: only admins change them, a rule names only what the workspace has,
// and a rule's draft carries the ids its source gives, so one source event starts one draft.

describe('rule.saved and rule.deleted', () => {
  it('are for admins only', () => {
    const model = agency();
    const refused = model.apply(ev('rule.saved', CAST.sara.id, 'r-chain', { rule: rule() }));
    expect(refused).toMatchObject({ ok: false, problem: { message: 'Only an admin can change workflow rules.' } });
    expect(model.workspace()!.rules).toBeUndefined();
    saveRule(model, rule());
    expect(model.apply(ev('rule.deleted', CAST.sara.id, 'r-chain', {}))).toMatchObject({ ok: false });
    expect(model.apply(ev('rule.deleted', ADA.id, 'r-chain', {}))).toMatchObject({ ok: true });
    expect(model.workspace()!.rules).toEqual([]);
    expect(model.apply(ev('rule.deleted', ADA.id, 'r-chain', {}))).toMatchObject({ ok: false, problem: { message: 'Unknown rule.' } });
  });

  it('refuse an unknown template, role or member, and save over the same id', () => {
    const model = agency();
    const tryRule = (r: ReturnType<typeof rule>) => model.apply(ev('rule.saved', ADA.id, r.id, { rule: r }));
    expect(tryRule(rule({ start: { templateId: 'no-such-template' } }))).toMatchObject({ ok: false, problem: { message: 'Unknown template no-such-template.' } });
    expect(tryRule(rule({ start: { receiver: { role: 'astrologer' } } }))).toMatchObject({ ok: false, problem: { message: '“astrologer” is not one of the workspace’s roles.' } });
    expect(tryRule(rule({ start: { watchers: [{ memberId: 'nobody' }] } }))).toMatchObject({ ok: false, problem: { message: 'A rule names only members of the workspace.' } });
    expect(model.workspace()!.rules).toBeUndefined();
    saveRule(model, rule());
    saveRule(model, rule({ name: 'Renamed', enabled: false }));
    expect(model.workspace()!.rules).toMatchObject([{ id: 'r-chain', name: 'Renamed', enabled: false }]);
  });
});

describe('a rule’s draft (checkStartedBy)', () => {
  it('refuses a startedBy with other ids than its source key gives, or an unknown rule', () => {
    const model = agency();
    saveRule(model, rule());
    const source = confirmedStrategy(model);
    const [draft] = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, T0 + 3600_000).events;
    const forged = { ...draft!, id: 'forged-event' };
    expect(model.apply(forged)).toMatchObject({ ok: false, problem: { message: 'A rule’s draft carries the ids its source event gives.' } });
    const otherEntity = { ...draft!, entity: { kind: 'handoff' as const, id: 'h-forged' } };
    expect(model.apply(otherEntity)).toMatchObject({ ok: false });
    const otherKey = { ...draft!, payload: { ...draft!.payload, startedBy: { ...draft!.payload.startedBy!, trigger: { ...draft!.payload.startedBy!.trigger, key: 'handoff:other:confirmed' } } } };
    expect(model.apply(otherKey)).toMatchObject({ ok: false });
    const unknownRule = { ...draft!, payload: { ...draft!.payload, startedBy: { ...draft!.payload.startedBy!, ruleId: 'r-none' } } };
    expect(model.apply(unknownRule)).toMatchObject({ ok: false, problem: { message: 'Unknown rule.' } });
    expect(model.handoffs.size).toBe(1);
  });

  it('refuses a draft of another template, for a client outside the rule, or from a handoff that is not there', () => {
    const model = agency();
    saveRule(model, rule({ clientId: NORTHWIND }));
    const source = confirmedStrategy(model);
    const [draft] = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, T0 + 3600_000).events;
    const refusal = (event: typeof draft) => model.apply(event!);
    expect(refusal({ ...draft!, payload: { ...draft!.payload, templateId: 'brief-to-creative' } })).toMatchObject({ ok: false, problem: { message: 'A rule’s draft is of the template the rule starts.' } });
    expect(refusal({ ...draft!, payload: { ...draft!.payload, clientId: BRIGHTWATER } })).toMatchObject({ ok: false, problem: { message: 'A rule’s draft is for a client the rule covers.' } });
    // A key naming a handoff not in the log (one not confirmed yet, say), with the ids that key gives.
    const key = 'handoff:h-later:confirmed';
    const ids = ruleEventIds('r-chain', key);
    const early = { ...draft!, id: ids.eventId, entity: { kind: 'handoff' as const, id: ids.handoffId }, payload: { ...draft!.payload, startedBy: { ...draft!.payload.startedBy!, trigger: { ...draft!.payload.startedBy!.trigger, key } } } };
    expect(refusal(early)).toMatchObject({ ok: false, problem: { message: 'A rule’s draft comes from a handoff of the workspace.' } });
    expect(model.handoffs.size).toBe(1);
    expect(refusal(draft)).toMatchObject({ ok: true, duplicate: false });
  });

  it('refuses a draft for another client than its source handoff’s, even from a rule for every client', () => {
    const model = agency();
    saveRule(model, rule());
    const source = confirmedStrategy(model);
    const [draft] = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, T0 + 3600_000).events;
    expect(model.apply({ ...draft!, payload: { ...draft!.payload, clientId: BRIGHTWATER } })).toMatchObject({ ok: false, problem: { message: 'A rule’s draft is for the client of the handoff it comes from.' } });
  });

  it('starts one draft for one source key: the second is a duplicate', () => {
    const model = agency();
    saveRule(model, rule());
    const source = confirmedStrategy(model);
    const first = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, T0 + 3600_000).events[0]!;
    // The same rule evaluated elsewhere (a browser alone, the hub) a minute later: the same ids.
    const second = startsFor(model, { kind: 'handoff.confirmed', handoff: source }, T0 + 3660_000).events[0]!;
    expect(second.id).toBe(first.id);
    expect(model.apply(first)).toMatchObject({ ok: true, duplicate: false });
    expect(model.apply(second)).toMatchObject({ ok: true, duplicate: true });
    expect([...model.handoffs.values()].filter((h) => h.startedBy)).toHaveLength(1);
  });
});
