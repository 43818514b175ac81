/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import { describe, expect, it } from 'vitest';
import { asanaTeams, until } from './asana-harness';
import { databases } from './hub-harness';

// Asana through the hub when parts of it fail, against the local Asana: one bad linked project, a
// custom field changed twice between two polls.

const linkedTeam = asanaTeams();

describe.each(databases())('Asana through the hub, faults, on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('keeps polling the other projects when one linked project is refused, and shows why in the status', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.3 });
    const linked = await t.jane.push(
      t.jane.event('client.created', 'typo', { name: 'Typo Inc' }),
      t.jane.event('client.identifier_linked', 'typo', { identifier: { kind: 'asana-project', value: '999' } }),
    );
    expect(linked.map((r: any) => r.status)).toEqual(['accepted', 'accepted']);
    await t.hub.reactors.tick(); // the good project's sync token; the bad one refused
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    const movedAt = Date.now();
    const trigger = await until(async () => {
      await t.hub.reactors.tick();
      return t.fired[0];
    }, 'the move in the good project', 5000);
    expect(Date.now() - movedAt).toBeLessThan(3000);
    expect(trigger).toMatchObject({ kind: 'asana.section', clientId: 'northwind', sectionName: 'Ready for creative' });
    const status = await t.jane.call('/v1/integrations/asana');
    const bad = status.body.projects.find((p: any) => p.gid === '999');
    expect(bad).toMatchObject({ clientId: 'typo', poll: 'failed', pollError: expect.stringContaining('400') });
    expect(status.body.projects.find((p: any) => p.gid === t.project.gid).poll).toBeUndefined();
  });

  it('fires one trigger, with the newest value, for a field changed twice between two polls', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.2 });
    const field = t.control.createCustomField({ name: 'Status', type: 'enum', options: ['Ready', 'Done'], projects: [t.project.gid] });
    await t.hub.reactors.tick(); // the sync token
    t.control.setCustomField(t.task.gid, field.gid, 'Ready');
    await new Promise((r) => setTimeout(r, 5)); // two events (same created_at would be one inbox row)
    t.control.setCustomField(t.task.gid, field.gid, 'Done');
    await new Promise((r) => setTimeout(r, 250));
    await t.hub.reactors.tick();
    expect(t.fired.map((f: any) => [f.kind, f.value])).toEqual([['asana.custom_field', 'Done']]);
    const rows = await t.hub.store.db.query<any>('select outcome from asana_inbox order by received_ms, event_key');
    expect(rows.rows.map((r: any) => r.outcome)).toContain('superseded by a newer change of the field');
  });

  it('ends a pass at Asana’s first 503 (one call, not one per waiting event) and fires everything on the next tick', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.2 });
    const more = [1, 2].map((n) => t.control.createTask({ project: t.project.gid, section: t.sections.brief.gid, name: `Cut ${n}` }));
    await t.hub.reactors.tick(); // the sync token
    for (const task of [t.task, ...more]) t.control.moveTask(task.gid, t.sections.ready.gid);
    await new Promise((r) => setTimeout(r, 250));
    const before = t.control.requests().length;
    t.control.unavailable({ requests: 1, path: /^\/tasks\// });
    await t.hub.reactors.tick();
    const reads = t.control.requests().slice(before).filter((r) => r.path.startsWith('/tasks/'));
    expect(reads.map((r) => r.status)).toEqual([503]);
    expect(t.fired).toEqual([]);
    await t.hub.reactors.tick();
    expect(t.fired).toHaveLength(3);
  });

  it('does not count passes when Asana is unavailable, and sets an event aside only once it is a day old, with why', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.05 });
    await t.hub.reactors.tick(); // the sync token
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    await new Promise((r) => setTimeout(r, 100));
    t.control.unavailable({ requests: 25, path: /^\/tasks\// });
    for (let i = 0; i < 25; i++) await t.hub.reactors.tick();
    expect(t.fired).toEqual([]);
    await t.hub.reactors.tick();
    expect(t.fired).toHaveLength(1); // still waiting after 25 failed passes, fired once Asana answers

    t.control.moveTask(t.task.gid, t.sections.done.gid);
    await new Promise((r) => setTimeout(r, 100));
    t.control.unavailable({ requests: 1000, path: /^\/tasks\// });
    await t.hub.reactors.tick();
    await t.hub.store.db.query('update asana_inbox set received_ms = received_ms - 25 * 3600 * 1000 where processed_ms is null');
    await t.hub.reactors.tick();
    const rows = await t.hub.store.db.query<any>("select outcome from asana_inbox where outcome like 'given up%'");
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].outcome).toContain('503');
    expect(t.fired).toHaveLength(1);
  });

  it('creates again a webhook left pending by a hub stopped during POST /webhooks, once it is two minutes old', async () => {
    const t = await linkedTeam(kind, url, { webhooks: true });
    await t.hub.reactors.tick();
    expect(t.control.webhooks()).toHaveLength(1);
    // As a crash during the open POST leaves it: pending, no webhook gid.
    await t.hub.store.db.query("update asana_projects set webhook_state = 'pending', webhook_gid = null, webhook_retry_ms = $1", [Date.now() + 60_000]);
    await t.hub.reactors.tick();
    expect(t.control.webhooks()).toHaveLength(1); // still within its two minutes: maybe under way elsewhere
    await t.hub.store.db.query('update asana_projects set webhook_retry_ms = $1', [Date.now() - 1000]);
    await t.hub.reactors.tick();
    expect(t.control.webhooks()).toHaveLength(2);
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.body.projects[0].webhook).toBe('active');
  });

  it('forgets the changes still waiting when Asana is disconnected: connecting again later fires nothing stale', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.05 });
    await t.hub.reactors.tick(); // the sync token
    t.control.moveTask(t.task.gid, t.sections.ready.gid);
    await new Promise((r) => setTimeout(r, 100));
    t.control.unavailable({ requests: 1, path: /^\/tasks\// });
    await t.hub.reactors.tick(); // recorded, not fired
    expect(t.fired).toEqual([]);
    expect((await t.jane.call('/v1/integrations/asana', { method: 'DELETE' })).status).toBe(200);
    expect((await t.jane.call('/v1/integrations/asana', { method: 'PUT', body: JSON.stringify({ token: t.asana.token }) })).status).toBe(200);
    await t.hub.reactors.tick();
    await new Promise((r) => setTimeout(r, 100));
    await t.hub.reactors.tick();
    expect(t.fired).toEqual([]);
  });

  it('says a saved token that cannot be read (the secret key changed) needs connecting again, and still disconnects', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false });
    await t.hub.store.db.query("update asana_settings set token = 'v1:AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'");
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ connected: false, lastError: 'The saved Asana token cannot be read (the hub’s secret key changed): connect again' });
    await t.hub.reactors.tick(); // nothing to call Asana with, and no failure either
    const gone = await t.jane.call('/v1/integrations/asana', { method: 'DELETE' });
    expect(gone.status).toBe(200);
    expect(gone.body.connected).toBe(false);
    expect(gone.body.lastError).toBeUndefined();
  });

  it('shows a revoked token in the status, not only in the hub log', async () => {
    const t = await linkedTeam(kind, url, { webhooks: false, pollSeconds: 0.05 });
    await t.hub.reactors.tick();
    expect((await t.jane.call('/v1/integrations/asana')).body).toMatchObject({ connected: true, failedWriteBacks: [] });
    expect((await t.jane.call('/v1/integrations/asana')).body.lastError).toBeUndefined();
    t.control.revokeToken(t.asana.token);
    await new Promise((r) => setTimeout(r, 100));
    await t.hub.reactors.tick();
    const status = await t.jane.call('/v1/integrations/asana');
    expect(status.body).toMatchObject({ connected: true, lastError: 'Asana refused the token: connect again' });
  });
});
