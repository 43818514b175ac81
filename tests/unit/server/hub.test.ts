import { describe, expect, it } from 'vitest';
import { MemoryModel } from '../../../lib/events/memory-model';
import type { BatonEvent } from '../../../lib/model/event';
import { openPostgres } from '../../../server/db';
import { startHub } from '../../../server/server';
import { databases, teamsClosedAfterEach, join, type Member } from './hub-harness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const { team, closeAfter } = teamsClosedAfterEach();

async function pullAll(member: Pick<Member, 'call'>): Promise<BatonEvent[]> {
  const events: BatonEvent[] = [];
  for (let after = 0; ; ) {
    const { body } = await member.call(`/v1/events?after=${after}&limit=2`);
    events.push(...body.events.map((e: { event: BatonEvent }) => e.event));
    after = body.next;
    if (!body.more) return events;
  }
}

// Each test starts a hub on a fresh database; PGlite takes a few seconds to boot on two cores.
describe.each(databases())('the hub on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  it('answers /healthz without a token and every /v1 route only with one', async () => {
    const { hub, jane } = await team(kind, url);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    for (const [method, path] of [['GET', '/v1/me'], ['GET', '/v1/events'], ['POST', '/v1/events']]) {
      expect((await fetch(`${hub.url}${path}`, { method })).status, path).toBe(401);
      expect((await fetch(`${hub.url}${path}`, { method, headers: { authorization: 'Bearer bt_forged' } })).status).toBe(401);
    }
    expect((await jane.call('/v1/me')).body.member).toMatchObject({ name: 'Jane Doe', role: 'admin' });
  });

  it('redeems an invite once, and keeps only hashes of invites and tokens', async () => {
    const { hub, workspaceId, jane } = await team(kind, url);
    const code = await hub.store.createInvite(workspaceId, { email: 'sam@brightlane.agency', name: 'Sam', role: 'member' });
    await join(hub, code);
    await expect(join(hub, code)).rejects.toThrow(/unknown or was already used/);
    const stored = JSON.stringify((await hub.store.db.query('select * from tokens')).rows) + JSON.stringify((await hub.store.db.query('select * from invites')).rows);
    expect(stored).not.toContain(jane.token);
    expect(stored).not.toContain(code);
  });

  it('plays a whole handoff loop between two members, live, and all three agree at the end', async () => {
    const { jane, tom, hub, workspaceId } = await team(kind, url);
    const tomStream = await tom.stream();
    await tomStream.next((m) => m.type === 'hello');
    const results = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('handoff.created', 'h1', { clientId: 'northwind', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // Tom's browser hears of it live, then pulls.
    const notice = await tomStream.next((m) => m.type === 'events');
    expect(notice.seq).toBe(results[2].seq);
    expect((await pullAll(tom)).map((e) => e.type)).toContain('handoff.sent');

    const [raised] = await tom.push(tom.event('handoff.gaps_raised', 'h1', { gaps: [{ id: 'g1', fieldIds: ['walkthrough'], question: 'Can we move the walkthrough to Thursday?' }] }));
    expect(raised.status).toBe('accepted');
    await jane.push(jane.event('handoff.gaps_answered', 'h1', { answers: [{ gapId: 'g1', answer: 'Yes, Thursday 10:00.' }], fields: { walkthrough: '2026-11-05' } }));
    const [confirmed] = await tom.push(tom.event('handoff.confirmed', 'h1', {}));
    expect(confirmed.status).toBe('accepted');

    const fromJane = new MemoryModel();
    for (const e of await pullAll(jane)) expect(fromJane.apply(e).ok).toBe(true);
    const fromTom = new MemoryModel();
    for (const e of await pullAll(tom)) fromTom.apply(e);
    expect(fromJane.handoff('h1')).toMatchObject({ state: 'confirmed', gapRounds: 1 });
    expect(fromTom.handoff('h1')).toEqual(fromJane.handoff('h1'));
    const { rows } = await hub.store.db.query<{ n: string }>('select count(*) as n from events where workspace_id = $1', [workspaceId]);
    expect(Number(rows[0]!.n)).toBe((await pullAll(jane)).length);
    tomStream.socket.close();
  });

  it('stores an event once however often it is pushed', async () => {
    const { jane } = await team(kind, url);
    const event = jane.event('client.created', 'kestrel', { name: 'Kestrel Bikes' });
    const [first] = await jane.push(event);
    const [again] = await jane.push(event);
    expect(again).toEqual({ id: event.id, status: 'duplicate', seq: first.seq });
    expect((await pullAll(jane)).filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('keeps workspaces apart, lets members act only as themselves, and refuses a revoked token', async () => {
    const a = await team(kind, url);
    const otherWorkspace = await a.hub.store.createWorkspace('Other agency');
    const outsider = await join(a.hub, await a.hub.store.createInvite(otherWorkspace, { email: 'eve@other.agency', name: 'Eve', role: 'admin' }));
    await a.jane.push(a.jane.event('client.created', 'secret-client', { name: 'Secret Client' }));
    // Eve sees only her own workspace.
    expect((await pullAll(outsider)).map((e) => e.type)).toEqual(['workspace.created', 'rule.saved', 'rule.saved']);
    // She cannot write into Jane's client, or reuse an event id from Jane's workspace.
    const [foreign] = await outsider.push(outsider.event('client.identifier_linked', 'secret-client', { identifier: { kind: 'email-domain', value: 'evil.test' } }));
    expect(foreign).toMatchObject({ status: 'rejected', reason: 'Unknown client.' });
    // Tom cannot act as Jane, nor confirm a handoff addressed to someone else.
    const [impersonated] = await a.tom.push(a.jane.event('client.created', 'x', { name: 'Impersonated' }));
    expect(impersonated).toMatchObject({ status: 'rejected', reason: 'You can only act as yourself.' });
    const sam = await join(a.hub, await a.hub.store.createInvite(a.workspaceId, { email: 'sam@brightlane.agency', name: 'Sam', role: 'member' }));
    await a.jane.push(
      a.jane.event('handoff.created', 'h1', { clientId: 'secret-client', templateId: 'brief-to-creative', templateVersion: 1, receiverId: a.tom.id, fields: COMPLETE_BRIEF }),
      a.jane.event('handoff.sent', 'h1', {}),
    );
    const [notTheirs] = await sam.push(sam.event('handoff.confirmed', 'h1', {}));
    expect(notTheirs).toMatchObject({ status: 'rejected', reason: 'Only the receiver can confirm receipt.' });
    // Revoked: the token stops working at once.
    expect(await a.hub.store.revokeTokens(a.workspaceId, 'tom@brightlane.agency')).toBe(1);
    expect((await a.tom.call('/v1/me')).status).toBe(401);
  });

  it('lets exactly one of two racing actions win: confirm against cancel, and two answers', async () => {
    const { jane, tom } = await team(kind, url);
    await jane.push(
      jane.event('client.created', 'c', { name: 'Client' }),
      jane.event('handoff.created', 'h1', { clientId: 'c', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }),
      jane.event('handoff.sent', 'h1', {}),
    );
    const [[confirm], [cancel]] = await Promise.all([tom.push(tom.event('handoff.confirmed', 'h1', {})), jane.push(jane.event('handoff.cancelled', 'h1', { reason: 'Client paused the project.' }))]);
    expect([confirm.status, cancel.status].sort()).toEqual(['accepted', 'rejected']);
    const loser = confirm.status === 'rejected' ? confirm : cancel;
    expect(loser.reason).toMatch(/cannot be (confirmed|cancelled)/);

    await jane.push(jane.event('handoff.created', 'h2', { clientId: 'c', templateId: 'brief-to-creative', templateVersion: 1, receiverId: tom.id, fields: COMPLETE_BRIEF }), jane.event('handoff.sent', 'h2', {}));
    await tom.push(tom.event('handoff.gaps_raised', 'h2', { gaps: [{ id: 'g', fieldIds: ['deadline'], question: 'Is the deadline firm?' }] }));
    const answers = await Promise.all([1, 2].map((n) => jane.push(jane.event('handoff.gaps_answered', 'h2', { answers: [{ gapId: 'g', answer: `Answer ${n}` }] }))));
    expect(answers.map(([r]) => r.status).sort()).toEqual(['accepted', 'rejected']);
    const seqs = (await pullAll(jane)).map((e) => e.id);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('rejects malformed, oversize and unknown input, and stores hostile text inert', async () => {
    const { hub, jane } = await team(kind, url);
    const post = (body: string) => fetch(`${hub.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${jane.token}`, 'content-type': 'application/json' }, body });
    expect((await post('{"events": [')).status).toBe(400);
    // Over 1 MB: answered 413 before the body is read (a client still sending may see the socket close).
    const oversize = await post(JSON.stringify({ events: [{ pad: 'x'.repeat(1_100_000) }] })).then((r) => r.status, () => 'closed');
    expect([413, 'closed']).toContain(oversize);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    const [unknown] = await jane.push({ ...jane.event('client.created', 'c1', { name: 'C' }), type: 'client.exploded' });
    expect(unknown).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^Invalid event: type/) });
    const hostile = "Robert'); DROP TABLE events; -- <script>alert(1)</script>";
    const [stored] = await jane.push(jane.event('client.created', 'bobby', { name: hostile }));
    expect(stored.status).toBe('accepted');
    const back = (await pullAll(jane)).find((e) => e.entity.id === 'bobby');
    expect(back?.payload).toMatchObject({ name: hostile });
    expect(Number((await hub.store.db.query<{ n: string }>('select count(*) as n from events')).rows[0]!.n)).toBeGreaterThan(1);
  });

  it.runIf(kind === 'postgres')('announces events across two hub processes sharing one PostgreSQL', async () => {
    const { jane, tom, dbUrl } = await team(kind, url);
    const second = await startHub(await openPostgres(dbUrl!), { port: 0 });
    closeAfter(second);
    const tomOnSecond = await join(second, await second.store.createInvite((await second.store.workspaces())[0]!.id, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
    expect(tomOnSecond.id).toBe(tom.id);
    const stream = await tomOnSecond.stream();
    await stream.next((m) => m.type === 'hello');
    const [pushed] = await jane.push(jane.event('client.created', 'c2', { name: 'Cross-process client' }));
    expect(await stream.next((m) => m.type === 'events')).toEqual({ type: 'events', seq: pushed.seq });
    // And the second process validates against what the first appended.
    const [dup] = await tomOnSecond.push(tomOnSecond.event('client.created', 'c3', { name: 'Cross-process client' }));
    expect(dup).toMatchObject({ status: 'rejected', reason: expect.stringContaining('already exists') });
    stream.socket.close();
  });
});
