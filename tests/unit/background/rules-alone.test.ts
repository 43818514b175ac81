import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import { runLocalRules, rulesAfterConfirm } from '../../../lib/background/local-rules';
import { REMINDERS_ALARM, scheduleReminders } from '../../../lib/background/reminders';
import { appendEvent, readLog } from '../../../lib/db/event-store';
import { getMeta } from '../../../lib/db/meta';
import { makeEvent } from '../../../lib/events/make-event';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Rule } from '../../../lib/model/rule';
import { DEFAULT_RULE_IDS, defaultRules } from '../../../lib/workflow/default-rules';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { completeFields } from '../events/builders';
import { newTestBackground, type TestBackground } from '../helpers/background';

// Working alone (no hub): a new agency has the default rules, and this browser runs them — after it
// appends a confirmation (at once, or when an undo-held one is committed) and on the reminders alarm
// for date rules — appending the drafts locally, once however often it runs.

beforeEach(() => {
  fakeBrowser.reset();
});

const CHAIN = DEFAULT_RULE_IDS.launchAfterMedia;

/** Sara (strategist) hands me, Northwind's media buyer, a strategy; Ana is its analyst. */
async function strategyForMe(bg: TestBackground, launch = '2026-03-12') {
  const me = await bg.ok<Member>({ type: 'me/get' });
  const sara = await bg.ok<Member>({ type: 'member/add', name: 'Sara Strategist', email: 'sara@brightlane.agency' });
  const ana = await bg.ok<Member>({ type: 'member/add', name: 'Ana Analyst', email: 'ana@brightlane.agency' });
  const client = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind', identifiers: '' } });
  const { db } = await bg.workspace.session();
  for (const event of [
    makeEvent('client.team_set', me.id, client.id, { roleId: 'analyst', memberId: ana.id }),
    makeEvent('handoff.created', sara.id, 'h-strategy', { clientId: client.id, templateId: 'strategy-to-media', templateVersion: 1, title: 'Strategy → media buying: Spring launch', receiverId: me.id, fields: completeFields('strategy-to-media', { flight_start: launch }) }),
    makeEvent('handoff.sent', sara.id, 'h-strategy', {}),
  ]) {
    const result = await appendEvent(db, event);
    if (!result.ok) throw new Error(result.problem.message);
  }
  return { me, ana, client };
}

const draftFor = (bg: TestBackground, ruleId: string, key: string) => bg.ok<Handoff | null>({ type: 'handoff/get', id: ruleEventIds(ruleId, key).handoffId });
const ruled = async (bg: TestBackground) => (await readLog((await bg.workspace.session()).db)).events.filter((e) => e.type === 'handoff.created' && e.payload.startedBy);

