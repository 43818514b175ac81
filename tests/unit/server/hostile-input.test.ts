import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../server/server';
import { databases, hubWithTeam, type Member } from './hub-harness';

/** `depth` arrays inside one another around a string: what a hostile client sends to blow a recursive check. */
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Bodies no client of Baton sends, but anyone on the network may. */
const HOSTILE_BODIES = [
  '',
  'null',
  '"events"',
  '12345678901234567890123456789',
  '[]',
  '{}',
  '{"events": 1e400}',
  '{"events": {"length": 3}}',
  '{"events": []}',
  '{"events": [null, 1, "x", true, [], {}]}',
  '{"__proto__": {"events": [1]}}',
  '{"events": [{"__proto__": {"id": "x"}, "constructor": {"prototype": {"polluted": true}}}]}',
  `{"events": [${'['.repeat(20_000)}${']'.repeat(20_000)}]}`,
  `{"events": [${nestedObjects(20_000)}]}`,
  `{"events": [{"id": ${nestedArrays(20_000)}}]}`,
  `{"events": [{"id": ${nestedObjects(20_000)}}]}`,
  '{"events": [{"id": 99999999999999999999999999, "type": "client.created", "at": -1e308}]}',
  `{"code": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
  '{"code": 1e400}',
  '{"code": {"__proto__": {"toString": 1}}}',
  '{"code": "bi_' + 'x'.repeat(150) + '"}',
  '{"events": [{"id": "x"',
];

const HOSTILE_QUERIES = [
  'after=99999999999999999999',
  'after=-1',
  'after=1e3',
  'after=0x10',
  'after=NaN',
  'after=1.5',
  'after=',
  'after=1&after=2',
  'limit=0',
  'limit=1001',
  'limit=99999999999999999999',
  'limit=-5',
  `after=${'9'.repeat(5000)}`,
  'after=%00',
  '__proto__=1&constructor=2',
];

describe.each(databases())('the hub on $kind answers bad input with a 4xx that says what is wrong', { timeout: 30_000 }, ({ kind, url }) => {
  let hub: Hub;
  let jane: Member;
  beforeAll(async () => {
    ({ hub, jane } = await hubWithTeam(kind, url));
  }, 60_000);
  afterAll(() => hub?.close());

  it('parses ?after and ?limit strictly and names the parameter', async () => {
    const overflow = await jane.call('/v1/events?after=99999999999999999999');
    expect(overflow.status).toBe(400);
    expect(overflow.body.error).toMatch(/after/);
    for (const query of ['after=-1', 'after=abc', 'after=1.5']) {
      const r = await jane.call(`/v1/events?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error, query).toMatch(/after/);
    }
    for (const query of ['limit=0', 'limit=1001', 'limit=ten']) {
      const r = await jane.call(`/v1/events?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error, query).toMatch(/limit/);
    }
    // What clients send still works: no parameters, and the largest sequence number a client can hold.
    expect((await jane.call('/v1/events')).status).toBe(200);
    const last = await jane.call(`/v1/events?after=${Number.MAX_SAFE_INTEGER}&limit=1000`);
    expect(last).toMatchObject({ status: 200, body: { events: [] } });
  });

  it('refuses fields nested 20,000 deep as one rejected event, naming it, and accepts the rest of the batch', async () => {
    const other = jane.event('client.created', 'c-other-client', { name: 'Other' });
    const fine = jane.event('client.created', 'c-fine-client', { name: 'Fine' });
    const results = await jane.push(fine);
    expect(results[0]).toMatchObject({ status: 'accepted' });
    // Built around makeEvent, which would refuse it: only a hostile client sends this.
    const handoff = (fieldValue: unknown) => {
      const base = jane.event('handoff.created', 'h-deep', { clientId: 'c-fine-client', templateId: 't-any', templateVersion: 1 });
      return { ...base, payload: { ...base.payload, fields: { brief: fieldValue } } };
    };
    const tooDeep = handoff('DEEP');
    const also = jane.event('client.created', 'c-after-deep', { name: 'After' });
    // JSON.stringify would overflow the test's own stack: the deep part is spliced in as text.
    const body = JSON.stringify({ events: [tooDeep, other, also] }).replace('"DEEP"', nestedArrays(20_000));
    const res = await jane.call('/v1/events', { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ id: tooDeep.id, status: 'rejected' });
    expect(res.body.results[0].reason).toMatch(/fields.*nested deeper than 32 levels/);
    expect(res.body.results.slice(1).map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    // 32 levels (the fields, then 31 arrays) is within the bound: whatever else is judged, not the depth.
    const withinBound = { ...handoff('DEEP'), id: 'h-within-bound-event' };
    const [within] = (await jane.call('/v1/events', { method: 'POST', body: JSON.stringify({ events: [withinBound] }).replace('"DEEP"', nestedArrays(31)) })).body.results;
    expect(within.reason ?? '').not.toMatch(/nested/);
  });

  it('answers no 5xx to hostile JSON on every route anyone can reach', async () => {
    const statuses: string[] = [];
    const send = async (label: string, path: string, init: RequestInit = {}) => {
      const r = await jane.call(path, init);
      statuses.push(`${r.status} ${label}`);
      if (r.status >= 400) expect(typeof r.body?.error, label).toBe('string');
    };
    for (const body of HOSTILE_BODIES) {
      await send(`POST /v1/events ${body.slice(0, 60)}`, '/v1/events', { method: 'POST', body });
      await send(`POST /v1/invites/redeem ${body.slice(0, 60)}`, '/v1/invites/redeem', { method: 'POST', body });
    }
    for (const query of HOSTILE_QUERIES) {
      await send(`GET /v1/events?${query.slice(0, 60)}`, `/v1/events?${query}`);
      await send(`GET /v1/metrics?${query.slice(0, 60)}`, `/v1/metrics?from=2026-01-01&to=2026-01-31&${query}`);
    }
    for (const query of ['from=99999-01-01&to=2026-01-01', 'from=2026-01-01&to=2026-01-01&tz=%00', 'from=2026-01-01&to=2026-01-01&now=99999999999999999999', 'from[]=1', 'from=2026-02-30&to=2026-02-31']) {
      await send(`GET /v1/metrics?${query}`, `/v1/metrics?${query}`);
    }
    expect(statuses.filter((s) => s.startsWith('5'))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And the hub still serves the member afterwards.
    expect((await jane.call('/v1/me')).status).toBe(200);
  }, 60_000);
});
