import { describe, expect, it } from 'vitest';
import type { BatonEvent } from '../../../lib/model/event';
import type { Db } from '../../../server/db';
import { startHub } from '../../../server/server';
import type { PushResult } from '../../../server/store';
import { databases, freshDb, join, teamsClosedAfterEach, type Member } from './hub-harness';

const { closeAfter } = teamsClosedAfterEach();

/**
 * The database, counting the transactions and NOTIFYs the hub makes. `failNextCommit` loses the next
 * commit as a dropped connection does; `failCommitsWith` fails, every time, a commit of a transaction
 * that wrote the event with that id (a fault of the hub's, not of the database).
 */
function counted(db: Db) {
  const counts = { transactions: 0, notifies: 0, failNextCommit: false, failCommitsWith: '' };
  const counting = (query: Db['query'], wrote: Set<string>): Db['query'] => (text, params) => {
    if (text.includes('pg_notify') && params?.[0] === 'baton_events') counts.notifies += 1;
    if (text.startsWith('insert into events')) for (const param of params ?? []) if (typeof param === 'string') wrote.add(param);
    return query(text, params);
  };
  const wrapped: Db = {
    ...db,
    query: counting(db.query, new Set()),
    transaction: (work) => {
      counts.transactions += 1;
      const wrote = new Set<string>();
      return db.transaction(async (tx) => {
        const result = await work({ query: counting(tx.query, wrote) });
        if (counts.failNextCommit) {
          counts.failNextCommit = false;
          throw new Error('Connection terminated unexpectedly');
        }
        if (counts.failCommitsWith && wrote.has(counts.failCommitsWith)) throw new Error('a fault of the hub’s own');
        return result;
      });
    },
  };
  return { db: wrapped, counts };
}

