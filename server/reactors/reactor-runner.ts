import type { Db } from '../db';
import { EVENTS_CHANNEL, type HubStore } from '../store';
import type { LoggedEvent, Reactor, ReactorContext } from './reactor';
import { serialQueue } from './serial';

const PAGE = 200;
/** How often ticks run and every workspace is caught up (an announcement missed while LISTEN was lost). */
export const DEFAULT_TICK_MS = 15_000;

export interface ReactorRunner {
  /** Catches every reactor up with the workspace's log now (tests await it; the hub calls it on announcements). */
  drain(workspaceId: string): Promise<void>;
  /** Runs every reactor's tick for every workspace now. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunnerOptions {
  db: Db;
  store: HubStore;
  reactors: readonly Reactor[];
  publicUrl?: string;
  log: (entry: Record<string, unknown>) => void;
  tickMs?: number;
  now?: () => number;
}

/**
 * Runs the hub's reactors: each reads the log after its own cursor (table reactor_cursors), woken by
 * every append this process or another announces, and by a timer. One pass at a time per workspace
 * and reactor; a handler that throws stops its reactor at that event, to be tried again on the next
 * wake (logged), so an outage of the database or of an outside service loses nothing.
 */
export async function startReactors(options: RunnerOptions): Promise<ReactorRunner> {
  const { db, store, reactors, log } = options;
  const ctx: ReactorContext = {
    db,
    store,
    publicUrl: options.publicUrl,
    log,
    now: options.now ?? Date.now,
    appendAs: hubAppendAs(store),
  };
  const passes = serialQueue();
  const serial = passes.run;
  // A catch-up queued and not begun yet reads everything appended until it begins: a burst of appends
  // (a thousand announcements) waits for one catch-up, never queues a thousand.
  const queued = new Map<string, Promise<void>>();
  const drainOne = (workspaceId: string, reactor: Reactor): Promise<void> => {
    const key = `${workspaceId}\u0000${reactor.name}`;
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const run = serial(key, () => {
      queued.delete(key);
      return catchUp(ctx, workspaceId, reactor);
    }).catch((error: unknown) => log({ level: 'error', msg: 'reactor stopped at an event; retried on the next wake', reactor: reactor.name, workspaceId, error: errorText(error) }));
    queued.set(key, run);
    return run;
  };
  const drain = async (workspaceId: string) => {
    await Promise.all(reactors.filter((r) => r.handle).map((r) => drainOne(workspaceId, r)));
  };
  const tick = async () => {
    for (const w of await store.workspaces()) {
      await drain(w.id);
      for (const reactor of reactors.filter((r) => r.tick)) {
        await serial(`${w.id}\u0000${reactor.name}`, () => reactor.tick!(ctx, w.id)).catch((error: unknown) => log({ level: 'error', msg: 'reactor tick failed', reactor: reactor.name, workspaceId: w.id, error: errorText(error) }));
      }
    }
  };
  // Reactors the hub gains start at each existing workspace's end (a hub that gains Slack does not post
  // a year of old handoffs); a workspace created later starts at its beginning.
  for (const reactor of reactors) {
    await db.query('insert into reactor_cursors (workspace_id, reactor, seq) select id, $1, last_seq from workspaces on conflict (workspace_id, reactor) do nothing', [reactor.name]);
  }
  // A timed tick while the previous one still runs (an outside service slow to answer) is skipped: ticks never pile up.
  let ticking: Promise<void> | undefined;
  const tickUnlessRunning = () => {
    if (ticking) return;
    ticking = tick()
      .catch(() => undefined)
      .finally(() => (ticking = undefined));
  };
  const unlisten = await db.listen(
    EVENTS_CHANNEL,
    (payload) => void drain(payload.split(':')[0] ?? ''),
    tickUnlessRunning,
  );
  tickUnlessRunning();
  const timer = setInterval(tickUnlessRunning, options.tickMs ?? DEFAULT_TICK_MS);
  timer.unref();
  return {
    drain,
    tick,
    async stop() {
      clearInterval(timer);
      await unlisten();
      await ticking;
      await passes.idle();
    },
  };
}

/**
 * The hub appending events it makes itself, as a member (a rule's draft as its sender): judged by the
 * same reducer, marked as the hub's own, which is what lets a rule's draft in (a member's push of one
 * is refused).
 */
export function hubAppendAs(store: HubStore): ReactorContext['appendAs'] {
  return (workspaceId, memberId, events) => store.push({ workspaceId, memberId }, events, { hubMade: true });
}

/** Hands the reactor each event after its cursor, page by page, moving the cursor past each one handled. */
async function catchUp(ctx: ReactorContext, workspaceId: string, reactor: Reactor): Promise<void> {
  let cursor = await readCursor(ctx.db, workspaceId, reactor.name);
  const save = (seq: number) => ctx.db.query('update reactor_cursors set seq = $3 where workspace_id = $1 and reactor = $2', [workspaceId, reactor.name, seq]);
  for (;;) {
    const page: LoggedEvent[] = (await ctx.store.pull(workspaceId, cursor, PAGE)).map((row) => ({ workspaceId, seq: row.seq, event: row.event }));
    const start = cursor;
    try {
      for (const item of page) {
        await reactor.handle!(ctx, item);
        cursor = item.seq;
      }
    } finally {
      // Saved once per page (and where a handler failed): handlers are idempotent, so a hub stopped
      // mid-page handles that page's events again, and a burst costs one write per page, not per event.
      if (cursor !== start) await save(cursor);
    }
    if (page.length < PAGE) return;
  }
}

/** The reactor's cursor in the workspace (a workspace made since the hub started: from its first event). */
async function readCursor(db: Db, workspaceId: string, reactor: string): Promise<number> {
  await db.query('insert into reactor_cursors (workspace_id, reactor, seq) values ($1, $2, 0) on conflict (workspace_id, reactor) do nothing', [workspaceId, reactor]);
  const { rows } = await db.query<{ seq: string }>('select seq from reactor_cursors where workspace_id = $1 and reactor = $2', [workspaceId, reactor]);
  return Number(rows[0]?.seq ?? 0);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
