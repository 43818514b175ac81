// The local Asana behaves as Asana's docs say (tests/support/local-asana/README.md lists the sources).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAsana, type LocalAsana } from '../../support/local-asana';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook target: echoes the handshake (unless told not to) and answers deliveries with `statuses`. */
async function startReceiver(opts: { echo?: boolean; handshakeStatus?: number; statuses?: number[]; holdHandshake?: Promise<void> } = {}) {
  const handshakes: Received[] = [];
  const deliveries: Received[] = [];
  const statuses = [...(opts.statuses ?? [])];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const got = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const secret = req.headers['x-hook-secret'];
      if (typeof secret === 'string') {
        handshakes.push(got);
        await opts.holdHandshake;
        res.writeHead(opts.handshakeStatus ?? 200, opts.echo === false ? {} : { 'X-Hook-Secret': secret });
        res.end();
        return;
      }
      deliveries.push(got);
      res.writeHead(statuses.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/asana/h1`,
    handshakes,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let asana: LocalAsana;
let receivers: Receiver[];

async function api(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? asana.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${asana.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

function seed() {
  const c = asana.control;
  const project = c.createProject('Spring launch');
  const backlog = c.createSection(project.gid, 'Backlog');
  const ready = c.createSection(project.gid, 'Ready for creative');
  const status = c.createCustomField({ name: 'Status', type: 'enum', options: ['Draft', 'Approved'], projects: [project.gid] });
  const brief = c.createCustomField({ name: 'Brief link', type: 'text', projects: [project.gid] });
  const task = c.createTask({ project: project.gid, section: backlog.gid, name: 'Spring launch video', notes: 'Cut a 30 s spot', dueOn: '2027-03-01' });
  return { project, backlog, ready, status, brief, task };
}

async function hook(resource: string, receiver: Receiver, filters?: unknown) {
  return api('/webhooks', { method: 'POST', body: { data: { resource, target: receiver.url, ...(filters ? { filters } : {}) } } });
}

async function receiver(opts?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(opts);
  receivers.push(r);
  return r;
}

beforeEach(async () => {
  asana = await startLocalAsana({ allowPrivateTargets: true, deliveryRetryMs: [20, 20] });
  receivers = [];
});

afterEach(async () => {
  await asana.close();
  await Promise.all(receivers.map((r) => r.close()));
});

describe('auth and representations', () => {
  it('answers 401 with Asana’s error body without a valid token, and the bot with one', async () => {
    const none = await api('/users/me', { token: null });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ errors: [expect.objectContaining({ message: 'Not Authorized' })] });
    expect((await api('/users/me', { token: 'not-a-token' })).status).toBe(401);
    const me = await api('/users/me');
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({ gid: asana.control.bot.gid, resource_type: 'user', name: 'Baton bot' });
  });

  it('lists compact records by default and exactly the opt_fields asked for', async () => {
    const { project, ready, status, task } = seed();
    asana.control.setCustomField(task.gid, status.gid, 'Approved');
    const list = await api(`/projects/${project.gid}/tasks`);
    expect(list.json.data).toEqual([{ gid: task.gid, resource_type: 'task', name: 'Spring launch video', resource_subtype: 'default_task' }]);

    asana.control.moveTask(task.gid, ready.gid);
    const fields = 'name,completed,notes,due_on,permalink_url,assignee.name,memberships.section.name,custom_fields.name,custom_fields.enum_value.name,custom_fields.display_value';
    const got = await api(`/tasks/${task.gid}?opt_fields=${fields}`);
    expect(got.json.data).toEqual({
      gid: task.gid,
      name: 'Spring launch video',
      completed: false,
      notes: 'Cut a 30 s spot',
      due_on: '2027-03-01',
      permalink_url: `https://app.asana.com/1/${asana.control.workspace.gid}/project/${project.gid}/task/${task.gid}`,
      assignee: null,
      memberships: [{ section: { gid: ready.gid, name: 'Ready for creative' } }],
      custom_fields: [
        { gid: status.gid, name: 'Status', enum_value: { gid: status.enumOptions[1]!.gid, name: 'Approved' }, display_value: 'Approved' },
        { gid: expect.any(String), name: 'Brief link', display_value: null },
      ],
    });
    // Without opt_fields one task is its full record, nested objects compact.
    const full = (await api(`/tasks/${task.gid}`)).json.data;
    expect(full).toMatchObject({ resource_type: 'task', notes: 'Cut a 30 s spot', memberships: [{ project: { gid: project.gid, resource_type: 'project', name: 'Spring launch' } }] });
  });

  it('answers 404 for unknown objects and routes, 400 for bad bodies', async () => {
    const { task } = seed();
    const missing = await api('/tasks/999');
    expect(missing.status).toBe(404);
    expect(missing.json.errors[0].message).toMatch(/999/);
    expect((await api('/nothing-here')).status).toBe(404);
    expect((await api(`/tasks/${task.gid}`, { method: 'PUT', body: { name: 'no data wrapper' } })).json.errors[0].message).toBe('data: Missing input');
    expect((await api(`/tasks/${task.gid}`, { method: 'PUT', body: { data: { completed: 'yes' } } })).status).toBe(400);
    expect((await api(`/tasks/${task.gid}`, { method: 'PUT', body: { data: { assignee: '12345' } } })).status).toBe(400);
    expect((await api('/webhooks')).json.errors[0].message).toBe('workspace: Missing input');
  });
});

