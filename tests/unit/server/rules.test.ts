/* eslint-disable @typescript-eslint/no-explicit-any -- hub answers are parsed JSON, checked by the tests */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HubOptions } from '../../../server/server';
import { fireRules } from '../../../server/reactors/fire-rules';
import type { ReactorContext } from '../../../server/reactors/reactor';
import { rulesReactor } from '../../../server/reactors/rules-reactor';
import { openPglite } from '../../../server/db';
import { startHub, type Hub } from '../../../server/server';
import { makeEvent } from '../../../lib/events/make-event';
import { defaultRules, DEFAULT_RULE_IDS } from '../../../lib/workflow/default-rules';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { completeFields } from '../events/builders';
import { databases, join, teamsClosedAfterEach, type Member } from './hub-harness';

// The rules reactor on the hub: a confirmed strategy → media buying handoff starts the launch →
// reporting draft for the client's media buyer, once, however often the hub drains or restarts; a
// date rule fires on its tick; a rule with nobody in a role starts nothing and the hub log says why.

const { team, closeAfter } = teamsClosedAfterEach();
const CHAIN = DEFAULT_RULE_IDS.launchAfterMedia;
const ruledIds = (handoffId: string) => ruleEventIds(CHAIN, `handoff:${handoffId}:confirmed`);

async function invite(hub: Hub, workspaceId: string, id: string, name: string): Promise<Member> {
  return join(hub, await hub.store.createInvite(workspaceId, { email: `${id}@brightlane.agency`, name, role: 'member' }));
}

/** Jane (admin, account manager) sets up Northwind's team and the default rules; Tom is its strategist. */
async function agency(hub: Hub, workspaceId: string, jane: Member, tom: Member) {
  const mo = await invite(hub, workspaceId, 'mo', 'Mo Buyer');
  const ana = await invite(hub, workspaceId, 'ana', 'Ana Analyst');
  const earlier = new Date(Date.now() - 60_000).toISOString();
  const results = await jane.push(
    jane.event('client.created', 'c1', { name: 'Northwind' }),
    jane.event('client.created', 'c2', { name: 'Brightwater' }),
    ...[['account_manager', jane], ['strategist', tom], ['media_buyer', mo], ['analyst', ana]].map(([roleId, m]) => jane.event('client.team_set', 'c1', { roleId: roleId as string, memberId: (m as Member).id })),
    ...defaultRules(earlier).map((rule) => jane.event('rule.saved', rule.id, { rule })),
  );
  expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  return { mo, ana };
}

/** Tom hands a strategy to Mo, who confirms it. */
async function confirmStrategy(tom: Member, mo: Member, id: string, clientId: string, launch = '2026-03-12') {
  await tom.push(
    tom.event('handoff.created', id, { clientId, templateId: 'strategy-to-media', templateVersion: 1, title: 'Strategy → media buying: Spring launch', receiverId: mo.id, fields: completeFields('strategy-to-media', { flight_start: launch }) }),
    tom.event('handoff.sent', id, {}),
  );
  expect((await mo.push(mo.event('handoff.confirmed', id, {})))[0].status).toBe('accepted');
}

const ruled = async (member: Member) => {
  const { body } = await member.call('/v1/events?after=0&limit=1000');
  return (body.events as { event: { type: string; actor: string; id: string; entity: { id: string }; payload: Record<string, any> } }[]).map((e) => e.event).filter((e) => e.type === 'handoff.created' && e.payload.startedBy);
};

