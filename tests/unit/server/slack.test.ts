import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactorContext } from '../../../server/reactors/reactor';
import { slackReactor } from '../../../server/slack/slack-reactor';
import { COMPLETE_BRIEF } from '../helpers/handoffs';
import { openPostgres } from '../../../server/db';
import { startHub } from '../../../server/server';
import { databases, teamsClosedAfterEach, type Member } from './hub-harness';
import { startSlackReceiver } from '../../support/slack-receiver';

// Issue 15, point 4: the hub posts a handoff's moments to Slack through incoming webhooks, each once,
// retried with backoff — against a local receiver that checks each payload as Slack does.

const { team, closeAfter } = teamsClosedAfterEach();
const PUBLIC_URL = 'https://baton.brightlane.agency';
const WORKSPACE_HOOK = '/services/T0001/B0001/workspaceSecret1234';
const NORTHWIND_HOOK = '/services/T0001/B0002/northwindSecret5678';
let receiver: Awaited<ReturnType<typeof startSlackReceiver>>;

beforeAll(() => {
  process.env.BATON_SLACK_WEBHOOK_HOSTS = '127.0.0.1';
});
afterEach(async () => {
  await receiver?.close();
});

const put = (member: Member, body: unknown) => member.call('/v1/integrations/slack', { method: 'PUT', body: JSON.stringify(body) });

async function slackTeam(kind: 'pglite' | 'postgres', url: string | undefined, clock?: () => number) {
  receiver = await startSlackReceiver([WORKSPACE_HOOK, NORTHWIND_HOOK]);
  const reactors = clock ? { reactors: [slackReactor({ now: clock })] } : {};
  const logs: Record<string, unknown>[] = [];
  const t = await team(kind, url, { publicUrl: PUBLIC_URL, reactorTickMs: 600_000, log: (entry) => logs.push(entry), ...reactors });
  await t.jane.push(t.jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }), t.jane.event('client.created', 'acme', { name: 'Acme & Sons' }));
  return { ...t, logs };
}

const created = (jane: Member, id: string, clientId: string, receiverId: string, title = 'Spring launch') =>
  jane.event('handoff.created', id, { clientId, templateId: 'brief-to-creative', templateVersion: 1, title, receiverId, fields: COMPLETE_BRIEF });