describe('tasks, stories and sections', () => {
  it('updates assignee, completion and name, writing stories', async () => {
    const { task } = seed();
    const ana = asana.control.createUser('Ana Lopes');
    const put = await api(`/tasks/${task.gid}?opt_fields=assignee.name,completed,name`, { method: 'PUT', body: { data: { assignee: ana.user.gid, completed: true, name: 'Spring video' } } });
    expect(put.status).toBe(200);
    expect(put.json.data).toEqual({ gid: task.gid, assignee: { gid: ana.user.gid, name: 'Ana Lopes' }, completed: true, name: 'Spring video' });
    const subtypes = asana.control.stories(task.gid).map((s) => s.resource_subtype);
    expect(subtypes).toEqual(expect.arrayContaining(['assigned', 'marked_complete', 'name_changed']));
  });

  it('adds a comment by the bot (text or html_text) and lists it', async () => {
    const { task } = seed();
    const made = await api(`/tasks/${task.gid}/stories`, { method: 'POST', body: { data: { text: 'Handoff sent to Ana' } } });
    expect(made.status).toBe(201);
    expect(made.json.data).toMatchObject({ resource_type: 'story', resource_subtype: 'comment_added', type: 'comment', text: 'Handoff sent to Ana', created_by: { gid: asana.control.bot.gid } });
    const location = made.headers.get('location');
    expect(location).toBe(`${asana.url}/stories/${made.json.data.gid}`);
    expect((await api(location!.slice(asana.url.length))).json.data.text).toBe('Handoff sent to Ana');
    const rich = await api(`/tasks/${task.gid}/stories`, { method: 'POST', body: { data: { html_text: '<body>Confirmed by <strong>Ana</strong></body>' } } });
    expect(rich.json.data.text).toBe('Confirmed by Ana');
    expect((await api(`/tasks/${task.gid}/stories`, { method: 'POST', body: { data: { html_text: 'not xml' } } })).status).toBe(400);
    expect((await api(`/tasks/${task.gid}/stories`, { method: 'POST', body: { data: {} } })).json.errors[0].message).toBe('text: Missing input');
    const listed = await api(`/tasks/${task.gid}/stories`);
    expect(listed.json.data.map((s: { text: string }) => s.text)).toEqual(['Handoff sent to Ana', 'Confirmed by Ana']);
  });

  it('moves a task to a section with addTask, in the asked place', async () => {
    const { project, ready, task } = seed();
    const other = asana.control.createTask({ project: project.gid, section: ready.gid, name: 'Other' });
    const moved = await api(`/sections/${ready.gid}/addTask`, { method: 'POST', body: { data: { task: task.gid, insert_before: other.gid } } });
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ data: {} });
    const tasks = await api(`/projects/${project.gid}/tasks`);
    expect(tasks.json.data.map((t: { name: string }) => t.name)).toEqual(['Spring launch video', 'Other']);
    expect(asana.control.task(task.gid).memberships).toEqual([expect.objectContaining({ section: expect.objectContaining({ gid: ready.gid }) })]);
    expect(asana.control.stories(task.gid).at(-1)).toMatchObject({ resource_subtype: 'section_changed', text: 'moved this task from "Backlog" to "Ready for creative" in Spring launch' });
    expect((await api(`/sections/${ready.gid}/addTask`, { method: 'POST', body: { data: {} } })).json.errors[0].message).toBe('task: Missing input');
  });
});