describe.each(databases())('the rules reactor on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('starts launch → reporting for the media buyer when strategy → media buying is confirmed, once', async () => {
    const log: Record<string, unknown>[] = [];
    const options: HubOptions = { reactorTickMs: 60_000, log: (entry) => log.push(entry) };
    const { hub, workspaceId, jane, tom } = await team(kind, url, options);
    const { mo, ana } = await agency(hub, workspaceId, jane, tom);
    await confirmStrategy(tom, mo, 'h1', 'c1');
    await hub.reactors.drain(workspaceId);
    const drafts = await ruled(mo);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      id: ruledIds('h1').eventId, actor: mo.id, entity: { id: ruledIds('h1').handoffId },
      payload: { templateId: 'launch-to-reporting', receiverId: ana.id, dueBy: '2026-03-12T23:59:59.999Z', watcherIds: [jane.id], startedBy: { ruleId: CHAIN, trigger: { kind: 'handoff.confirmed', key: 'handoff:h1:confirmed' } } },
    });
    await hub.reactors.drain(workspaceId);
    await hub.reactors.tick();
    expect(await ruled(mo)).toHaveLength(1);

    // Brightwater has nobody in the analyst's role: nothing starts, and the hub log says why.
    await confirmStrategy(tom, mo, 'h2', 'c2');
    await hub.reactors.drain(workspaceId);
    expect(await ruled(mo)).toHaveLength(1);
    expect(log).toContainEqual(expect.objectContaining({ msg: 'rule started nothing', ruleId: CHAIN, reason: 'Brightwater has no analyst on its team: nobody to receive it' }));
  });

  it('gives a new team the default rules, saved by its founding admin as the workspace is created', async () => {
    const { hub, workspaceId, jane } = await team(kind, url, { reactorTickMs: 60_000 });
    const { body } = await jane.call('/v1/events?after=0&limit=1000');
    const events = (body.events as { seq: number; event: { type: string; actor: string; entity: { id: string } } }[]).map((e) => e.event);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['workspace.created', 'rule.saved', 'rule.saved']);
    expect(events.filter((e) => e.type === 'rule.saved').map((e) => [e.entity.id, e.actor])).toEqual([[CHAIN, jane.id], [DEFAULT_RULE_IDS.briefOnReady, jane.id]]);
    const rules = await hub.store.withModel(workspaceId, (model) => model.workspace()?.rules);
    expect(rules?.map((r) => ({ id: r.id, enabled: r.enabled }))).toEqual([{ id: CHAIN, enabled: true }, { id: DEFAULT_RULE_IDS.briefOnReady, enabled: true }]);
  });

  it('refuses a member’s push of a rule’s draft, so a forged one cannot pre-empt the draft the rule starts', async () => {
    const { hub, workspaceId, jane, tom } = await team(kind, url, { reactorTickMs: 60_000 });
    const { mo, ana } = await agency(hub, workspaceId, jane, tom);
    await tom.push(
      tom.event('handoff.created', 'h1', { clientId: 'c1', templateId: 'strategy-to-media', templateVersion: 1, title: 'Strategy → media buying: Spring launch', receiverId: mo.id, fields: completeFields('strategy-to-media', { flight_start: '2026-03-12' }) }),
      tom.event('handoff.sent', 'h1', {}),
    );
    // Tom knows the ids the rule will give the draft once Mo confirms h1, and pushes his own first.
    const forged = makeEvent('handoff.created', tom.id, ruledIds('h1').handoffId, {
      clientId: 'c1', templateId: 'launch-to-reporting', templateVersion: 1, title: 'Launch → reporting: forged', receiverId: ana.id,
      startedBy: { ruleId: CHAIN, ruleName: 'Launch → reporting after media buying is confirmed', trigger: { kind: 'handoff.confirmed', key: 'handoff:h1:confirmed', label: 'forged' } },
    }, { id: ruledIds('h1').eventId });
    expect(await tom.push(forged)).toEqual([{ id: forged.id, status: 'rejected', reason: 'Only a workflow rule starts a draft marked as started by a rule.' }]);

    expect((await mo.push(mo.event('handoff.confirmed', 'h1', {})))[0].status).toBe('accepted');
    await hub.reactors.drain(workspaceId);
    const drafts = await ruled(mo);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: ruledIds('h1').eventId, actor: mo.id, payload: { title: 'Launch → reporting: Spring launch', receiverId: ana.id, startedBy: { ruleId: CHAIN } } });
  });

  it('fireRules starts brief → creative for the strategist on an Asana section move, once for the webhook and the poll alike', async () => {
    // The hub's own reactor context, as the Asana code gets it.
    let ctx: ReactorContext | undefined;
    const captor = { name: 'captor', handle: async (c: ReactorContext) => void (ctx = c) };
    const { hub, workspaceId, jane, tom } = await team(kind, url, { reactorTickMs: 60_000, reactors: [rulesReactor(), captor] });
    await agency(hub, workspaceId, jane, tom);
    const cam = await invite(hub, workspaceId, 'cam', 'Cam Creative');
    await jane.push(jane.event('client.team_set', 'c1', { roleId: 'creative', memberId: cam.id }));
    await hub.reactors.drain(workspaceId);
    const task = { gid: '1201', name: 'Spring visuals', url: 'https://app.asana.com/0/900/1201', notes: 'Six visuals.', dueOn: '2026-03-20', projectGids: ['900'], sectionNames: ['Ready for creative'] };
    const trigger = { kind: 'asana.section' as const, clientId: 'c1', task, sectionGid: '77', sectionName: 'ready for creative', key: 'asana:1201:section:77:2026-03-02T10:00:00.000Z', label: 'Task “Spring visuals” moved to Ready for creative' };
    const first = await fireRules(ctx!, workspaceId, trigger);
    const { handoffId } = ruleEventIds(DEFAULT_RULE_IDS.briefOnReady, trigger.key);
    expect(first).toEqual({ started: [handoffId], skipped: [] });
    expect(await fireRules(ctx!, workspaceId, trigger)).toEqual({ started: [], skipped: [] });
    const drafts = await ruled(tom);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ actor: tom.id, payload: { templateId: 'brief-to-creative', receiverId: cam.id, title: 'Brief → creative: Spring visuals', sources: { asanaTask: { id: '1201', url: task.url } }, fields: { objective: 'Six visuals.', deadline: '2026-03-20', references: [task.url] } } });
    // Another client's task: Brightwater has no strategist, and the answer says so.
    expect((await fireRules(ctx!, workspaceId, { ...trigger, clientId: 'c2', key: 'asana:1300:section:77:x' })).skipped).toEqual([{ ruleId: DEFAULT_RULE_IDS.briefOnReady, reason: 'Brightwater has no strategist on its team: nobody to start the draft' }]);
  });

  it('fires a date rule on its tick once the day is reached', async () => {
    const { hub, workspaceId, jane, tom } = await team(kind, url, { reactorTickMs: 60_000 });
    const { mo } = await agency(hub, workspaceId, jane, tom);
    const [chain] = defaultRules(new Date(Date.now() - 60_000).toISOString());
    const dated = { ...chain!, id: 'r-date', name: 'Reporting on launch day', trigger: { kind: 'date.reached' as const, templateId: 'strategy-to-media', fieldId: 'flight_start' } };
    await jane.push(jane.event('rule.deleted', CHAIN, {}), jane.event('rule.saved', 'r-date', { rule: dated }));
    const today = new Date().toISOString().slice(0, 10);
    await confirmStrategy(tom, mo, 'h3', 'c1', '2099-01-01');
    await confirmStrategy(tom, mo, 'h4', 'c1', today);
    await hub.reactors.drain(workspaceId);
    expect(await ruled(mo)).toHaveLength(0);
    await hub.reactors.tick();
    await hub.reactors.tick();
    const drafts = await ruled(mo);
    expect(drafts.map((d) => d.payload.startedBy.trigger.key)).toEqual([`date:h4:flight_start`]);
    expect(drafts[0]!.id).toBe(ruleEventIds('r-date', 'date:h4:flight_start').eventId);
  });

  it('fires a date rule’s draft on one tick, and on the next looks once and appends nothing', async () => {
    let hubCtx: ReactorContext | undefined;
    const captor = { name: 'captor', handle: async (c: ReactorContext) => void (hubCtx = c) };
    const { hub, workspaceId, jane, tom } = await team(kind, url, { reactorTickMs: 60_000, reactors: [captor] });
    const { mo } = await agency(hub, workspaceId, jane, tom);
    const [chain] = defaultRules(new Date(Date.now() - 60_000).toISOString());
    const dated = { ...chain!, id: 'r-date', name: 'Reporting on launch day', trigger: { kind: 'date.reached' as const, templateId: 'strategy-to-media', fieldId: 'flight_start' } };
    await jane.push(jane.event('rule.saved', 'r-date', { rule: dated }));
    const today = new Date().toISOString().slice(0, 10);
    await confirmStrategy(tom, mo, 'h5', 'c1', today);
    await confirmStrategy(tom, mo, 'h6', 'c1', today);
    await hub.reactors.drain(workspaceId);
    // The hub's own context, counting its looks at the model and its appends.
    const counts = { withModel: 0, appendAs: 0 };
    const store = new Proxy(hubCtx!.store, {
      get: (target, prop, receiver) => (prop === 'withModel' ? (...args: Parameters<typeof target.withModel>) => (counts.withModel++, target.withModel(...args)) : Reflect.get(target, prop, receiver)),
    });
    const ctx: ReactorContext = { ...hubCtx!, store, appendAs: (...args) => (counts.appendAs++, hubCtx!.appendAs(...args)) };
    const reactor = rulesReactor();
    await reactor.tick!(ctx, workspaceId);
    expect(counts.appendAs).toBe(2);
    expect((await ruled(mo)).map((d) => d.payload.startedBy.trigger.key).sort()).toEqual(['date:h5:flight_start', 'date:h6:flight_start']);
    Object.assign(counts, { withModel: 0, appendAs: 0 });
    await reactor.tick!(ctx, workspaceId);
    expect(counts).toEqual({ withModel: 1, appendAs: 0 });
    expect(await ruled(mo)).toHaveLength(2);
  });
});

