/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../lib/events/make-event';
import type { Rule } from '../../../lib/model/rule';
import { ruleEventIds } from '../../../lib/workflow/rule-ids';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { asanaConfig } from '../../../server/asana/config';
import { writeBackReactor } from '../../../server/asana/write-back';
import { asanaTeams } from './asana-harness';
import { databases } from './hub-harness';

// Write-back to the Asana task a handoff came from (server/asana/write-back.ts), against the local
// Asana: a comment per moment (sent, gaps, confirmed) with the handoff's link, and on confirmation the
// rule's assign and move — each once, even when the reactor goes over the same events again.

const linkedTeam = asanaTeams();

function ruleFor(jane: { id: string }, tom: { id: string }, moveTo: string): Rule {
  const at = new Date().toISOString();
  return {
    id: 'rule-ready',
    name: 'Ready for creative starts the brief',
    enabled: true,
    clientId: 'northwind',
    trigger: { kind: 'asana.section', sectionName: 'Ready for creative' },
    start: { templateId: 'brief-to-creative', sender: { memberId: jane.id }, receiver: { memberId: tom.id }, watchers: [], prefill: {} },
    writeBack: { comment: true, assignOnConfirm: true, moveToSectionOnConfirm: moveTo },
    createdAt: at,
    updatedAt: at,
  };
}

/** The rule's draft for the task, sent by Jane, a gap from Tom answered by Jane, confirmed by Tom. */
async function handoffThroughItsMoments(t: Awaited<ReturnType<typeof linkedTeam>>, moveTo: string) {
  const { jane, tom, task } = t;
  const rule = ruleFor(jane, tom, moveTo);
  const key = `asana:${task.gid}:section:${t.sections.ready.gid}:2026-12-06T10:00:00.000Z`;
  const ids = ruleEventIds(rule.id, key);
  const created = makeEvent('handoff.created', jane.id, ids.handoffId, {
    clientId: 'northwind',
    templateId: 'brief-to-creative',
    templateVersion: 1,
    receiverId: tom.id,
    fields: COMPLETE_BRIEF,
    sources: { asanaTask: { id: task.gid, name: task.name, url: `https://app.asana.com/0/${t.project.gid}/${task.gid}` } },
    startedBy: { ruleId: rule.id, ruleName: rule.name, trigger: { kind: 'asana.section', key, label: 'Task “Spring launch video” moved to Ready for creative' } },
  }, { id: ids.eventId });
  const results = [
    ...(await jane.push(jane.event('rule.saved', rule.id, { rule }))),
    // The rule's draft as the hub's rules engine appends it (a member's push of one is refused).
    ...(await t.hub.store.push({ workspaceId: t.workspaceId, memberId: jane.id }, [created], { hubMade: true })),
    ...(await jane.push(makeEvent('handoff.sent', jane.id, ids.handoffId, {}))),
    ...(await tom.push(makeEvent('handoff.gaps_raised', tom.id, ids.handoffId, { gaps: [{ id: 'g1', fieldIds: ['audience'], question: 'Which markets besides the UK?' }] }))),
    ...(await jane.push(makeEvent('handoff.gaps_answered', jane.id, ids.handoffId, { answers: [{ gapId: 'g1', answer: 'The UK only.' }] }))),
    ...(await tom.push(makeEvent('handoff.confirmed', tom.id, ids.handoffId, {}))),
  ];
  expect(results.map((r: any) => r.reason ?? r.status)).toEqual(Array(6).fill('accepted'));
  return ids.handoffId;
}

const botComments = (t: Awaited<ReturnType<typeof linkedTeam>>) => t.control.stories(t.task.gid).filter((s: any) => s.resource_subtype === 'comment_added').map((s: any) => s.text as string);