describe('webhooks', () => {
  it('creates a webhook only when the target echoes X-Hook-Secret during the request', async () => {
    const { project } = seed();
    const silent = await receiver({ echo: false });
    const refused = await hook(project.gid, silent);
    expect(refused.status).toBe(400);
    expect(silent.handshakes).toHaveLength(1);
    const wrongStatus = await receiver({ handshakeStatus: 202 });
    expect((await hook(project.gid, wrongStatus)).status).toBe(400);
    expect(asana.control.webhooks()).toHaveLength(0);

    const good = await receiver();
    const made = await hook(project.gid, good);
    expect(made.status).toBe(201);
    expect(made.json.data).toMatchObject({ resource_type: 'webhook', active: true, target: good.url, resource: { gid: project.gid, name: 'Spring launch' } });
    expect(good.handshakes[0]!.headers['x-hook-secret']).toMatch(/^[0-9a-f]{64}$/);
    const listed = await api(`/webhooks?workspace=${asana.control.workspace.gid}&resource=${project.gid}`);
    expect(listed.json.data).toEqual([expect.objectContaining({ gid: made.json.data.gid, target: good.url })]);
    const again = await hook(project.gid, good);
    expect(again.status).toBe(403);
    expect(again.json.errors[0].message).toMatch(/^Duplicated webhook/);
    expect(good.handshakes).toHaveLength(1);
  });

  it('holds the POST /webhooks request open until the target has answered the handshake', async () => {
    const { project } = seed();
    let answer!: () => void;
    const r = await receiver({ holdHandshake: new Promise<void>((resolve) => (answer = resolve)) });
    let settledAt = 0;
    const creating = hook(project.gid, r).then((res) => ((settledAt = Date.now()), res));
    await expect.poll(() => r.handshakes.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settledAt).toBe(0);
    expect(asana.control.webhooks()).toHaveLength(0);
    answer();
    expect((await creating).status).toBe(201);
    expect(asana.control.webhooks()).toHaveLength(1);
  });

  it('refuses localhost and plain-http targets with 403 unless private targets are allowed', async () => {
    const strict = await startLocalAsana();
    try {
      const project = strict.control.createProject('P');
      const r = await receiver();
      for (const target of [r.url, 'http://example.com/hook', 'https://localhost/hook', 'https://10.1.2.3/hook']) {
        const res = await fetch(`${strict.url}/webhooks`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${strict.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ data: { resource: project.gid, target } }),
        });
        expect(res.status, target).toBe(403);
      }
      expect(r.handshakes).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('delivers a section move signed with the handshake secret: an added event with the section as parent, and the story', async () => {
    const { project, ready, task } = seed();
    const r = await receiver();
    await hook(project.gid, r);
    const secret = r.handshakes[0]!.headers['x-hook-secret'] as string;
    asana.control.moveTask(task.gid, ready.gid);
    await asana.control.settled();
    expect(r.deliveries).toHaveLength(1);
    const { body, headers } = r.deliveries[0]!;
    const hmac = (key: string) => createHmac('sha256', key).update(body).digest('hex');
    expect(headers['x-hook-signature']).toBe(hmac(secret));
    expect(headers['x-hook-signature']).not.toBe(hmac('another-secret'));
    const { events } = JSON.parse(body);
    expect(events).toEqual([
      expect.objectContaining({ action: 'added', resource: { gid: task.gid, resource_type: 'task', resource_subtype: 'default_task' }, parent: { gid: ready.gid, resource_type: 'section' }, user: { gid: asana.control.human.gid, resource_type: 'user' } }),
      expect.objectContaining({ action: 'added', resource: expect.objectContaining({ resource_type: 'story', resource_subtype: 'section_changed' }), parent: expect.objectContaining({ gid: task.gid }) }),
    ]);
    expect(events[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('applies filters: only events passing one are delivered', async () => {
    const { project, ready, status, task } = seed();
    const r = await receiver();
    await hook(project.gid, r, [{ resource_type: 'task', action: 'changed', fields: ['completed', 'custom_fields'] }]);
    asana.control.moveTask(task.gid, ready.gid);
    asana.control.setCustomField(task.gid, status.gid, 'Approved');
    asana.control.completeTask(task.gid);
    await asana.control.settled();
    const events = r.deliveries.flatMap((d) => JSON.parse(d.body).events);
    expect(events.map((e: { change: { field: string } }) => e.change.field)).toEqual(['custom_fields', 'completed']);
    expect(events[0].change.new_value).toEqual({ gid: status.gid, resource_type: 'custom_field', resource_subtype: 'enum', enum_value: { gid: status.enumOptions[1]!.gid, resource_type: 'enum_option' } });
    expect((await hook(project.gid, r, [{ resource_type: 'task', action: 'added', fields: ['name'] }])).status).toBe(400);

    // PUT /webhooks/{gid} replaces the filters whole.
    const gid = asana.control.webhooks()[0]!.gid;
    const put = await api(`/webhooks/${gid}`, { method: 'PUT', body: { data: { filters: [{ resource_type: 'story', resource_subtype: 'comment_added' }] } } });
    expect(put.json.data.filters).toEqual([{ resource_type: 'story', resource_subtype: 'comment_added' }]);
    const before = r.deliveries.length;
    asana.control.completeTask(task.gid, false);
    await api(`/tasks/${task.gid}/stories`, { method: 'POST', body: { data: { text: 'hi' } } });
    await asana.control.settled();
    expect(r.deliveries.slice(before).flatMap((d) => JSON.parse(d.body).events.map((e: { resource: { resource_subtype: string } }) => e.resource.resource_subtype))).toEqual(['comment_added']);
  });

  it('retries a failed delivery with the same body and signature, then stops', async () => {
    const { project, ready, task } = seed();
    const r = await receiver({ statuses: [500, 503, 200] });
    await hook(project.gid, r);
    asana.control.moveTask(task.gid, ready.gid);
    await asana.control.settled();
    const sent = asana.control.deliveries();
    expect(sent.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 503], [3, 200]]);
    expect(new Set(r.deliveries.map((d) => d.body)).size).toBe(1);
    expect(new Set(r.deliveries.map((d) => d.headers['x-hook-signature'])).size).toBe(1);

    // A target that keeps failing gets the first attempt and one retry per step of the schedule.
    const down = await receiver({ statuses: Array(10).fill(500) });
    const other = asana.control.createProject('Other');
    await hook(other.gid, down);
    const t = asana.control.createTask({ project: other.gid, name: 'x' });
    asana.control.completeTask(t.gid);
    await asana.control.settled();
    expect(down.deliveries).toHaveLength(2 * 3);
    expect(asana.control.webhooks().find((h) => h.resource === other.gid)?.lastFailureAt).toEqual(expect.any(String));
  });

  it('loses a dropped delivery for good while the Events API still has its events', async () => {
    const { project, ready, task } = seed();
    const r = await receiver();
    await hook(project.gid, r);
    const first = await api(`/events?resource=${project.gid}`);
    asana.control.dropNextDeliveries(1);
    asana.control.moveTask(task.gid, ready.gid);
    await asana.control.settled();
    expect(asana.control.deliveries()).toHaveLength(0);
    expect(r.deliveries).toHaveLength(0);
    const polled = await api(`/events?resource=${project.gid}&sync=${first.json.sync}`);
    expect(polled.json.data).toContainEqual(expect.objectContaining({ action: 'added', parent: { gid: ready.gid, resource_type: 'section' } }));
  });

  it('replays the last delivery byte for byte, sends signed heartbeats, and stops after DELETE', async () => {
    const { project, ready, backlog, task } = seed();
    const r = await receiver();
    const made = await hook(project.gid, r);
    const secret = r.handshakes[0]!.headers['x-hook-secret'] as string;
    asana.control.moveTask(task.gid, ready.gid);
    await asana.control.settled();
    await asana.control.replayLastDelivery();
    expect(r.deliveries).toHaveLength(2);
    expect(r.deliveries[1]!.body).toBe(r.deliveries[0]!.body);
    expect(r.deliveries[1]!.headers['x-hook-signature']).toBe(r.deliveries[0]!.headers['x-hook-signature']);
    await asana.control.heartbeat();
    expect(r.deliveries[2]!.body).toBe('{"events":[]}');
    expect(r.deliveries[2]!.headers['x-hook-signature']).toBe(createHmac('sha256', secret).update('{"events":[]}').digest('hex'));
    expect((await api(`/webhooks/${made.json.data.gid}`, { method: 'DELETE' })).json).toEqual({ data: {} });
    asana.control.moveTask(task.gid, backlog.gid);
    await asana.control.settled();
    expect(r.deliveries).toHaveLength(3);
  });
});

describe('events API', () => {
  it('answers 412 with a fresh sync token first, then the events since, paged', async () => {
    const { project, ready, task } = seed();
    const first = await api(`/events?resource=${project.gid}`);
    expect(first.status).toBe(412);
    expect(first.json.sync).toEqual(expect.any(String));
    expect(first.json.errors[0].message).toMatch(/Sync token invalid or too old/);
    const quiet = await api(`/events?resource=${project.gid}&sync=${first.json.sync}`);
    expect(quiet.json).toEqual({ data: [], sync: expect.any(String), has_more: false });

    asana.control.moveTask(task.gid, ready.gid);
    const moved = await api(`/events?resource=${project.gid}&sync=${quiet.json.sync}`);
    expect(moved.status).toBe(200);
    expect(moved.json.data[0]).toMatchObject({ action: 'added', resource: { gid: task.gid }, parent: { gid: ready.gid, resource_type: 'section' } });
    // Re-requesting the same token returns the same results.
    expect((await api(`/events?resource=${project.gid}&sync=${quiet.json.sync}`)).json.data).toEqual(moved.json.data);

    for (let i = 0; i < 60; i++) asana.control.updateTask(task.gid, { name: `Name ${i}` });
    const page1 = await api(`/events?resource=${project.gid}&sync=${moved.json.sync}`);
    expect(page1.json.data).toHaveLength(100);
    expect(page1.json.has_more).toBe(true);
    const page2 = await api(`/events?resource=${project.gid}&sync=${page1.json.sync}`);
    expect(page2.json.data).toHaveLength(20);
    expect(page2.json.has_more).toBe(false);
  });

  it('answers 412 with a new token for an unknown or expired token', async () => {
    const { task } = seed();
    expect((await api(`/events?resource=${task.gid}&sync=made-up`)).status).toBe(412);
    // Only tasks and projects have an event stream here (getEvents: "a task or project").
    expect((await api(`/events?resource=${asana.control.workspace.gid}`)).status).toBe(400);
    expect((await api('/events')).json.errors[0].message).toBe('resource: Missing input');
    const first = await api(`/events?resource=${task.gid}`);
    asana.control.expireSyncTokens();
    const expired = await api(`/events?resource=${task.gid}&sync=${first.json.sync}`);
    expect(expired.status).toBe(412);
    expect(expired.json.sync).not.toBe(first.json.sync);
  });
});

describe('rate limits', () => {
  it('limits each token per minute when asked to, with the seconds left in Retry-After', async () => {
    const limited = await startLocalAsana({ requestsPerMinute: 2 });
    try {
      const other = limited.control.createUser('Other app');
      const call = (token: string) => fetch(`${limited.url}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await call(limited.token)).status).toBe(200);
      expect((await call(limited.token)).status).toBe(200);
      const third = await call(limited.token);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect((await call(other.token)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers a 429 storm with Retry-After and the documented body, then serves again', async () => {
    asana.control.rateLimit({ requests: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const limited = await api('/users/me');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.json.errors[0].message).toBe("You've made too many requests and hit a rate limit. Please retry after the given amount of time.");
    }
    expect((await api('/users/me')).status).toBe(200);
    expect(asana.control.requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/users/me', 429],
      ['GET', '/users/me', 429],
      ['GET', '/users/me', 200],
    ]);
  });
});