describe('the rules reactor across a restart (PGlite on disk)', { timeout: 60_000 }, () => {
  it('starts nothing more when the hub restarts, even one that handles the confirmation again', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'baton-rules-'));
    let hub = closeAfter(await startHub(await openPglite(dir), { port: 0, reactorTickMs: 60_000 }));
    const workspaceId = await hub.store.createWorkspace('Brightlane');
    const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
    const tom = await invite(hub, workspaceId, 'tom', 'Tom Reyes');
    const { mo } = await agency(hub, workspaceId, jane, tom);
    await confirmStrategy(tom, mo, 'h1', 'c1');
    await hub.reactors.drain(workspaceId);
    expect(await ruled(mo)).toHaveLength(1);
    await hub.close();

    // A hub stopped after the work but before its cursor moved hands the confirmation over again.
    const db = await openPglite(dir);
    await db.query(`update reactor_cursors set seq = 0 where reactor = 'rules'`);
    hub = closeAfter(await startHub(db, { port: 0, reactorTickMs: 60_000 }));
    await hub.reactors.drain(workspaceId);
    await hub.reactors.tick();
    const again = await join(hub, await hub.store.createInvite(workspaceId, { email: 'sam@brightlane.agency', name: 'Sam', role: 'member' }));
    expect(await ruled(again)).toHaveLength(1);
  });
});
