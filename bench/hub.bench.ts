// Team hub figures (issue 4 → Benchmarks): accepted events per second (batches of 1 and 100, pushed over
// HTTP by one member), delivery latency from push to each receiver's WebSocket `{"type":"events"}` message
// with 1, 50 and 500 connected members, and the hub process's memory with 0 and 500 connections; then the
// scale figures of issue 12 (bench/hub-scale.ts: one workspace saturated with single-event pushes, push →
// announcement and RSS with 2,000 sockets at 200 pushes/s). PGlite; PostgreSQL on a throwaway cluster (scripts/postgres.mjs) when it can be started.
//
// The hub runs in its own Node process (this same bundle, forked with --hub-child: see hub-child.ts); this
// process plays the members. Loopback only; every loop is bounded; prints ONE line of JSON on stdout.
//
//   npx esbuild bench/hub.bench.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=.output/bench-hub/hub.bench.mjs --log-level=warning
//   node .output/bench-hub/hub.bench.mjs
//
// Environment: BATON_BENCH_PG_PORT (throwaway cluster port, default 55442), BATON_TEST_DATABASE_URL (use
// that PostgreSQL instead: a fresh database is created in it), BATON_BENCH_SKIP_POSTGRES=1,
// BATON_BENCH_SKIP_PGLITE=1, BATON_BENCH_HUB_SECTIONS (`base`, `scale`, or both: `base,scale`, the default).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { makeEvent } from '../lib/events/make-event';
import { newId } from '../lib/model/common';
import { runHubChild, type ChildMessage, type ChildRequest } from './hub-child';
import { benchScale, clusterCpuMs, SCALE_MEMBERS, type ScaleFigures } from './hub-scale';

const SIZES = [1, 50, 500] as const;
const PUSHES: Record<(typeof SIZES)[number], number> = { 1: 40, 50: 40, 500: 30 };
const WARMUP_PUSHES = 3;
const THROUGHPUT_MEMBERS = 8;
/** The hub allows 1,200 requests a minute per member: each pusher stays under it. */
const REQUESTS_PER_MEMBER = 1_000;
const BATCH1_MS = 5_000;
const BATCH100_MS = 5_000;
const BATCH100_MAX_PUSHES = 200;
const DELIVERY_TIMEOUT_MS = 10_000;
const HARD_DEADLINE_MS = 9 * 60_000;

