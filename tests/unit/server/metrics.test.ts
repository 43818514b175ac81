/* eslint-disable @typescript-eslint/no-explicit-any -- hub responses are parsed JSON, checked by the tests */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendEvents, readLog } from '../../../lib/db/event-store';
import { openBatonDb } from '../../../lib/db/open';
import { makeEvent } from '../../../lib/events/make-event';
import { computeMetrics, type Metrics } from '../../../lib/metrics/compute';
import { collectFacts } from '../../../lib/metrics/facts';
import { computeFlows } from '../../../lib/metrics/flows';
import { metricsQueryParams, MetricsQuerySchema, type MetricsQueryInput } from '../../../lib/metrics/query';
import type { BatonEvent } from '../../../lib/model/event';
import type { Db, Queryable } from '../../../server/db';
import type { Hub } from '../../../server/server';
import { HubStore } from '../../../server/store';
import { freshName } from '../db/fixtures';
import { EMAILS, ms, NAMES, NOW, storyEvents, t, type Cast } from '../metrics/story';
import { databases, hubWithTeam, join, type Member } from './hub-harness';

const WEEK = { from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' } as const;
const NOW_ISO = new Date(NOW).toISOString();

/** GET /v1/metrics for a query, at the story's `now`. */
const url = (q: MetricsQueryInput, now: string | null = NOW_ISO) => `/v1/metrics?${metricsQueryParams(q)}${now ? `&now=${encodeURIComponent(now)}` : ''}`;

/** Pushes a log through the API, each run of events by the member who made them; all must be accepted. */
async function pushAll(people: Map<string, Member>, events: BatonEvent[]) {
  for (let i = 0; i < events.length; ) {
    let j = i;
    while (j < events.length && events[j]!.actor === events[i]!.actor) j++;
    const results = await people.get(events[i]!.actor)!.push(...events.slice(i, j));
    expect(results.map((r: any) => `${r.id} ${r.status} ${r.reason ?? ''}`.trim())).toEqual(events.slice(i, j).map((e) => `${e.id} accepted`));
    i = j;
  }
}

async function pullAll(member: Member): Promise<BatonEvent[]> {
  const events: BatonEvent[] = [];
  for (let after = 0; ; ) {
    const { body } = await member.call(`/v1/events?after=${after}&limit=1000`);
    events.push(...body.events.map((e: { event: BatonEvent }) => e.event));
    after = body.next;
    if (!body.more) return events;
  }
}

/** What JSON makes of a value: the hub's answer and the extension's compare as the same data. */
const asJson = (m: Metrics) => JSON.parse(JSON.stringify(m)) as unknown;

/** The rows the metric facts read from the events table: spies on the store's database. */
/** The events the hub made as the team joined: the workspace, its default rules, its members. */
const isFounding = (e: BatonEvent) => e.type === 'workspace.created' || e.type === 'rule.saved' || e.type === 'member.added';

function countFactReads(db: Db) {
  const original = db.query.bind(db);
  const reads: number[] = [];
  vi.spyOn(db, 'query').mockImplementation((async (text: string, params?: unknown[]) => {
    const result = await original(text, params);
    if (text.includes('from events where workspace_id = $1 and seq > $2 order by seq limit')) reads.push(result.rows.length);
    return result;
  }) as Db['query']);
  return reads;
}

describe.each(databases())('GET /v1/metrics on $kind', { timeout: 60_000 }, ({ kind, url: databaseUrl }) => {
  let hub: Hub;
  let workspaceId: string;
  let people: Map<string, Member>;
  let jane: Member;
  let cast: Cast;
  /** The log as the extension holds it: the hub's membership events, then the story as its members made it. */
  let localEvents: BatonEvent[];

  beforeAll(async () => {
    // The team joined before the story began: the hub refuses events dated before its workspace was
    // created, and it stamps the workspace's creation with its own clock (set back here, Date only).
    vi.useFakeTimers({ toFake: ['Date'], now: ms('01-31 09:00') });
    // No reactors: they read the log with the same query the fold does, and this file counts the fold's reads.
    const team = await hubWithTeam(kind, databaseUrl, { reactors: [] }).finally(() => vi.useRealTimers());
    ({ hub, workspaceId, jane } = team);
    const sam = await join(hub, await hub.store.createInvite(workspaceId, { email: EMAILS.sam, name: NAMES.sam, role: 'member' }));
    const ada = await join(hub, await hub.store.createInvite(workspaceId, { email: EMAILS.ada, name: NAMES.ada, role: 'member' }));
    expect([team.jane.name, team.tom.name]).toEqual([NAMES.jane, NAMES.tom]);
    cast = { jane: team.jane.id, tom: team.tom.id, sam: sam.id, ada: ada.id };
    people = new Map([team.jane, team.tom, sam, ada].map((m) => [m.id, m]));
    // The story, then the rate going up: the figures are costed at the new rate, in euros.
    const story = [...storyEvents(cast, 'hub-'), makeEvent('workspace.updated', cast.jane, workspaceId, { hourlyRate: 90, currency: 'EUR' }, { id: 'hub-rate', at: t('03-09 08:00') })];
    await pushAll(people, story);
    // The hub's own events: the founding (with the default rules) and the members joining.
    const membership = (await pullAll(jane)).filter(isFounding);
    expect(membership).toHaveLength(6);
    localEvents = [...membership, ...story];
    // PGlite takes a few seconds to boot on two cores, and the story is some forty pushes.
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  /** The extension's own figures: the same events appended to its IndexedDB log, read back, computed locally. */
  async function localMetrics(queries: MetricsQueryInput[], now = NOW): Promise<Metrics[]> {
    const db = await openBatonDb(freshName());
    const membership = localEvents.filter(isFounding);
    const own = localEvents.slice(membership.length);
    expect(await appendEvents(db, membership, 'remote')).toEqual({ ok: true, added: membership.length });
    expect(await appendEvents(db, own, 'local')).toEqual({ ok: true, added: own.length });
    const { events, errors } = await readLog(db);
    db.close();
    expect(errors).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(localEvents.map((e) => e.id));
    const facts = collectFacts(events);
    expect(facts.skipped).toBe(0);
    return queries.map((q) => computeMetrics(facts, MetricsQuerySchema.parse(q), now));
  }

  it('answers the handoff map’s flows as the extension computes them from the same log', async () => {
    const facts = collectFacts(localEvents);
    for (const by of ['roles', 'people'] as const) {
      const { status, body } = await jane.call(`/v1/metrics/flows?${metricsQueryParams(WEEK)}&by=${by}`);
      expect(status, JSON.stringify(body)).toBe(200);
      const local = computeFlows(facts, MetricsQuerySchema.parse(WEEK), by);
      expect(local.flows.length).toBeGreaterThan(2);
      expect(body).toEqual(JSON.parse(JSON.stringify(local)));
    }
    expect((await jane.call(`/v1/metrics/flows?${metricsQueryParams(WEEK)}&by=clients`)).status).toBe(400);
  });

  it('answers what the extension computes locally from the same log', async () => {
    const queries: MetricsQueryInput[] = [
      WEEK,
      { ...WEEK, timeZone: 'Europe/Berlin' },
      { from: '2026-02-23', to: '2026-03-08', timeZone: 'America/New_York' },
      { from: '2026-01-01', to: '2026-06-30', timeZone: 'Europe/London' },
      { from: '2025-01-01', to: '2025-01-31', timeZone: 'UTC' },
    ];
    const local = await localMetrics(queries);
    for (const [i, q] of queries.entries()) {
      const { status, body } = await jane.call(url(q));
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body, JSON.stringify(q)).toEqual(asJson(local[i]!));
    }
    // And they are the story's figures (tests/unit/metrics/compute.test.ts), costed at 90 EUR an hour.
    const { body: week } = await jane.call(url(WEEK));
    expect(week).toMatchObject({ hourlyRate: 90, currency: 'EUR', period: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', days: 7 } });
    expect(week.current).toEqual({
      created: 10,
      sent: 9,
      confirmed: 7,
      cancelled: 1,
      reassigned: 1,
      completenessAtSend: 0.9198,
      sentComplete: 7,
      overrides: 2,
      timeToConfirm: { medianHours: 46, p90Hours: 52 },
      firstPassRate: 0.4286,
      firstPass: 3,
      gapsPerHandoff: 1.1429,
      reworkRounds: 0.7143,
      gapsRaised: 9,
      due: 9,
      overdue: 4,
      overdueRate: 0.4444,
      failures: 4,
      failureHours: 11,
      failureCost: 990, // 11 h × 90
    });
    expect(week.open.map((o: any) => [o.id, o.receiverName, o.overdueHours])).toEqual([['h6', NAMES.sam, 50], ['h10', NAMES.tom, 0]]);
    expect(week.overrides.map((o: any) => [o.handoffId, o.senderName, o.missing])).toEqual([['h11', NAMES.jane, ['Access granted']], ['h2', NAMES.jane, ['Approved tone of voice', 'Brand guidelines']]]);
    // 47.830357 monthly hours × 90 = 4304.73 → 4305; × 12 = 51656.79 → 51657.
    expect(week.projection).toEqual({ accounts: 3, failuresPerAccountPerMonth: 5.7976, hoursPerFailure: 2.75, monthlyHours: 47.8, monthlyCost: 4305, annualCost: 51657 });
  });

  it('narrows by client, template and person, as the extension does', async () => {
    const queries: MetricsQueryInput[] = [
      { ...WEEK, clientId: 'northwind' },
      { ...WEEK, templateId: 'sales-to-am' },
      { ...WEEK, templateId: 'onboarding' },
      { ...WEEK, personId: cast.ada },
      { ...WEEK, personId: cast.tom },
      { ...WEEK, clientId: 'kestrel', templateId: 'brief-to-creative', personId: cast.sam },
      { ...WEEK, clientId: 'nobody' },
    ];
    const local = await localMetrics(queries);
    const answers = [];
    for (const [i, q] of queries.entries()) {
      const { status, body } = await jane.call(url(q));
      expect(status).toBe(200);
      expect(body, JSON.stringify(q)).toEqual(asJson(local[i]!));
      answers.push(body);
    }
    const [northwind, sales, onboarding, ada, tom, kestrelBriefSam, nobody] = answers;
    expect(northwind.query).toEqual({ ...WEEK, clientId: 'northwind' });
    // Northwind: h1 h2 h5 h10 created; h1 and h2 confirmed; f1 (3 h).
    expect(northwind.current).toMatchObject({ created: 4, sent: 4, confirmed: 2, cancelled: 1, failures: 1, failureHours: 3, failureCost: 270 });
    expect(northwind.projection.accounts).toBe(1);
    // Sales: h3 (48 h) and h9 (24 h) confirmed; f5 on h3.
    expect(sales.current).toMatchObject({ created: 2, confirmed: 2, timeToConfirm: { medianHours: 36 }, failures: 1, failureHours: 1.5 });
    // Onboarding: h11 and h12, labelled by the newest version where gaps were asked.
    expect(onboarding.gapsByField.map((g: any) => [g.label, g.gaps])).toEqual([['Kickoff call', 3], ['Platform access', 1]]);
    // Ada received h4 after Tom: both count it, and its reassignment.
    expect(ada.current).toMatchObject({ created: 3, confirmed: 3, reassigned: 1, overdue: 2, failures: 1 });
    expect(tom.current).toMatchObject({ created: 7, confirmed: 6, reassigned: 1, failures: 3, failureHours: 7 });
    // Kestrel × brief × Sam: h6 alone, open and overdue.
    expect(kestrelBriefSam.current).toMatchObject({ created: 1, sent: 1, confirmed: 0, overdue: 1 });
    expect(kestrelBriefSam.open.map((o: any) => o.id)).toEqual(['h6']);
    expect(nobody.current).toMatchObject({ created: 0, sent: 0, confirmed: 0, failures: 0, completenessAtSend: null });
  });

  it('judges open deadlines at the hub’s clock unless asked for another instant', async () => {
    // On the hub's clock (after 2026-03-09), h6 is overdue by more than the 50 hours it was at NOW.
    const { body: live } = await jane.call(url(WEEK, null));
    const [local] = await localMetrics([WEEK], Date.now());
    expect(live.current).toEqual((asJson(local!) as any).current);
    expect(live.open[0].overdueHours).toBeGreaterThan(50);
    // An earlier instant: at 03-07 09:59 neither h5's nor h6's confirm-by (03-07 10:00) has passed.
    const { body: earlier } = await jane.call(url(WEEK, t('03-07 09:59')));
    expect(earlier.current).toMatchObject({ due: 7, overdue: 3 });
  });

  it('needs a member’s token', async () => {
    expect((await fetch(`${hub.url}${url(WEEK)}`)).status).toBe(401);
    const forged = await fetch(`${hub.url}${url(WEEK)}`, { headers: { authorization: 'Bearer bt_forged' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: 'A valid member token is required.' });
  });

  it('refuses a query it cannot answer, and says why', async () => {
    const bad = async (path: string) => {
      const { status, body } = await jane.call(path);
      expect(status, path).toBe(400);
      return body.error;
    };
    expect(await bad('/v1/metrics')).toMatch(/^from: /);
    expect(await bad('/v1/metrics?from=2026-02-30&to=2026-03-08')).toBe('from: a date as YYYY-MM-DD');
    expect(await bad('/v1/metrics?from=2026-03-08&to=2026-03-02')).toBe('query: the period ends before it starts');
    expect(await bad('/v1/metrics?from=2026-03-02&to=2026-03-08&tz=Mars%2FOlympus_Mons')).toBe('tz: an IANA time zone such as Europe/London');
    expect(await bad('/v1/metrics?from=2026-03-02&to=2026-03-08&now=yesterday')).toBe('now: an ISO timestamp such as 2026-03-09T12:00:00Z');
  });

  it('shows each workspace only its own figures', async () => {
    const other = await hub.store.createWorkspace('Other agency');
    const eve = await join(hub, await hub.store.createInvite(other, { email: 'eve@other.agency', name: 'Eve', role: 'admin' }));
    const { status, body } = await eve.call(url(WEEK));
    expect(status).toBe(200);
    expect(body.current).toMatchObject({ created: 0, sent: 0, confirmed: 0, failures: 0 });
    expect(body).toMatchObject({ open: [], failures: [], hourlyRate: 75, currency: 'USD', projection: { accounts: 0 } });
  });

  it('folds the log once, then only what was appended since, also across store instances', async () => {
    const facts = await hub.store.metricFacts(workspaceId);
    const { rows } = await hub.store.db.query<{ n: string }>('select count(*) as n from events where workspace_id = $1', [workspaceId]);
    expect(facts.events).toBe(Number(rows[0]!.n));
    // Folded: a second request reads nothing, and gets the same facts.
    const reads = countFactReads(hub.store.db);
    expect((await jane.call(url(WEEK))).status).toBe(200);
    expect(await hub.store.metricFacts(workspaceId)).toBe(facts);
    expect(reads).toEqual([0, 0]);
    // A note (read and passed over) and a failure: two rows, and the figures move.
    await jane.push(
      jane.event('note.added', 'n-late', { note: { id: 'n-late', clientId: 'kestrel', authorId: cast.jane, at: t('03-08 10:00'), kind: 'note', text: 'Call went well.' } }),
      jane.event('failure.logged', 'f-late', { failure: { id: 'f-late', clientId: 'kestrel', category: 'other', hours: 2, description: 'Re-sent the report', loggedBy: cast.jane, at: t('03-08 10:00') } }),
    );
    const { body } = await jane.call(url(WEEK));
    expect(reads).toEqual([0, 0, 2]);
    expect(body.current).toMatchObject({ failures: 5, failureHours: 13, failureCost: 1170 });
    localEvents = [...localEvents, ...(await pullAll(jane)).slice(-2)];
    expect(body).toEqual(asJson((await localMetrics([WEEK]))[0]!));

    // Another store (another hub process, or after a restart) folds the same log in pages, and two
    // requests at once fold it once.
    const fresh = new HubStore(hub.store.db, 7);
    const [a, b] = await Promise.all([fresh.metricFacts(workspaceId), fresh.metricFacts(workspaceId)]);
    expect(a).toBe(b);
    expect(a.events).toBe(facts.events);
    expect(computeMetrics(a, MetricsQuerySchema.parse(WEEK), NOW)).toEqual(computeMetrics(facts, MetricsQuerySchema.parse(WEEK), NOW));
  });

  it('never counts a push that rolled back, even one in flight while the figures are read', async () => {
    const db = hub.store.db;
    const before = (await jane.call(url(WEEK))).body;
    const original = db.transaction.bind(db);
    let reading: Promise<{ status: number; body: any }> | undefined;
    let fail = true;
    vi.spyOn(db, 'transaction').mockImplementation(((work: (tx: Queryable) => Promise<unknown>) =>
      original((tx) =>
        work({
          async query(text: string, params?: unknown[]) {
            const result = await tx.query(text, params);
            if (fail && text.includes('pg_notify')) {
              // The events are inserted, not committed: read the figures now, then fail the push.
              fail = false;
              reading = jane.call(url(WEEK));
              await new Promise((resolve) => setTimeout(resolve, 200));
              throw new Error('connection lost');
            }
            return result as never;
          },
        }),
      )) as Db['transaction']);
    const lost = [
      jane.event('failure.logged', 'f-lost', { failure: { id: 'f-lost', clientId: 'kestrel', category: 'other', hours: 100, description: 'Never happened', loggedBy: cast.jane, at: t('03-08 11:00') } }),
      jane.event('handoff.created', 'h-lost', { clientId: 'kestrel', templateId: 'brief-to-creative', templateVersion: 1 }),
    ];
    const failed = await jane.call('/v1/events', { method: 'POST', body: JSON.stringify({ events: lost }) });
    expect(failed.status).toBe(500);
    const during = await reading!;
    expect(during.body).toEqual(before);
    expect((await jane.call(url(WEEK))).body).toEqual(before);
    // Pushed again, the same events are new to the hub, and now they count, once.
    const results = await jane.push(...lost);
    expect(results.map((r: any) => r.status)).toEqual(['accepted', 'accepted']);
    const after = (await jane.call(url(WEEK))).body;
    expect(after.current.failures).toBe(before.current.failures + 1);
    expect(after.current.failureHours).toBe(before.current.failureHours + 100);
    expect(after.current.created).toBe(before.current.created);
  });
});