describe.each(databases())('Asana write-back on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('comments on each moment, assigns the receiver and moves the task on confirmation — each once, even run twice', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, publicUrl: true });
    const tomInAsana = t.control.createUser('Tom Reyes', 'tom@brightlane.agency');
    const handoffId = await handoffThroughItsMoments(t, 'done');
    const before = t.control.requests().length;
    await t.hub.reactors.drain(t.workspaceId);
    t.control.rateLimit({ requests: 1, retryAfterSeconds: 1 });
    await t.hub.reactors.tick(); // the first call meets a 429: nothing more is tried for a second
    expect(botComments(t)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1050));
    await t.hub.reactors.tick();

    const comments = botComments(t);
    expect(comments).toHaveLength(3);
    const link = `${t.hub.url}/h/${handoffId}`;
    expect(comments[0]).toContain('Jane Doe → Tom Reyes');
    expect(comments[0]).toMatch(/^Baton: handoff “Brief → creative” sent \(Jane Doe → Tom Reyes\); waiting for Tom Reyes to confirm\./);
    expect(comments[1]).toContain('Tom Reyes raised a gap');
    expect(comments[1]).toContain('Which markets besides the UK?');
    expect(comments[2]).toContain('Tom Reyes confirmed');
    for (const c of comments) expect(c).toContain(link);
    const after = t.control.task(t.task.gid) as any;
    expect(after.assignee?.gid).toBe(tomInAsana.user.gid);
    expect(t.control.stories(t.task.gid).some((s: any) => s.resource_subtype === 'section_changed' && s.text.includes('"Done"'))).toBe(true);

    // The reactor goes over the same events again (a hub stopped before its cursor moved): nothing twice.
    await t.hub.store.db.query("update reactor_cursors set seq = 0 where reactor = 'asana-write-back'");
    await t.hub.reactors.drain(t.workspaceId);
    await t.hub.reactors.tick();
    expect(botComments(t)).toHaveLength(3);
    const calls = t.control.requests().slice(before).filter((c) => c.status < 300 && c.path !== '/events').map((c) => `${c.method} ${c.path}`);
    expect(calls.sort()).toEqual(
      [
        `POST /tasks/${t.task.gid}/stories`,
        `POST /tasks/${t.task.gid}/stories`,
        `POST /tasks/${t.task.gid}/stories`,
        'GET /users/tom@brightlane.agency',
        `PUT /tasks/${t.task.gid}`,
        `GET /tasks/${t.task.gid}`,
        `GET /projects/${t.project.gid}/sections`,
        `POST /sections/${t.sections.done.gid}/addTask`,
      ].sort(),
    );
  });

  it('writes back once when two passes (two hub processes on one database) work the same outbox at once', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false });
    t.control.createUser('Tom Reyes', 'tom@brightlane.agency');
    await handoffThroughItsMoments(t, 'Done');
    await t.hub.reactors.drain(t.workspaceId);
    const reactor = writeBackReactor(asanaConfig({ baseUrl: t.asana.url, secretKey: 'test-secret-key' }, undefined, {}, async () => ({ started: [], skipped: [] })));
    const ctx = { db: t.hub.store.db, store: t.hub.store, log: () => undefined, now: Date.now, appendAs: () => Promise.resolve([]) };
    await Promise.all([reactor.tick!(ctx, t.workspaceId), reactor.tick!(ctx, t.workspaceId), t.hub.reactors.tick()]);
    expect(botComments(t)).toHaveLength(3);
    expect(t.control.requests().filter((r) => r.method === 'PUT').length).toBe(1);
  });

  it('keeps nothing to write back while Asana is not connected (connecting later posts no backlog)', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false });
    await t.jane.call('/v1/integrations/asana', { method: 'DELETE' });
    await handoffThroughItsMoments(t, 'Done');
    await t.hub.reactors.drain(t.workspaceId);
    await t.jane.call('/v1/integrations/asana', { method: 'PUT', body: JSON.stringify({ token: t.asana.token }) });
    await t.hub.reactors.tick();
    expect(botComments(t)).toEqual([]);
  });

  it('gives up on a write-back Asana cannot do, with the reason recorded and logged', async () => {
    const logged: Record<string, unknown>[] = [];
    const t = await linkedTeam(kind, url, { webhooks: false, log: (e) => logged.push(e) });
    await handoffThroughItsMoments(t, 'Nowhere');
    await t.hub.reactors.drain(t.workspaceId);
    await t.hub.reactors.tick();
    const { rows } = await t.hub.store.db.query<any>("select action, state, last_error from asana_outbox order by created_ms, id");
    expect(rows.filter((r: any) => r.action === 'comment').map((r: any) => r.state)).toEqual(['done', 'done', 'done']);
    expect(rows.find((r: any) => r.action === 'move')).toMatchObject({ state: 'failed', last_error: expect.stringContaining('No section named “Nowhere”') });
    expect(rows.find((r: any) => r.action === 'assign')).toMatchObject({ state: 'failed', last_error: expect.stringContaining('tom@brightlane.agency') });
    expect(logged.filter((e) => e.msg === 'asana write-back given up')).toHaveLength(2);
    // And in the settings, not only in the hub log.
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.body.failedWriteBacks.map((f: any) => f.action).sort()).toEqual(['assign', 'move']);
    expect(status.body.failedWriteBacks.find((f: any) => f.action === 'move').reason).toContain('No section named “Nowhere”');
  });

  it('writes back on a handoff a member started only when its task is in a project linked to the client', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false });
    const elsewhere = t.control.createProject('Someone else’s project');
    const foreign = t.control.createTask({ project: elsewhere.gid, name: 'Not Northwind’s' });
    const started = (id: string, task: { gid: string; name: string }) =>
      makeEvent('handoff.created', t.jane.id, id, {
        clientId: 'northwind',
        templateId: 'brief-to-creative',
        templateVersion: 1,
        receiverId: t.tom.id,
        fields: COMPLETE_BRIEF,
        sources: { asanaTask: { id: task.gid, name: task.name, url: `https://app.asana.com/0/0/${task.gid}` } },
      });
    const results = await t.jane.push(started('h-foreign', foreign), makeEvent('handoff.sent', t.jane.id, 'h-foreign', {}), started('h-own', t.task), makeEvent('handoff.sent', t.jane.id, 'h-own', {}));
    expect(results.map((r: any) => r.reason ?? r.status)).toEqual(Array(4).fill('accepted'));
    await t.hub.reactors.drain(t.workspaceId);
    await t.hub.reactors.tick();
    expect(t.control.stories(foreign.gid).filter((s: any) => s.resource_subtype === 'comment_added')).toEqual([]);
    expect(botComments(t)).toHaveLength(1);
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.body.failedWriteBacks).toMatchObject([{ handoffId: 'h-foreign', action: 'comment', reason: expect.stringContaining('no Asana project linked') }]);
  });
});
