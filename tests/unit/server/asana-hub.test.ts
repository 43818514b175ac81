/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asanaTeams, until } from './asana-harness';
import { databases } from './hub-harness';

// Asana through the hub, against the local Asana (tests/support/local-asana, written from Asana's
// docs): the webhook's handshake while POST /webhooks is open, signed deliveries turned into rule
// triggers, forged and replayed deliveries, the Events API poll recovering a lost delivery, 429 storms.

const linkedTeam = asanaTeams();
const KEY = /^asana:(\d+):section:(\d+):(\d{4}-\d\d-\d\dT[\d:.]+Z)$/;

describe.each(databases())('Asana through the hub on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('connects with the bot’s token (checked with Asana, never answered back) and creates a webhook, answering its handshake during the open POST', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true });
    const refused = await t.jane.call('/v1/integrations/asana', { method: 'PUT', body: JSON.stringify({ token: 'not-a-token' }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('Not Authorized');
    const byTom = await t.tom.call('/v1/integrations/asana');
    expect(byTom.status).toBe(403);

    await t.hub.reactors.tick();
    const hooks = t.control.webhooks();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ resource: t.project.gid, active: true });
    expect(hooks[0]!.target).toMatch(new RegExp(`^${t.hub.url}/hooks/asana/[\\w-]{20,}$`));
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.body).toMatchObject({ connected: true, user: { name: 'Baton bot' }, projects: [{ gid: t.project.gid, clientId: 'northwind', clientName: 'Northwind Outfitters', webhook: 'active' }], pollSeconds: 60 });
    expect(JSON.stringify(status.body)).not.toContain(t.asana.token);
    // Sealed at rest: neither the token nor the webhook secret is in the database as it is.
    const rows = await t.hub.store.db.query<any>('select s.token, p.webhook_secret from asana_settings s join asana_projects p using (workspace_id)');
    expect(rows.rows[0].token).not.toContain(t.asana.token);
    expect(rows.rows[0].webhook_secret).not.toContain(hooks[0]!.secret);
    // A second tick creates nothing more, and a second handshake on a working hook is refused.
    await t.hub.reactors.tick();
    expect(t.control.webhooks()).toHaveLength(1);
    const again = await fetch(hooks[0]!.target, { method: 'POST', headers: { 'X-Hook-Secret': 'attacker' } });
    expect(again.status).toBe(401);
    // Disconnecting deletes the webhook at Asana, and the token with it.
    const gone = await t.jane.call('/v1/integrations/asana', { method: 'DELETE' });
    expect(gone.body).toMatchObject({ connected: false, projects: [{ gid: t.project.gid, webhook: 'none' }] });
    expect(t.control.webhooks()).toEqual([]);
  });

  it('turns a signed delivery of a section move into a trigger with the task’s facts and the event’s key', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true });
    await t.hub.reactors.tick();
    const before = t.control.requests().length;
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    await t.control.settled();
    const [trigger] = await until(() => (t.fired.length ? t.fired : undefined), 'the trigger');
    // One Asana call per fired trigger on the webhook path: the task read again (events carry ids only).
    expect(t.control.requests().slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /tasks/${t.task.gid}`]);
    expect(trigger).toMatchObject({
      kind: 'asana.section',
      clientId: 'northwind',
      sectionGid: t.sections.ready.gid,
      sectionName: 'Ready for creative',
      label: 'Task “Spring launch video” moved to Ready for creative',
      task: { gid: t.task.gid, name: 'Spring launch video', notes: 'Three cuts.', dueOn: '2026-12-20', projectGids: [t.project.gid], sectionNames: ['Ready for creative'] },
    });
    expect(trigger!.task.url).toMatch(/^https:\/\/app\.asana\.com\//);
    const [, taskGid, sectionGid] = KEY.exec(trigger!.key) ?? [];
    expect([taskGid, sectionGid]).toEqual([t.task.gid, t.sections.ready.gid]);
    expect(t.control.deliveries().filter((d) => d.body.includes(t.task.gid)).map((d) => d.status)).toContain(200);
    const status = await t.jane.call('/v1/integrations/asana');
    expect(Date.parse(status.body.projects[0].lastEventAt)).toBeGreaterThan(Date.now() - 60_000);
    const heartbeat = await t.control.heartbeat();
    expect(heartbeat.map((d) => d.status)).toEqual([200]);
  });

  it('answers a forged or unsigned delivery 401 and changes nothing', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true });
    await t.hub.reactors.tick();
    const target = t.control.webhooks()[0]!.target;
    const body = JSON.stringify({ events: [{ user: null, created_at: new Date().toISOString(), action: 'added', resource: { gid: t.task.gid, resource_type: 'task' }, parent: { gid: t.sections.ready.gid, resource_type: 'section' } }] });
    const forged = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Hook-Signature': createHmac('sha256', 'guessed').update(body).digest('hex') }, body });
    const unsigned = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const unknownHook = await fetch(`${t.hub.url}/hooks/asana/nope`, { method: 'POST', body });
    expect([forged.status, unsigned.status, unknownHook.status]).toEqual([401, 401, 410]);
    await t.hub.reactors.tick();
    expect(t.fired).toEqual([]);
    const inbox = await t.hub.store.db.query<any>('select count(*)::int as n from asana_inbox');
    expect(inbox.rows[0].n).toBe(0);
  });

  it('fires once for a replayed delivery and for the poll’s copy of a delivered change: the same key', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true, pollSeconds: 0.3 });
    await t.hub.reactors.tick();
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    await t.control.settled();
    await until(() => t.fired.length === 1, 'the first trigger');
    const replay = await t.control.replayLastDelivery();
    expect(replay.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    await t.hub.reactors.tick();
    expect(t.fired).toHaveLength(1);
    const rows = await t.hub.store.db.query<any>('select via, outcome from asana_inbox');
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].via).toBe('webhook');
    expect(JSON.parse(rows.rows[0].outcome).key).toBe(t.fired[0]!.key);
  });

  it('finds a dropped delivery with the Events API poll within its period, under the key the webhook would have given', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true, pollSeconds: 1 });
    await t.hub.reactors.tick(); // webhook, and the first poll's 412: the sync token
    t.control.dropNextDeliveries(1);
    const movedAt = Date.now();
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    await t.control.settled();
    await t.hub.reactors.tick();
    expect(t.fired).toEqual([]); // the poll is not due yet: nothing came by webhook
    const trigger = await until(async () => {
      await t.hub.reactors.tick();
      return t.fired[0];
    }, 'the poll to find the move', 5000);
    // Within its period (1 s), give or take a loaded machine's ticks.
    expect(Date.now() - movedAt).toBeLessThan(4000);
    expect(trigger).toMatchObject({ kind: 'asana.section', sectionName: 'Ready for creative', clientId: 'northwind' });
    const story = t.control.stories(t.task.gid).find((s: any) => s.resource_subtype === 'section_changed') as any;
    expect(KEY.exec(trigger.key)?.[3]).toBe(story.created_at);
    const rows = await t.hub.store.db.query<any>('select via from asana_inbox');
    expect(rows.rows).toEqual([{ via: 'poll' }]);
  });

  it('loses nothing in a 429 storm and waits each Retry-After before calling Asana again', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.2 });
    await t.hub.reactors.tick(); // the sync token
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    t.control.completeTask(t.task.gid);
    const before = t.control.requests().length;
    t.control.rateLimit({ requests: 3, retryAfterSeconds: 1 });
    const started = Date.now();
    await until(async () => {
      await t.hub.reactors.tick();
      return t.fired.length >= 2;
    }, 'both triggers after the storm', 8000);
    const calls = t.control.requests().slice(before);
    const limited = calls.filter((c) => c.status === 429);
    expect(limited).toHaveLength(3);
    for (const c of limited) {
      const next = calls[calls.indexOf(c) + 1];
      if (next) expect(Date.parse(next.at) - Date.parse(c.at)).toBeGreaterThanOrEqual(950);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(t.fired.map((f) => f.kind).sort()).toEqual(['asana.completed', 'asana.section']);
    // Calls after the storm: one GET /events, and one read of the task for both changes.
    expect(calls.filter((c) => c.status === 200).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /events', `GET /tasks/${t.task.gid}`]);
  });

  it('fires on a custom field taking a value and on completion, and stops polling a project no longer linked', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true });
    const status = t.control.createCustomField({ name: 'Status', type: 'enum', options: ['Planning', 'Ready for creative'], projects: [t.project.gid] });
    await t.hub.reactors.tick();
    t.control.setCustomField(t.task.gid, status.gid, 'Ready for creative');
    t.control.completeTask(t.task.gid);
    await t.control.settled();
    await until(() => t.fired.length >= 2, 'two triggers');
    expect(t.fired.find((f) => f.kind === 'asana.custom_field')).toMatchObject({ fieldGid: status.gid, fieldName: 'Status', value: 'Ready for creative', key: expect.stringMatching(new RegExp(`^asana:${t.task.gid}:field:${status.gid}:`)) });
    expect(t.fired.find((f) => f.kind === 'asana.completed')).toMatchObject({ label: 'Task “Spring launch video” completed', key: expect.stringMatching(new RegExp(`^asana:${t.task.gid}:completed:`)) });

    await t.jane.push(t.jane.event('client.archived', 'northwind', { archived: true }));
    await t.hub.reactors.tick();
    expect(t.control.webhooks()).toEqual([]);
    const gone = await t.jane.call('/v1/integrations/asana', { method: 'DELETE' });
    expect(gone.body).toMatchObject({ connected: false, projects: [] });
  });
});