describe('rules in a workspace working alone', () => {
  it('a new agency starts with the two default rules, on, saved by its admin', async () => {
    const bg = newTestBackground();
    const session = await bg.workspace.session();
    const rules = (await getMeta(session.db, 'workspace'))!.rules!;
    expect(rules.map((r) => [r.id, r.enabled])).toEqual([[DEFAULT_RULE_IDS.launchAfterMedia, true], [DEFAULT_RULE_IDS.briefOnReady, true]]);
    expect(rules.map(({ createdAt: _c, updatedAt: _u, ...r }) => r)).toEqual(defaultRules('x').map(({ createdAt: _c, updatedAt: _u, ...r }) => r));
    const saved = (await readLog(session.db)).events.filter((e) => e.type === 'rule.saved');
    expect(saved.map((e) => e.actor)).toEqual([session.me.id, session.me.id]);
  });

  it('my confirmation of strategy → media buying drafts launch → reporting from me to the analyst, once', async () => {
    const bg = newTestBackground();
    const { me, ana } = await strategyForMe(bg);
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    const draft = await draftFor(bg, CHAIN, 'handoff:h-strategy:confirmed');
    expect(draft).toMatchObject({ state: 'draft', senderId: me.id, receiverId: ana.id, templateId: 'launch-to-reporting', dueBy: '2026-03-12T23:59:59.999Z', startedBy: { ruleId: CHAIN } });
    // It awaits me among my drafts.
    const session = await bg.workspace.session();
    await rulesAfterConfirm(session, 'h-strategy');
    await runLocalRules(session);
    expect(await ruled(bg)).toHaveLength(1);
  });

  it('a confirmation held for undo starts the chain when it is committed', async () => {
    const bg = newTestBackground();
    await strategyForMe(bg);
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy', hold: true });
    expect(await ruled(bg)).toHaveLength(0);
    const [held] = await bg.ok<{ id: string }[]>({ type: 'pending/list' });
    await bg.ok({ type: 'pending/commit', id: held!.id });
    expect(await draftFor(bg, CHAIN, 'handoff:h-strategy:confirmed')).toMatchObject({ startedBy: { ruleId: CHAIN } });
  });

  it('date rules fire on the alarm once their day has come, once', async () => {
    const bg = newTestBackground();
    const { me } = await strategyForMe(bg, '2026-03-12');
    const session = await bg.workspace.session();
    const [chain] = defaultRules(new Date(Date.now() - 60_000).toISOString());
    const dated = { ...chain!, id: 'r-date', name: 'On launch day', trigger: { kind: 'date.reached' as const, templateId: 'strategy-to-media', fieldId: 'flight_start' }, createdAt: '2026-03-01T00:00:00.000Z' };
    expect((await appendEvent(session.db, makeEvent('rule.deleted', me.id, CHAIN, {})))).toMatchObject({ ok: true });
    expect((await appendEvent(session.db, makeEvent('rule.saved', me.id, 'r-date', { rule: dated })))).toMatchObject({ ok: true });
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    expect(await runLocalRules(session, Date.parse('2026-03-11T12:00:00Z'))).toEqual([]);
    expect(await runLocalRules(session, Date.parse('2026-03-12T08:00:00Z'))).toEqual([ruleEventIds('r-date', 'date:h-strategy:flight_start').handoffId]);
    expect(await runLocalRules(session, Date.parse('2026-03-13T08:00:00Z'))).toEqual([]);
    expect(await ruled(bg)).toHaveLength(1);
  });

  it('the reminders alarm runs the date rules', async () => {
    const bg = newTestBackground();
    const today = new Date().toISOString().slice(0, 10);
    const { me } = await strategyForMe(bg, today);
    const session = await bg.workspace.session();
    const [chain] = defaultRules(new Date(Date.now() - 60_000).toISOString());
    await appendEvent(session.db, makeEvent('rule.deleted', me.id, CHAIN, {}));
    await appendEvent(session.db, makeEvent('rule.saved', me.id, 'r-date', { rule: { ...chain!, id: 'r-date', trigger: { kind: 'date.reached', templateId: 'strategy-to-media', fieldId: 'flight_start' } } }));
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    expect(await ruled(bg)).toHaveLength(0);
    await scheduleReminders(bg.workspace);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDERS_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await draftFor(bg, 'r-date', 'date:h-strategy:flight_start')).toMatchObject({ senderId: me.id, startedBy: { ruleId: 'r-date' } }));
  });

  it('turning a rule back on does not replay what was confirmed while it was off', async () => {
    const bg = newTestBackground();
    await strategyForMe(bg);
    const session = await bg.workspace.session();
    await bg.ok({ type: 'rule/toggle', id: CHAIN, enabled: false });
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const on = await bg.ok<Rule>({ type: 'rule/toggle', id: CHAIN, enabled: true });
    expect(Date.parse(on.activeSince!)).toBeGreaterThan(Date.parse(on.createdAt));
    expect(await runLocalRules(await bg.workspace.session())).toEqual([]);
    await rulesAfterConfirm(session, 'h-strategy');
    expect(await ruled(bg)).toHaveLength(0);
  });

  it('changing what a rule listens to does not replay the past; renaming it keeps when it began', async () => {
    const bg = newTestBackground();
    const { me, ana } = await strategyForMe(bg);
    const session = await bg.workspace.session();
    const rules = (await getMeta(session.db, 'workspace'))!.rules!;
    const { id: _id, createdAt: _c, updatedAt: _u, start, ...rest } = rules.find((r) => r.id === DEFAULT_RULE_IDS.briefOnReady)!;
    const brief = { ...rest, start: { ...start, sender: { memberId: me.id }, receiver: { memberId: ana.id } } };
    // The brief rule listened to Asana; strategy → media buying was confirmed before it listens to that.
    await appendEvent(session.db, makeEvent('rule.deleted', me.id, CHAIN, {}));
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const chained = await bg.ok<Rule>({ type: 'rule/save', rule: { ...brief, id: DEFAULT_RULE_IDS.briefOnReady, trigger: { kind: 'handoff.confirmed', templateId: 'strategy-to-media' } } });
    expect(await runLocalRules(await bg.workspace.session())).toEqual([]);
    expect(await ruled(bg)).toHaveLength(0);
    const renamed = await bg.ok<Rule>({ type: 'rule/save', rule: { ...brief, id: chained.id, name: 'Renamed', trigger: chained.trigger } });
    expect(renamed.activeSince).toBe(chained.activeSince);
  });

  it('leaves the rules to the hub when one is connected', async () => {
    const bg = newTestBackground();
    const { me } = await strategyForMe(bg);
    const session = await bg.workspace.session();
    const chain = (await getMeta(session.db, 'workspace'))!.rules!.find((r) => r.id === CHAIN)!;
    const save = (enabled: boolean) => appendEvent(session.db, makeEvent('rule.saved', me.id, CHAIN, { rule: { ...chain, enabled } }));
    // Confirmed while the rule was off: no draft yet.
    await save(false);
    await bg.ok({ type: 'handoff/confirm', id: 'h-strategy' });
    await save(true);
    expect(await ruled(bg)).toHaveLength(0);
    // A browser on a hub leaves it to the hub; working alone, the same call starts it.
    const onHub = { ...session, hub: { url: 'http://127.0.0.1:1', token: 't', memberId: me.id, workspaceId: session.workspace.id } };
    expect(await rulesAfterConfirm(onHub, 'h-strategy')).toEqual([]);
    expect(await runLocalRules(onHub)).toEqual([]);
    expect(await ruled(bg)).toHaveLength(0);
    expect(await runLocalRules(session)).toEqual([ruleEventIds(CHAIN, 'handoff:h-strategy:confirmed').handoffId]);
  });
});
