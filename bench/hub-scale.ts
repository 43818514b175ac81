// The hub's scale figures (issue 12 → Scale), for bench/hub.bench.ts:
//  (a) single-event pushes per second in ONE workspace, saturated: SCALE_MEMBERS members each push
//      one-event batches back to back over HTTP keep-alive (the hub allows 1,200 requests a minute per
//      member: each stays far under it);
//  (b) push → announcement latency (p50/p95/p99) with 2,000 open WebSockets spread over the members,
//      while pushes arrive at a steady 200/s for STEADY_MS (open loop: a slow hub does not slow the pace);
//  (c) the hub process's RSS there: the peak seen while it runs (polled from /proc) and after a GC.
// Receivers that are not sampled still read every message (a socket that does not read is a slow
// consumer, which the hub may drop); only the sampled ones record arrivals.
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { makeEvent } from '../lib/events/make-event';
import { newId } from '../lib/model/common';

export const SCALE_MEMBERS = 128;
const SATURATE_WARMUP_MS = 1_000;
const SATURATE_MS = 5_000;
const SOCKETS = 2_000;
/** One socket in SAMPLE_EVERY records its arrivals: 100 of 2,000. */
const SAMPLE_EVERY = 20;
const STEADY_PER_SECOND = 200;
const STEADY_MS = 10_000;
/** After the last push, how long a sampled receiver may take to hear of it before it counts as missed. */
const GRACE_MS = 3_000;

export interface ScaleMember {
  id: string;
  token: string;
}

export interface ScaleHub {
  url: string;
  pid: number;
  memory(): Promise<{ rssMiB: number; heapMiB: number; connections: number }>;
}

export interface ScaleFigures {
  singleEventPushesPerSecond: number;
  pushAnswerMs: { p50: number; p95: number; p99: number };
  hubCpuMsPerPush: number;
  databaseCpuMsPerPush: number;
  announce2000: { p50: number; p95: number; p99: number; pushes: number; failedPushes?: number; firstFailure?: string; samples: number; missed: number; achievedPushesPerSecond: number; pushAnswerMs: { p50: number; p95: number; p99: number } };
  rssMiB2000: { peak: number; afterGc: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export function percentiles(samples: number[]) {
  const sorted = Float64Array.from(samples).sort();
  // Nearest rank.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

/** Kept-alive connections for the pushes: one agent per hub process benched. */
let agent = new Agent({ keepAlive: true, maxSockets: 512 });

let pushed = 0;

/** One single-event push over a kept-alive connection; its accepted seq (throws on anything else). */
function pushOne(url: string, member: ScaleMember): Promise<number> {
  // Client names are unique in a workspace: a counter, so that no two pushes collide.
  pushed += 1;
  const event = makeEvent('client.created', member.id, newId(), { name: `Scale client ${pushed} ${randomBytes(2).toString('hex')}` });
  return send(url, member, JSON.stringify({ events: [event] }), 0);
}

function send(url: string, member: ScaleMember, body: string, retries: number): Promise<number> {
  const target = new URL('/v1/events', url);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const answer = JSON.parse(text) as { results?: { status: string; seq?: number; reason?: string }[] };
          const result = answer.results?.[0];
          if (res.statusCode === 200 && result?.status === 'accepted' && result.seq) resolve(result.seq);
          else reject(new Error(`push: ${res.statusCode} ${text.slice(0, 300)}`));
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the hub closed as idle just as it was reused (Node's documented race):
      // the request never reached the hub, so it is sent again (the next idle connection may be stale too).
      if (retries < 600 && req.reusedSocket && error.code === 'ECONNRESET') resolve(send(url, member, body, retries + 1));
      else reject(new Error(`push: ${error.code ?? error.message} on a ${req.reusedSocket ? 'reused' : 'new'} connection`));
    });
    req.end(body);
  });
}

/** A process's /proc stat fields after "pid (comm) " (state first), or undefined when it is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined;
  }
}

/** CPU time the process has used so far, user and system (ms; the kernel counts in 1/100 s). */
function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are the stat file's fields 14 and 15.
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0;
}

