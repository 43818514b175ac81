/* eslint-disable @typescript-eslint/no-explicit-any -- a test harness: hub responses are parsed JSON, checked by the tests */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import WebSocket from 'ws';
import { makeEvent, type EventInput } from '../../../lib/events/make-event';
import type { EventType } from '../../../lib/model/event';
import { openPglite, openPostgres, type Db } from '../../../server/db';
import { startHub, type Hub, type HubOptions } from '../../../server/server';
import { buildHubCli, ROOT } from './hub-process';

/** The databases every hub test runs on: PGlite always, PostgreSQL when the test setup started one. */
export function databases(): { kind: 'pglite' | 'postgres'; url?: string }[] {
  const url = inject('databaseUrl');
  return [{ kind: 'pglite' }, ...(url ? [{ kind: 'postgres' as const, url }] : [])];
}

/** A fresh, empty database of that kind (PostgreSQL: a new database per call, dropped never — it is throwaway). */
export async function freshDb(kind: 'pglite' | 'postgres', url?: string): Promise<{ db: Db; url?: string }> {
  if (kind === 'pglite') return { db: await openPglite() };
  const name = `baton_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url!);
  dbUrl.pathname = `/${name}`;
  return { db: await openPostgres(dbUrl.toString()), url: dbUrl.toString() };
}

export interface Member {
  id: string;
  token: string;
  name: string;
  call(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
  push(...events: unknown[]): Promise<any[]>;
  event<T extends EventType>(type: T, entityId: string, payload: EventInput<T>): ReturnType<typeof makeEvent<T>>;
  stream(): Promise<{ messages: any[]; socket: WebSocket; next(predicate?: (m: any) => boolean): Promise<any> }>;
}

export async function join(hub: Hub, code: string): Promise<Member> {
  const res = await fetch(`${hub.url}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const joined = (await res.json()) as { token: string; member: { id: string; name: string } };
  if (!res.ok) throw new Error(JSON.stringify(joined));
  const { token, member } = joined;
  const call = async (path: string, init: RequestInit = {}) => {
    const r = await fetch(`${hub.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
  return {
    id: member.id,
    token,
    name: member.name,
    call,
    async push(...events) {
      const r = await call('/v1/events', { method: 'POST', body: JSON.stringify({ events }) });
      if (r.status !== 200) throw new Error(`push: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.results;
    },
    event: (type, entityId, payload) => makeEvent(type, member.id, entityId, payload),
    async stream() {
      const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/v1/stream`, ['baton', token]);
      const messages: any[] = [];
      const waiters: { predicate: (m: any) => boolean; resolve: (m: any) => void }[] = [];
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        messages.push(message);
        for (const w of [...waiters]) if (w.predicate(message)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      });
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      return {
        messages,
        socket,
        next: (predicate = () => true) =>
          new Promise((resolve, reject) => {
            const found = messages.find(predicate);
            if (found) return resolve(found);
            waiters.push({ predicate, resolve });
            setTimeout(() => reject(new Error('no message within 5 s')), 5000);
          }),
      };
    },
  };
}

/** A hub on a fresh database with a workspace, its admin Jane and a member Tom. */
export async function hubWithTeam(kind: 'pglite' | 'postgres', url?: string, options: HubOptions = {}) {
  const { db, url: dbUrl } = await freshDb(kind, url);
  const hub = await startHub(db, { port: 0, ...options });
  const workspaceId = await hub.store.createWorkspace('Brightlane');
  const jane = await join(hub, await hub.store.createInvite(workspaceId, { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'admin' }));
  const tom = await join(hub, await hub.store.createInvite(workspaceId, { email: 'tom@brightlane.agency', name: 'Tom Reyes', role: 'member' }));
  return { hub, workspaceId, jane, tom, dbUrl };
}

/**
 * `hubWithTeam` for a test file, and `closeAfter` for any other hub it starts: every such hub is
 * closed after each test (registers the `afterEach` itself; call it at the top of the file).
 */
export function teamsClosedAfterEach() {
  const hubs: Hub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close().catch(() => undefined)));
  });
  const closeAfter = (hub: Hub): Hub => (hubs.push(hub), hub);
  const team = async (kind: 'pglite' | 'postgres', url?: string, options?: HubOptions) => {
    const t = await hubWithTeam(kind, url, options);
    closeAfter(t.hub);
    return t;
  };
  return { team, closeAfter };
}

/**
 * The hub's CLI (server/cli.ts) bundled for a test file that runs it as its own process, with a scratch
 * folder: both made before the file's tests and removed after them (registers `beforeAll`/`afterAll`).
 */
export function hubCliForFile(tag: string): { cli: () => string; scratch: () => string; root: string } {
  let built: Awaited<ReturnType<typeof buildHubCli>> | undefined;
  let scratch = '';
  beforeAll(async () => {
    scratch = mkdtempSync(joinPath(tmpdir(), `baton-${tag}-`));
    built = await buildHubCli(tag);
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    built?.remove();
  });
  return { cli: () => built!.cli, scratch: () => scratch, root: ROOT };
}

/** Where a hub process keeps its data on `kind`: a fresh PostgreSQL database, or a new PGlite folder under `scratch`. */
export async function hubDataEnv(kind: 'pglite' | 'postgres', url: string | undefined, scratch: string): Promise<Record<string, string>> {
  if (kind === 'postgres') {
    const { db, url: dbUrl } = await freshDb('postgres', url);
    await db.close();
    return { DATABASE_URL: dbUrl! };
  }
  return { BATON_DATA_DIR: mkdtempSync(joinPath(scratch, 'data-')) };
}
