import type { BatonEvent } from '../../lib/model/event';
import type { Db } from '../db';
import type { HubStore, PushResult } from '../store';

/** What a reactor may use: the database (for its own tables), the store, the hub's address and log. */
export interface ReactorContext {
  db: Db;
  store: HubStore;
  /** The address members reach the hub on (BATON_PUBLIC_URL), for links in messages; undefined: none known. */
  publicUrl?: string;
  log(entry: Record<string, unknown>): void;
  /** Appends events the hub makes on a member's behalf (a rule's draft), judged by the same reducer. */
  appendAs(workspaceId: string, memberId: string, events: BatonEvent[]): Promise<PushResult[]>;
  /** The hub's clock (tests move it). */
  now(): number;
}

export interface LoggedEvent {
  workspaceId: string;
  seq: number;
  event: BatonEvent;
}

/**
 * Something the hub does after events are appended (post to Slack, write back to Asana, fire rules).
 * `handle` is called once per event in log order, after the reactor's durable cursor — at least once:
 * a hub stopped between the work and the cursor's update calls it again, so it must be idempotent
 * (outbox rows unique per event, events with derived ids). `tick` runs on the runner's timer, for what
 * time alone brings (an overdue confirmation, a date reached, a retry due).
 */
export interface Reactor {
  name: string;
  handle?(ctx: ReactorContext, item: LoggedEvent): Promise<void>;
  tick?(ctx: ReactorContext, workspaceId: string): Promise<void>;
}