/**
 * CPU time of a PostgreSQL cluster so far (ms): the postmaster with its waited-for children, and its
 * live children (the hub's pooled connections).
 */
export function clusterCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = statFields(postmaster);
  let total = own ? (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * 10 : 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // The parent pid is field 4.
    if (fields && Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
}

/**
 * (a) Every member pushes back to back; events accepted per second after a warm-up, each push's answer
 * time, and the hub process's CPU per push (less at the mercy of a shared machine than the rate).
 */
async function saturate(url: string, pid: number, members: ScaleMember[], databaseCpuMs: () => number) {
  let counting = false;
  let accepted = 0;
  const answers: number[] = [];
  const stopAt = performance.now() + SATURATE_WARMUP_MS + SATURATE_MS;
  const started = performance.now();
  let countFrom = 0;
  let cpuFrom = 0;
  let databaseCpuFrom = 0;
  setTimeout(() => {
    counting = true;
    countFrom = performance.now();
    cpuFrom = cpuMs(pid);
    databaseCpuFrom = databaseCpuMs();
  }, SATURATE_WARMUP_MS);
  await Promise.all(
    members.map(async (member) => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        await pushOne(url, member);
        if (counting) {
          accepted += 1;
          answers.push(performance.now() - t0);
        }
      }
    }),
  );
  const seconds = (performance.now() - (countFrom || started)) / 1000;
  const pushes = Math.max(1, accepted);
  const hubCpuMsPerPush = round((cpuMs(pid) - cpuFrom) / pushes);
  const databaseCpuMsPerPush = round((databaseCpuMs() - databaseCpuFrom) / pushes);
  return { perSecond: Math.round(accepted / seconds), answers: percentiles(answers), hubCpuMsPerPush, databaseCpuMsPerPush };
}

interface Receiver {
  socket: WebSocket;
  /** Sampled receivers: the highest seq heard so far, and when, in arrival order. */
  heard?: { seq: number; at: number }[];
}