/** A hub on a counted database with a workspace and four members. */
async function countedTeam(kind: 'pglite' | 'postgres', url?: string) {
  const { db: raw } = await freshDb(kind, url);
  const { db, counts } = counted(raw);
  const hub = closeAfter(await startHub(db, { port: 0 }));
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  const people = [
    { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' as const },
    { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' as const },
    { email: 'ana@brightlane.agency', name: 'Ana Lima', role: 'member' as const },
    { email: 'raj@brightlane.agency', name: 'Raj Patel', role: 'member' as const },
  ];
  const members: Member[] = [];
  for (const person of people) members.push(await join(hub, await hub.store.createInvite(workspaceId, person)));
  return { hub, workspaceId, members, counts };
}

async function log(member: Member): Promise<{ seq: number; event: BatonEvent }[]> {
  return (await member.call('/v1/events?after=0&limit=1000')).body.events;
}

const caller = (workspaceId: string, member: Member) => ({ workspaceId, memberId: member.id });
const seqOf = (result: PushResult | undefined) => (result && 'seq' in result ? result.seq : undefined);

describe.each(databases())('group commit on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('200 concurrent single-event pushes from four members: each answered alone, seqs distinct and gap-free in the order judged, in fewer transactions', async () => {
    const { hub, workspaceId, members, counts } = await countedTeam(kind, url);
    const before = (await log(members[0]!)).at(-1)!.seq;
    const startTransactions = counts.transactions;
    const startNotifies = counts.notifies;
    const events = Array.from({ length: 200 }, (_, i) => members[i % 4]!.event('client.created', `client-${i}`, { name: `Client ${i}` }));
    // Straight to the store, all at once (over HTTP in this one process, requests trickle in one by one).
    const answers = await Promise.all(events.map((event, i) => hub.store.push(caller(workspaceId, members[i % 4]!), [event])));
    // Each push answered with its own event's result.
    answers.forEach((results, i) => {
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ id: events[i]!.id, status: 'accepted' });
    });
    const seqs = answers.map((results) => seqOf(results[0])!);
    // Judged in the order pushed: gap-free, distinct, rising.
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
    // The log holds each event at the seq its push was answered with.
    const stored = new Map((await log(members[1]!)).map((e) => [e.event.id, e.seq]));
    answers.forEach((results, i) => expect(stored.get(events[i]!.id)).toBe(seqOf(results[0])));
    // Gathered: fewer commits and announcements than pushes (groups of at most 64 pushes).
    expect(counts.transactions - startTransactions).toBeLessThanOrEqual(10);
    expect(counts.transactions - startTransactions).toBeGreaterThanOrEqual(4);
    expect(counts.notifies - startNotifies).toBe(counts.transactions - startTransactions);
  });

  it('pushes gathered into one transaction are judged in turn: one the reducer refuses is rejected alone', async () => {
    const { hub, workspaceId, members, counts } = await countedTeam(kind, url);
    const [jane, tom, ana] = members as [Member, Member, Member];
    const before = (await log(jane)).at(-1)!.seq;
    const startTransactions = counts.transactions;
    const pushes = [
      hub.store.push(caller(workspaceId, jane), [jane.event('client.created', 'northwind', { name: 'Northwind' })]),
      // Judged after Jane's push: the client exists by then.
      hub.store.push(caller(workspaceId, tom), [tom.event('client.updated', 'northwind', { name: 'Northwind Outfitters' })]),
      // Refused by the reducer: the client does not exist.
      hub.store.push(caller(workspaceId, ana), [ana.event('client.updated', 'nobody', { name: 'Nobody' })]),
      // Tom acting as Jane: refused.
      hub.store.push(caller(workspaceId, tom), [jane.event('client.created', 'forged', { name: 'Forged' })]),
      hub.store.push(caller(workspaceId, ana), [ana.event('client.created', 'acme', { name: 'Acme' }), ana.event('client.updated', 'acme', { name: 'Acme Corp' })]),
    ];
    const results = await Promise.all(pushes);
    expect(results.map((r) => r.map((x) => x.status))).toEqual([['accepted'], ['accepted'], ['rejected'], ['rejected'], ['accepted', 'accepted']]);
    expect(results.flat().map(seqOf)).toEqual([before + 1, before + 2, undefined, undefined, before + 3, before + 4]);
    expect(counts.transactions - startTransactions).toBe(1);
    expect((await log(jane)).slice(-4).map((e) => [e.seq, e.event.type, e.event.entity.id])).toEqual([
      [before + 1, 'client.created', 'northwind'],
      [before + 2, 'client.updated', 'northwind'],
      [before + 3, 'client.created', 'acme'],
      [before + 4, 'client.updated', 'acme'],
    ]);
  });

  it('an event the database refuses sinks neither its group nor the rest of its own push', async () => {
    const { hub, workspaceId, members, counts } = await countedTeam(kind, url);
    const [jane, tom] = members as [Member, Member];
    // A stand-in for whatever the database may refuse one day that the hub did not foresee.
    await hub.store.db.query("alter table events add constraint test_refuses check (body::text not like '%refuse-me%')");
    const before = (await log(jane)).at(-1)!.seq;
    const startTransactions = counts.transactions;
    const results = await Promise.all([
      hub.store.push(caller(workspaceId, jane), [jane.event('client.created', 'northwind', { name: 'Northwind' })]),
      hub.store.push(caller(workspaceId, tom), [
        tom.event('client.created', 'acme', { name: 'Acme' }),
        tom.event('client.created', 'refused', { name: 'refuse-me' }),
        tom.event('client.created', 'globex', { name: 'Globex' }),
      ]),
      hub.store.push(caller(workspaceId, jane), [jane.event('client.updated', 'acme', { name: 'Acme Corp' })]),
    ]);
    expect(counts.transactions - startTransactions).toBe(1);
    expect(results.map((r) => r.map((x) => x.status))).toEqual([['accepted'], ['accepted', 'rejected', 'accepted'], ['accepted']]);
    expect(results[1]![1]).toMatchObject({ reason: expect.stringMatching(/^The hub could not store this event: .*test_refuses/) });
    expect(results.flat().map(seqOf)).toEqual([before + 1, before + 2, undefined, before + 3, before + 4]);
    expect((await log(jane)).slice(-4).map((e) => e.event.entity.id)).toEqual(['northwind', 'acme', 'globex', 'acme']);
  });

  it('a group whose commit fails fails every push in it; sent again, they are taken once each', async () => {
    const { hub, workspaceId, members, counts } = await countedTeam(kind, url);
    const [jane, tom] = members as [Member, Member];
    const before = (await log(jane)).at(-1)!.seq;
    const batches = [[jane.event('client.created', 'northwind', { name: 'Northwind' })], [tom.event('client.created', 'acme', { name: 'Acme' })]];
    const who = [jane, tom];
    counts.failNextCommit = true;
    const failed = await Promise.allSettled(batches.map((events, i) => hub.store.push(caller(workspaceId, who[i]!), events)));
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect((await log(jane)).at(-1)!.seq).toBe(before);
    const again = await Promise.all(batches.map((events, i) => hub.store.push(caller(workspaceId, who[i]!), events)));
    expect(again.flat()).toEqual([
      { id: batches[0]![0]!.id, status: 'accepted', seq: before + 1 },
      { id: batches[1]![0]!.id, status: 'accepted', seq: before + 2 },
    ]);
  });

  it('a push whose write fails every time, for a reason other than the database, fails alone: its group’s other pushes are taken', async () => {
    const { hub, workspaceId, members, counts } = await countedTeam(kind, url);
    const [jane, tom, ana] = members as [Member, Member, Member];
    const before = (await log(jane)).at(-1)!.seq;
    const cursed = tom.event('client.created', 'acme', { name: 'Acme' });
    const batches: [Member, unknown[]][] = [
      [jane, [jane.event('client.created', 'northwind', { name: 'Northwind' })]],
      [tom, [cursed]],
      [ana, [ana.event('client.created', 'globex', { name: 'Globex' })]],
    ];
    counts.failCommitsWith = cursed.id;
    const settled = await Promise.allSettled(batches.map(([who, events]) => hub.store.push(caller(workspaceId, who), events)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await log(jane)).map((e) => e.seq).filter((seq) => seq > before)).toHaveLength(2);
  });
});
