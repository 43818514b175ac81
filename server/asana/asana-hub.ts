import type { Db } from '../db';
import type { Reactor, ReactorContext } from '../reactors/reactor';
import { hubAppendAs } from '../reactors/reactor-runner';
import { serialQueue } from '../reactors/serial';
import type { HubStore } from '../store';
import { asanaConfig, type AsanaConfig, type AsanaHubOptions, type FireRules } from './config';
import { noteRateLimit, usableConnection } from './connection';
import { processInbox } from './inbox';
import { linkedProjects } from './linked-projects';
import { ensureWebhooks, pollProjects, syncProjects } from './projects';
import { writeBackReactor } from './write-back';

export interface AsanaHub {
  config: AsanaConfig;
  db: Db;
  store: HubStore;
  log(entry: Record<string, unknown>): void;
  /** 'asana-events' (webhooks, poll, triggers) and 'asana-write-back'. */
  reactors: Reactor[];
  /** Turns a workspace's waiting Asana events into triggers now (after a delivery was answered). */
  processSoon(workspaceId: string): void;
  stop(): Promise<void>;
}

export interface AsanaHubDeps {
  db: Db;
  store: HubStore;
  publicUrl?: string;
  log: (entry: Record<string, unknown>) => void;
  options?: AsanaHubOptions;
  /** The rules engine, when the hub options do not name one (the lead wires server/reactors/fire-rules.ts). */
  fireRules: FireRules;
}

/**
 * Asana through the hub: the settings routes and webhook target (server/asana/routes.ts), a reactor
 * whose tick keeps each linked project's webhook, polls the Events API and turns changes into rule
 * triggers, and the write-back reactor. Work for one workspace runs one pass at a time.
 */
export function createAsanaHub(deps: AsanaHubDeps): AsanaHub {
  const config = asanaConfig(deps.options ?? {}, deps.publicUrl, process.env, deps.fireRules);
  const ctx: ReactorContext = {
    db: deps.db,
    store: deps.store,
    publicUrl: deps.publicUrl,
    log: deps.log,
    now: Date.now,
    appendAs: hubAppendAs(deps.store),
  };
  const passes = serialQueue();
  const serial = passes.run;
  const eventsReactor: Reactor = {
    name: 'asana-events',
    tick: (reactorCtx, workspaceId) => serial(workspaceId, () => eventsPass(reactorCtx, config, workspaceId)),
  };
  return {
    config,
    db: deps.db,
    store: deps.store,
    log: deps.log,
    reactors: [eventsReactor, writeBackReactor(config)],
    processSoon: (workspaceId) =>
      void serial(workspaceId, () => processInbox(ctx, config, workspaceId)).catch((error: unknown) =>
        deps.log({ level: 'error', msg: 'asana events not processed; retried on the next tick', workspaceId, error: error instanceof Error ? error.message : String(error) }),
      ),
    stop: () => passes.idle(),
  };
}

/** One tick for a workspace: its projects' rows and webhooks, the poll when due, then the waiting events. */
async function eventsPass(ctx: ReactorContext, config: AsanaConfig, workspaceId: string): Promise<void> {
  const conn = await usableConnection(ctx.db, config, workspaceId, ctx.now());
  if (!conn) return;
  let failed: unknown;
  try {
    const rows = await syncProjects(ctx.db, conn, workspaceId, await linkedProjects(ctx.store, workspaceId));
    await ensureWebhooks(ctx, config, conn, workspaceId, rows);
    await pollProjects(ctx, config, conn, workspaceId, rows);
  } catch (error) {
    if ((await noteRateLimit(ctx.db, workspaceId, error, ctx.now())) === undefined) failed = error;
  }
  // The events already waiting (delivered, or polled from the other projects) are worked out whatever failed above.
  await processInbox(ctx, config, workspaceId);
  if (failed !== undefined) throw failed;
}
