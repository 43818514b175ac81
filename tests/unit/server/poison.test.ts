import { describe, expect, it } from 'vitest';
import type { Hub } from '../../../server/server';
import type { BatonEvent } from '../../../lib/model/event';
import { databases, teamsClosedAfterEach, type Member } from './hub-harness';

const { team } = teamsClosedAfterEach();

async function pulled(member: Member): Promise<{ seq: number; event: BatonEvent }[]> {
  return (await member.call('/v1/events?after=0&limit=1000')).body.events;
}

/** The event as a browser without clean text would send it: makeEvent itself now cleans. */
function withName<T extends { payload: object }>(event: T, name: string): T {
  return { ...event, payload: { ...event.payload, name } };
}

async function logState(hub: Hub, workspaceId: string) {
  const count = await hub.store.db.query<{ n: string; max: string | null }>('select count(*) as n, max(seq) as max from events where workspace_id = $1', [workspaceId]);
  const last = await hub.store.db.query<{ last_seq: string }>('select last_seq from workspaces where id = $1', [workspaceId]);
  return { count: Number(count.rows[0]!.n), maxSeq: Number(count.rows[0]!.max), lastSeq: Number(last.rows[0]!.last_seq) };
}

// The audit: one string PostgreSQL cannot store in jsonb made the hub answer 500 for the whole batch.
describe.each(databases())('one unstorable event on $kind', { timeout: 30_000 }, ({ kind, url }) => {
  it('a batch of [good, NUL, good, half an emoji, good] is judged event by event; nothing half-written', async () => {
    const { hub, workspaceId, jane } = await team(kind, url);
    const before = await logState(hub, workspaceId);
    const results = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      withName(jane.event('client.created', 'poison-nul', { name: 'Harbor' }), 'Harbor\u0000Pine'),
      jane.event('client.created', 'acme', { name: 'Acme' }),
      withName(jane.event('client.updated', 'northwind', { name: 'North' }), 'North 😀'.slice(0, -1)),
      jane.event('client.created', 'globex', { name: 'Globex' }),
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'accepted']);
    for (const refused of [results[1], results[3]]) expect(refused.reason).toMatch(/NUL character or half of an emoji/);
    expect(results.filter((r) => r.status === 'accepted').map((r) => r.seq)).toEqual([before.lastSeq + 1, before.lastSeq + 2, before.lastSeq + 3]);
    expect(await logState(hub, workspaceId)).toEqual({ count: before.count + 3, maxSeq: before.lastSeq + 3, lastSeq: before.lastSeq + 3 });
    expect((await pulled(jane)).slice(-3).map((e) => e.event.entity.id)).toEqual(['northwind', 'acme', 'globex']);
    // The workspace goes on: the next push is accepted after them.
    const [next] = await jane.push(jane.event('client.created', 'initech', { name: 'Initech' }));
    expect(next).toMatchObject({ status: 'accepted', seq: before.lastSeq + 4 });
  });

  it('any other refusal by the database rejects that event alone, with the reason; the next ones are judged without it', async () => {
    const { hub, workspaceId, jane } = await team(kind, url);
    // A stand-in for whatever the database may refuse one day that the hub did not foresee.
    await hub.store.db.query("alter table events add constraint test_refuses check (body::text not like '%refuse-me%')");
    const before = await logState(hub, workspaceId);
    const results = await jane.push(
      jane.event('client.created', 'northwind', { name: 'Northwind Outfitters' }),
      jane.event('client.created', 'refused', { name: 'refuse-me' }),
      // Judged against a workspace without the refused client: it does not exist.
      jane.event('client.updated', 'refused', { ownerId: jane.id }),
      jane.event('client.created', 'acme', { name: 'Acme' }),
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(results[1].reason).toMatch(/^The hub could not store this event: .*test_refuses/);
    expect(results.filter((r) => r.status === 'accepted').map((r) => r.seq)).toEqual([before.lastSeq + 1, before.lastSeq + 2]);
    expect(await logState(hub, workspaceId)).toEqual({ count: before.count + 2, maxSeq: before.lastSeq + 2, lastSeq: before.lastSeq + 2 });
    // The refused one can be sent again later, once the database takes it.
    await hub.store.db.query('alter table events drop constraint test_refuses');
    const again = await jane.push(jane.event('client.updated', 'acme', { name: 'Acme Corp' }));
    expect(again[0]).toMatchObject({ status: 'accepted', seq: before.lastSeq + 3 });
  });
});