function openReceiver(url: string, member: ScaleMember, sampled: boolean): Promise<Receiver> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/stream`, ['baton', member.token], { perMessageDeflate: false });
    const receiver: Receiver = { socket, heard: sampled ? [] : undefined };
    const timer = setTimeout(() => reject(new Error('WebSocket: no hello within 30 s')), 30_000);
    socket.on('message', (data) => {
      const at = performance.now();
      if (!receiver.heard) {
        if (timer) clearTimeout(timer);
        return resolve(receiver);
      }
      const message = JSON.parse(String(data)) as { type: string; seq?: number };
      if (message.type === 'hello') {
        clearTimeout(timer);
        resolve(receiver);
      } else if (message.type === 'events') {
        const last = receiver.heard.at(-1)?.seq ?? 0;
        receiver.heard.push({ seq: Math.max(last, message.seq ?? 0), at });
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function openReceivers(url: string, members: ScaleMember[]): Promise<Receiver[]> {
  const out: Receiver[] = new Array(SOCKETS);
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < SOCKETS) {
        const i = next++;
        out[i] = await openReceiver(url, members[i % members.length]!, i % SAMPLE_EVERY === 0);
      }
    }),
  );
  return out;
}

function closeReceivers(receivers: Receiver[]) {
  for (const r of receivers) r?.socket.terminate();
}

/** When this receiver first heard of `seq` or later (binary search over its rising record), or undefined. */
function heardAt(heard: { seq: number; at: number }[], seq: number): number | undefined {
  let lo = 0;
  let hi = heard.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heard[mid]!.seq >= seq) hi = mid;
    else lo = mid + 1;
  }
  return heard[lo]?.at;
}

/** (b) A steady pace of single-event pushes; each one's delay to every sampled receiver. */
async function steady(url: string, members: ScaleMember[], receivers: Receiver[]) {
  const pushes: { t0: number; seq?: number; answered?: number }[] = [];
  const failures: string[] = [];
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / STEADY_PER_SECOND;
  const start = performance.now();
  const total = Math.round((STEADY_MS / 1000) * STEADY_PER_SECOND);
  while (pushes.length < total) {
    // Open loop: every push whose time has come is sent now, however late the earlier ones answer.
    while (pushes.length < total && performance.now() >= start + pushes.length * interval) {
      const push: (typeof pushes)[number] = { t0: performance.now() };
      const member = members[pushes.length % members.length]!;
      pushes.push(push);
      inFlight.push(
        pushOne(url, member).then(
          (seq) => ((push.seq = seq), (push.answered = performance.now() - push.t0), undefined),
          (error: Error) => void failures.push(error.message),
        ),
      );
    }
    await sleep(1);
  }
  const achieved = total / ((performance.now() - start) / 1000);
  await Promise.all(inFlight);
  await sleep(GRACE_MS);
  const samples: number[] = [];
  let missed = 0;
  const answered = pushes.filter((p) => p.seq !== undefined);
  for (const r of receivers) {
    if (!r.heard) continue;
    for (const p of answered) {
      const at = heardAt(r.heard, p.seq!);
      if (at === undefined) missed += 1;
      else samples.push(Math.max(0, at - p.t0));
    }
  }
  const failed = failures.length > 0 ? { failedPushes: failures.length, firstFailure: failures[0] } : {};
  return { ...percentiles(samples), pushes: total, ...failed, samples: samples.length, missed, achievedPushesPerSecond: Math.round(achieved), pushAnswerMs: percentiles(answered.map((p) => p.answered!)) };
}

/** The process's resident memory now, from the kernel (MiB). */
function rssMiB(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return round(Number(kb ?? 0) / 1024, 1);
}

/** The three figures on one hub process whose workspace has `members` joined. */
/** `databaseCpuMs`: CPU used so far by the database server, when it is a process of its own (PostgreSQL). */
export async function benchScale(hub: ScaleHub, members: ScaleMember[], log: (message: string) => void, databaseCpuMs = () => 0): Promise<ScaleFigures> {
  agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const saturated = await saturate(hub.url, hub.pid, members, databaseCpuMs);
  log(
    `single-event pushes, ${members.length} members back to back: ${saturated.perSecond}/s; answer ${JSON.stringify(saturated.answers)} ms; CPU a push: hub ${saturated.hubCpuMsPerPush} ms, database ${saturated.databaseCpuMsPerPush} ms`,
  );
  const opening = performance.now();
  const receivers = await openReceivers(hub.url, members);
  log(`${SOCKETS} sockets open in ${Math.round(performance.now() - opening)} ms (RSS ${rssMiB(hub.pid)} MiB)`);
  // Fresh connections for the steady pace: the hub closed the idle ones meanwhile.
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 512 });
  let peak = rssMiB(hub.pid);
  const poll = setInterval(() => (peak = Math.max(peak, rssMiB(hub.pid))), 200);
  try {
    const announced = await steady(hub.url, members, receivers);
    clearInterval(poll);
    log(`announce with ${SOCKETS} sockets at ${STEADY_PER_SECOND} pushes/s: ${JSON.stringify(announced)}`);
    const after = await hub.memory();
    if (after.connections < SOCKETS) log(`warning: the hub holds ${after.connections} of ${SOCKETS} sockets after the run`);
    log(`hub RSS with ${SOCKETS} sockets: peak ${peak} MiB, after GC ${after.rssMiB} MiB`);
    return { singleEventPushesPerSecond: saturated.perSecond, pushAnswerMs: saturated.answers, hubCpuMsPerPush: saturated.hubCpuMsPerPush, databaseCpuMsPerPush: saturated.databaseCpuMsPerPush, announce2000: announced, rssMiB2000: { peak, afterGc: after.rssMiB } };
  } finally {
    clearInterval(poll);
    closeReceivers(receivers);
    agent.destroy();
  }
}