describe.each(databases())('Slack through the hub on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('posts sent, gaps and confirmed once each to the client’s channel, others to the workspace’s, with who, what and the link', async () => {
    const { hub, jane, tom, workspaceId, dbUrl } = await slackTeam(kind, url);
    // On PostgreSQL, a second hub process on the same database runs the same reactors at the same time.
    const second = dbUrl ? closeAfter(await startHub(await openPostgres(dbUrl), { port: 0, publicUrl: PUBLIC_URL, reactorTickMs: 600_000 })) : undefined;
    expect((await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK), clients: { northwind: receiver.url(NORTHWIND_HOOK) } })).status).toBe(200);
    await jane.push(created(jane, 'h1', 'northwind', tom.id), jane.event('handoff.sent', 'h1', {}), created(jane, 'h2', 'acme', tom.id, 'Q3 report'), jane.event('handoff.sent', 'h2', {}));
    const [gaps] = await tom.push(tom.event('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Can we move the walkthrough to Friday?' }] }));
    expect(gaps.status).toBe('accepted');
    await jane.push(jane.event('handoff.gaps_answered', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes.' }] }));
    const confirm = tom.event('handoff.confirmed', 'h1', {});
    await tom.push(confirm);
    await Promise.all([hub.reactors.drain(workspaceId), second?.reactors.drain(workspaceId)]);

    const northwind = receiver.posted.filter((p) => p.path === NORTHWIND_HOOK).map((p) => p.text);
    expect(northwind).toHaveLength(3);
    expect(northwind[0]).toMatch(/^\*Handoff sent\* · Northwind Outfitters\nJane Doe → Tom Reyes · .+ · “Spring launch”\nState: /);
    expect(northwind[1]).toContain('*Gaps raised*');
    expect(northwind[1]).toContain('• Can we move the walkthrough to Friday?');
    expect(northwind[2]).toContain('*Handoff confirmed*');
    expect(northwind[2]).toContain('State: confirmed');
    for (const text of northwind) expect(text).toContain(`<${PUBLIC_URL}/h/h1|Open this handoff in Baton>`);
    const workspace = receiver.posted.filter((p) => p.path === WORKSPACE_HOOK).map((p) => p.text);
    expect(workspace).toHaveLength(1);
    expect(workspace[0]).toContain('Acme &amp; Sons');
    expect(workspace[0]).toContain(`<${PUBLIC_URL}/h/h2|`);

    // Again: the same event replayed, another drain, a tick, and a second reactor racing over the same event.
    expect((await tom.push(confirm))[0].status).toBe('duplicate');
    await Promise.all([hub.reactors.drain(workspaceId), second?.reactors.drain(workspaceId)]);
    await Promise.all([hub.reactors.tick(), second?.reactors.tick()]);
    const event = (await hub.store.pull(workspaceId, 0, 1000)).find((e) => e.event.id === confirm.id)!;
    const ctx: ReactorContext = { db: hub.store.db, store: hub.store, publicUrl: PUBLIC_URL, log: () => undefined, now: Date.now, appendAs: () => Promise.resolve([]) };
    await Promise.all([slackReactor().handle!(ctx, { workspaceId, ...event }), slackReactor().handle!(ctx, { workspaceId, ...event })]);
    expect(receiver.posted).toHaveLength(4);
    const recent = (await jane.call('/v1/integrations/slack')).body.recent;
    expect(recent).toHaveLength(4);
    expect(recent.every((r: { status: string }) => r.status === 'sent')).toBe(true);
  });

  it('honours 429 Retry-After through a storm and delivers once; retries a 500; records a 404 and never tries it again', async () => {
    let now = Date.parse('2026-12-01T09:00:00Z');
    const { hub, jane, tom, workspaceId, logs } = await slackTeam(kind, url, () => now);
    await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK) });
    receiver.answerNext({ status: 429, body: 'rate_limited', retryAfter: 30 }, { status: 429, body: 'rate_limited', retryAfter: 30 }, { status: 500, body: 'internal_error' });
    await jane.push(created(jane, 'h1', 'acme', tom.id), jane.event('handoff.sent', 'h1', {}));
    await hub.reactors.drain(workspaceId);
    expect(receiver.refused.map((r) => r.status)).toEqual([429]);
    now += 20_000; // Slack asked for 30 s: nothing before
    await hub.reactors.tick();
    expect(receiver.refused).toHaveLength(1);
    now += 11_000;
    await hub.reactors.tick();
    expect(receiver.refused.map((r) => r.status)).toEqual([429, 429]);
    now += 31_000;
    await hub.reactors.tick();
    expect(receiver.refused.map((r) => r.status)).toEqual([429, 429, 500]);
    expect(receiver.posted).toHaveLength(0);
    now += 60_000; // past the backoff after three tries (20 s)
    await hub.reactors.tick();
    await hub.reactors.tick();
    expect(receiver.posted).toHaveLength(1);

    // A webhook Slack no longer knows: 404 no_service, kept with Slack's reason, never retried.
    await put(jane, { workspaceUrl: receiver.url('/services/T0001/B0009/deletedHook0000') });
    await jane.push(created(jane, 'h2', 'acme', tom.id), jane.event('handoff.sent', 'h2', {}));
    await hub.reactors.drain(workspaceId);
    for (let i = 0; i < 3; i++) {
      now += 10 * 60_000;
      await hub.reactors.tick();
    }
    expect(receiver.refused.filter((r) => r.status === 404)).toHaveLength(1);
    const [last] = (await jane.call('/v1/integrations/slack')).body.recent;
    expect(last).toMatchObject({ status: 'failed', reason: '404 no_service' });
    // The hub's log says so, without the URL (a secret).
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'Slack message not sent', reason: '404 no_service' }));
    expect(JSON.stringify(logs)).not.toMatch(/Secret|deletedHook/);
  });

  it('posts an overdue handoff once per deadline', async () => {
    let now = Date.now();
    const { hub, jane, tom, workspaceId } = await slackTeam(kind, url, () => now);
    await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK) });
    const dueBy = new Date(now + 3600_000).toISOString();
    await jane.push(created(jane, 'h1', 'acme', tom.id), jane.event('handoff.sent', 'h1', { dueBy }));
    await hub.reactors.drain(workspaceId);
    await hub.reactors.tick();
    expect(receiver.posted.map((p) => p.text.split(' ·')[0])).toEqual(['*Handoff sent*']);
    now += 2 * 3600_000;
    await hub.reactors.tick();
    await hub.reactors.tick();
    expect(receiver.posted.map((p) => p.text.split(' ·')[0])).toEqual(['*Handoff sent*', '*Overdue: not confirmed in time*']);
    expect(receiver.posted[1]!.text).toContain(`Confirm by: ${dueBy.slice(0, 10)} ${dueBy.slice(11, 16)} UTC`);
  });

  it('never lets hostile text ping a channel or break the payload', async () => {
    const { hub, jane, tom, workspaceId } = await slackTeam(kind, url);
    await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK) });
    await jane.push(
      jane.event('client.created', 'evil', { name: '<!channel> <script>alert(1)</script>' }),
      created(jane, 'h1', 'evil', tom.id, '<!here|x> @channel <https://evil.example|click> & co'),
      jane.event('handoff.sent', 'h1', {}),
    );
    const questions = Array.from({ length: 12 }, (_, i) => ({ id: `g${i}`, fieldIds: ['objective'], question: `<!everyone> ${'&'.repeat(3900)} ${i}` }));
    expect((await tom.push(tom.event('handoff.gaps_raised', 'h1', { gaps: questions })))[0].status).toBe('accepted');
    await hub.reactors.drain(workspaceId);
    expect(receiver.refused).toEqual([]);
    expect(receiver.posted).toHaveLength(2);
    for (const { text, blocks } of receiver.posted) {
      expect(text).not.toMatch(/<!|<https:\/\/evil|<script/);
      expect(text).not.toMatch(/@channel/);
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text } }]);
    }
    expect(receiver.posted[0]!.text).toContain('&lt;!channel&gt; &lt;script&gt;');
    expect(receiver.posted[1]!.text).toContain('…and 7 more');
  });

  it('keeps the URLs on the hub: admins see them masked, members only that they are set; checks each URL', async () => {
    const { jane, tom } = await slackTeam(kind, url);
    expect((await put(tom, { workspaceUrl: receiver.url(WORKSPACE_HOOK) })).status).toBe(403);
    const saved = await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK), clients: { northwind: receiver.url(NORTHWIND_HOOK) } });
    expect(saved.status).toBe(200);
    const shown = (await jane.call('/v1/integrations/slack')).body;
    expect(shown.workspace.masked).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…1234$/);
    expect(shown.clients).toEqual([{ clientId: 'northwind', masked: expect.stringMatching(/…5678$/) }]);
    expect(JSON.stringify(shown)).not.toContain('Secret');
    const seen = await tom.call('/v1/integrations/slack');
    expect(seen).toEqual({ status: 200, body: { workspace: {}, clients: [{ clientId: 'northwind' }], recent: [] } });

    const refused = async (body: unknown) => (await put(jane, body)).body.error as string;
    expect(await refused({ workspaceUrl: 'https://evil.example/services/x' })).toBe('A Slack webhook URL must be on 127.0.0.1 (this one is on evil.example).');
    expect(await refused({ workspaceUrl: 'not a url' })).toMatch(/^That is not a URL/);
    expect(await refused({ clients: { nobody: receiver.url(NORTHWIND_HOOK) } })).toBe('No client with the id nobody in this workspace.');
    expect(await refused({ workspaceUrl: 42 })).toMatch(/^Send \{"workspaceUrl"/);
    // A refused request changed nothing; null removes a channel.
    expect((await put(jane, { clients: { northwind: null } })).body.clients).toEqual([]);
    expect((await jane.call('/v1/integrations/slack')).body.workspace.masked).toMatch(/…1234$/);
  });

  it('seals the URLs at rest when BATON_SECRET_KEY is set, and reads a row saved before as it is', async () => {
    vi.stubEnv('BATON_SECRET_KEY', 'slack-test-secret-key');
    try {
      const { hub, jane } = await slackTeam(kind, url);
      expect((await put(jane, { workspaceUrl: receiver.url(WORKSPACE_HOOK) })).status).toBe(200);
      const stored = await hub.store.db.query<{ url: string }>('select url from slack_channels');
      expect(stored.rows).toHaveLength(1);
      expect(stored.rows[0]!.url).not.toContain(WORKSPACE_HOOK);
      expect(stored.rows[0]!.url).not.toContain('127.0.0.1');
      expect((await jane.call('/v1/integrations/slack')).body.workspace.masked).toMatch(/…1234$/);
      // A row saved before the key was set is read as it is.
      await hub.store.db.query('update slack_channels set url = $1', [receiver.url(WORKSPACE_HOOK)]);
      expect((await jane.call('/v1/integrations/slack')).body.workspace.masked).toMatch(/…1234$/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the handoff link page', { timeout: 30_000 }, () => {
  it('tells how to open the handoff in Baton, without a token and without a word of the workspace', async () => {
    const { hub, jane, tom } = await team('pglite', undefined, { publicUrl: PUBLIC_URL });
    await jane.push(jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }), created(jane, 'h1', 'northwind', tom.id, 'Secret launch'));
    const res = await fetch(`${hub.url}/h/h1`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('<h1>Open this handoff in Baton</h1>');
    expect(html).toContain('Baton icon');
    expect(html).toContain('side panel');
    expect(html).not.toMatch(/Secret launch|Northwind|h1"/);
    expect(await (await fetch(`${hub.url}/h/does-not-exist`)).text()).toBe(html);
  });
});