const log = (message: string) => process.stderr.write(`[hub bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const MiB = (bytes: number) => round(bytes / 2 ** 20, 1);

// ---------------------------------------------------------------------------------------------------
// The hub process

interface HubProcess {
  url: string;
  invites: string[];
  pid: number;
  memory(): Promise<{ rssMiB: number; heapMiB: number; connections: number }>;
  close(): Promise<void>;
}

const children = new Set<ChildProcess>();

async function startHubProcess(env: Record<string, string>, invites: number): Promise<HubProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--hub-child'], {
    env: { ...process.env, ...env, BENCH_INVITES: String(invites) },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  children.add(child);
  child.stdout?.pipe(process.stderr);
  child.once('exit', () => children.delete(child));
  const next = <T extends ChildMessage['type']>(type: T, ms: number) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === type || message.type === 'error') {
          cleanup();
          if (message.type === 'error') reject(new Error(`hub process: ${message.message}`));
          else resolve(message as Extract<ChildMessage, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`hub process exited (${code}) before answering ${type}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`hub process: no ${type} within ${ms} ms`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready', 60_000);
  const send = (request: ChildRequest) => child.send(request);
  return {
    url: ready.url,
    invites: ready.invites,
    pid: child.pid!,
    async memory() {
      await sleep(300); // let the last messages and sockets settle
      const answer = next('memory', 10_000);
      send({ type: 'memory' });
      const reported = await answer;
      // The kernel's figure for the process, read from outside it.
      const vmRss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return { rssMiB: vmRss ? round(Number(vmRss) / 1024, 1) : MiB(reported.rss), heapMiB: MiB(reported.heapUsed), connections: reported.connections };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Members

interface Member {
  id: string;
  token: string;
}

async function redeem(url: string, code: string): Promise<Member> {
  const res = await fetch(`${url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const body = (await res.json()) as { token: string; member: { id: string } };
  if (!res.ok) throw new Error(`redeem: ${res.status} ${JSON.stringify(body)}`);
  return { id: body.member.id, token: body.token };
}

async function joinAll(url: string, codes: string[], concurrency = 4): Promise<Member[]> {
  // The first code founds the workspace: it goes alone.
  const members: Member[] = [await redeem(url, codes[0]!)];
  let next = 1;
  const rest: Member[] = new Array(codes.length - 1);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < codes.length) {
        const i = next++;
        rest[i - 1] = await redeem(url, codes[i]!);
      }
    }),
  );
  return members.concat(rest);
}

let clientCounter = 0;
function clientEvents(member: Member, count: number) {
  return Array.from({ length: count }, () => {
    clientCounter += 1;
    return makeEvent('client.created', member.id, newId(), { name: `Bench client ${clientCounter} ${randomBytes(3).toString('hex')}` });
  });
}

/** Pushes one batch; returns the highest accepted sequence number. Throws when any event is not accepted. */
async function push(url: string, member: Member, events: unknown[]): Promise<number> {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  const body = (await res.json()) as { results?: { status: string; seq?: number; reason?: string }[]; error?: string };
  if (res.status !== 200 || !body.results) throw new Error(`push: ${res.status} ${JSON.stringify(body)}`);
  let seq = 0;
  for (const r of body.results) {
    if (r.status !== 'accepted') throw new Error(`push: an event was ${r.status}: ${r.reason ?? ''}`);
    seq = Math.max(seq, r.seq ?? 0);
  }
  return seq;
}

// ---------------------------------------------------------------------------------------------------
// Receivers: one WebSocket per member

interface Receiver {
  socket: WebSocket;
  /** `events` messages since the current measurement began: [seq, arrival ms]. */
  arrivals: [number, number][];
  delivered: number | undefined;
}

/** The push being measured: t0, and once the hub answered, the sequence number every receiver must see. */
let measuring: { t0: number; seq?: number; pending: number; done?: () => void } | undefined;

function markDelivered(r: Receiver, seq: number, at: number) {
  const m = measuring;
  if (!m || m.seq === undefined || r.delivered !== undefined || seq < m.seq) return;
  r.delivered = at - m.t0;
  m.pending -= 1;
  if (m.pending === 0) m.done?.();
}

function openReceiver(url: string, member: Member): Promise<Receiver> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/stream`, ['baton', member.token], { perMessageDeflate: false });
    const receiver: Receiver = { socket, arrivals: [], delivered: undefined };
    const timer = setTimeout(() => reject(new Error('WebSocket: no hello within 20 s')), 20_000);
    socket.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as { type: string; seq?: number };
      if (message.type === 'hello') {
        clearTimeout(timer);
        resolve(receiver);
      } else if (message.type === 'events' && measuring && at >= measuring.t0) {
        receiver.arrivals.push([message.seq ?? 0, at]);
        markDelivered(receiver, message.seq ?? 0, at);
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function openReceivers(url: string, members: Member[], concurrency = 25): Promise<Receiver[]> {
  const out: Receiver[] = new Array(members.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, members.length) }, async () => {
      while (next < members.length) {
        const i = next++;
        out[i] = await openReceiver(url, members[i]!);
      }
    }),
  );
  return out;
}

async function closeReceivers(receivers: Receiver[]) {
  await Promise.all(
    receivers.map(
      (r) =>
        new Promise<void>((resolve) => {
          if (r.socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            r.socket.terminate();
            resolve();
          }, 2_000);
          r.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          r.socket.close(1000);
        }),
    ),
  );
}

/** One push of one event; the delay to each receiver's `events` message, in ms. */
async function measurePush(url: string, pusher: Member, receivers: Receiver[]): Promise<number[]> {
  for (const r of receivers) {
    r.arrivals = [];
    r.delivered = undefined;
  }
  const [event] = clientEvents(pusher, 1);
  const body = JSON.stringify({ events: [event] });
  let timer: NodeJS.Timeout | undefined;
  const all = new Promise<void>((resolve, reject) => {
    measuring = { t0: performance.now(), pending: receivers.length, done: resolve };
    timer = setTimeout(() => reject(new Error(`delivery: ${measuring?.pending} of ${receivers.length} receivers got nothing within ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
  });
  try {
    const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${pusher.token}`, 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { results?: { status: string; seq?: number }[] };
    const result = answer.results?.[0];
    if (result?.status !== 'accepted' || !result.seq) throw new Error(`push: ${res.status} ${JSON.stringify(answer)}`);
    measuring!.seq = result.seq;
    // Messages that arrived before the hub's answer: count them now.
    for (const r of receivers) for (const [seq, at] of r.arrivals) markDelivered(r, seq, at);
    await all;
    return receivers.map((r) => r.delivered!);
  } finally {
    clearTimeout(timer);
    measuring = undefined;
  }
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

// ---------------------------------------------------------------------------------------------------
// One database

interface DbFigures {
  eventsPerSecond: { batch1: number; batch100: number };
  latencyMs: Record<string, { p50: number; p95: number; p99: number; pushes: number }>;
}

async function throughput(url: string, members: Member[], batch: number, durationMs: number, maxPushes: number): Promise<number> {
  let member = 0;
  let used = 0;
  /** The member to push as next, or undefined when every pusher has used its share of the rate limit. */
  const pusher = (): Member | undefined => {
    if (used >= REQUESTS_PER_MEMBER) {
      member += 1;
      used = 0;
    }
    used += 1;
    return members[member];
  };
  // Warm up (JIT, connection pool, the hub's cached model).
  for (let i = 0; i < 10; i++) {
    const who = pusher()!;
    await push(url, who, clientEvents(who, batch));
  }
  let accepted = 0;
  let pushes = 0;
  const start = performance.now();
  while (performance.now() - start < durationMs && pushes < maxPushes) {
    const who = pusher();
    if (!who) break;
    const events = clientEvents(who, batch);
    await push(url, who, events);
    accepted += events.length;
    pushes += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  return Math.round(accepted / seconds);
}

async function benchDatabase(label: string, env: Record<string, string>, withMemory: boolean): Promise<{ figures: DbFigures; memory?: Record<string, unknown> }> {
  const receiversNeeded = Math.max(...SIZES);
  // Member 0 founds the workspace and pushes for the latency runs; then the receivers; then the throughput pushers.
  const total = 1 + receiversNeeded + THROUGHPUT_MEMBERS * 2;
  const started = performance.now();
  const hub = await startHubProcess(env, total);
  try {
    log(`${label}: hub process ${hub.pid} on ${hub.url} (${Math.round(performance.now() - started)} ms); ${total} members joining`);
    const joinStart = performance.now();
    const members = await joinAll(hub.url, hub.invites);
    log(`${label}: ${members.length} members joined in ${Math.round(performance.now() - joinStart)} ms`);
    const pusher = members[0]!;
    const receiverMembers = members.slice(1, 1 + receiversNeeded);
    const throughputMembers = members.slice(1 + receiversNeeded);

    let memory: Record<string, unknown> | undefined;
    let idle: Awaited<ReturnType<HubProcess['memory']>> | undefined;
    if (withMemory) {
      idle = await hub.memory();
      log(`${label}: memory with ${idle.connections} connections: RSS ${idle.rssMiB} MiB, heap ${idle.heapMiB} MiB`);
    }

    const latencyMs: DbFigures['latencyMs'] = {};
    let receivers: Receiver[] = [];
    try {
      for (const size of SIZES) {
        receivers = receivers.concat(await openReceivers(hub.url, receiverMembers.slice(receivers.length, size)));
        for (let i = 0; i < WARMUP_PUSHES; i++) await measurePush(hub.url, pusher, receivers);
        const samples: number[] = [];
        for (let i = 0; i < PUSHES[size]; i++) {
          samples.push(...(await measurePush(hub.url, pusher, receivers)));
          await sleep(20);
        }
        latencyMs[String(size)] = { ...percentiles(samples), pushes: PUSHES[size] };
        log(`${label}: latency with ${size} connected: ${JSON.stringify(latencyMs[String(size)])}`);
      }
      if (withMemory && idle) {
        const busy = await hub.memory();
        log(`${label}: memory with ${busy.connections} connections: RSS ${busy.rssMiB} MiB, heap ${busy.heapMiB} MiB`);
        if (busy.connections !== receiversNeeded) throw new Error(`expected ${receiversNeeded} connections, the hub has ${busy.connections}`);
        memory = {
          database: label,
          rssMiB: { idle: idle.rssMiB, connections500: busy.rssMiB },
          heapMiB: { idle: idle.heapMiB, connections500: busy.heapMiB },
        };
      }
    } finally {
      await closeReceivers(receivers);
    }

    const batch1 = await throughput(hub.url, throughputMembers.slice(0, THROUGHPUT_MEMBERS), 1, BATCH1_MS, Number.POSITIVE_INFINITY);
    log(`${label}: batches of 1: ${batch1} events/s`);
    const batch100 = await throughput(hub.url, throughputMembers.slice(THROUGHPUT_MEMBERS), 100, BATCH100_MS, BATCH100_MAX_PUSHES);
    log(`${label}: batches of 100: ${batch100} events/s`);
    return { figures: { eventsPerSecond: { batch1, batch100 }, latencyMs }, memory };
  } finally {
    await hub.close();
  }
}

/** The scale figures (bench/hub-scale.ts) on a hub process of their own, with SCALE_MEMBERS members. */
async function benchScaleOn(label: string, env: Record<string, string>, databaseCpuMs?: () => number): Promise<ScaleFigures> {
  // Thousands of sockets over a hundred members: lift the per-member stream cap for the bench.
  // All the members share one address here: the per-address throttle of unauthenticated attempts
  // charges each request until its token is checked, so 128 in flight would be refused as a flood.
  const lifted = { BATON_MAX_STREAMS_PER_MEMBER: '5000', BATON_AUTH_ATTEMPT_BURST: '100000', BATON_AUTH_ATTEMPTS_PER_MINUTE: '1000000' };
  const hub = await startHubProcess({ ...env, ...lifted }, SCALE_MEMBERS);
  try {
    const members = await joinAll(hub.url, hub.invites);
    log(`${label} scale: ${members.length} members joined`);
    return await benchScale(hub, members, (message) => log(`${label} scale: ${message}`), databaseCpuMs);
  } finally {
    await hub.close();
  }
}

/** BATON_BENCH_HUB_SECTIONS: `scale` for the scale figures alone, `base` for the others alone; unset: both. */
const sections = (process.env.BATON_BENCH_HUB_SECTIONS ?? 'base,scale').split(',');

/** The sections asked for, on one database; each section in a hub process of its own. */
async function benchSections(label: string, env: Record<string, string>, withMemory: boolean, databaseCpuMs?: () => number) {
  const base = sections.includes('base') ? await benchDatabase(label, env, withMemory) : undefined;
  const scale = sections.includes('scale') ? await benchScaleOn(label, env, databaseCpuMs) : undefined;
  return { figures: { ...base?.figures, scale }, memory: base?.memory };
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL

interface TestPostgres {
  url: string;
  stop(): Promise<void>;
  reused: boolean;
  external: boolean;
  /** The cluster's folder (its data in data/), when scripts/postgres.mjs runs it. */
  dir: string | null;
}

/** scripts/postgres.mjs, found from this file (the bench may run from a bundle under .output/ or bench/tmp/). */
async function postgresHelpers(): Promise<{ startTestPostgres(options?: { port?: number }): Promise<TestPostgres> }> {
  const roots = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (let dir of roots) {
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, 'scripts', 'postgres.mjs');
      if (existsSync(candidate)) return import(pathToFileURL(candidate).href);
      dir = dirname(dir);
    }
  }
  throw new Error('scripts/postgres.mjs not found');
}

async function benchPostgres(): Promise<Record<string, unknown>> {
  if (process.env.BATON_BENCH_SKIP_POSTGRES === '1') return { skipped: 'BATON_BENCH_SKIP_POSTGRES=1' };
  let cluster: TestPostgres;
  try {
    const { startTestPostgres } = await postgresHelpers();
    const port = Number(process.env.BATON_BENCH_PG_PORT) || 55442;
    const began = performance.now();
    cluster = await startTestPostgres({ port });
    log(`PostgreSQL ${cluster.external ? 'from BATON_TEST_DATABASE_URL' : cluster.reused ? 'reused' : `started in ${Math.round(performance.now() - began)} ms`}: ${cluster.url}`);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    process.stderr.write(`PostgreSQL: skipped (${reason})\n`);
    return { skipped: reason };
  }
  const name = `baton_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(cluster.url);
    dbUrl.pathname = `/${name}`;
    const dataDir = cluster.dir ? join(cluster.dir, 'data') : undefined;
    const databaseCpuMs = dataDir && existsSync(join(dataDir, 'postmaster.pid')) ? () => clusterCpuMs(dataDir) : undefined;
    const { figures } = await benchSections('postgres', { BENCH_DATABASE_URL: dbUrl.toString() }, false, databaseCpuMs);
    return { ...figures };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    if (!cluster.reused && !cluster.external) await cluster.stop().catch((error: unknown) => log(`stopping PostgreSQL: ${String(error)}`));
  }
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const deadline = setTimeout(() => {
    log(`not done after ${HARD_DEADLINE_MS / 1000} s: giving up`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(2);
  }, HARD_DEADLINE_MS);
  deadline.unref();

  const began = performance.now();
  log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-hub-'));
  let pglite: { figures: unknown; memory?: unknown } = { figures: { skipped: 'BATON_BENCH_SKIP_PGLITE=1' } };
  try {
    if (process.env.BATON_BENCH_SKIP_PGLITE !== '1') pglite = await benchSections('pglite', { BENCH_DATA_DIR: join(dataDir, 'hub') }, true);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  let postgres: Record<string, unknown>;
  try {
    postgres = await benchPostgres();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`PostgreSQL run failed: ${reason}`);
    postgres = { error: reason };
  }
  log(`done in ${Math.round((performance.now() - began) / 1000)} s; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  process.stdout.write(`${JSON.stringify({ pglite: pglite.figures, postgres, memory: pglite.memory })}\n`);
}

if (process.argv.includes('--hub-child')) {
  void runHubChild();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      for (const child of children) child.kill('SIGKILL');
      process.exit(1);
    },
  );
}
