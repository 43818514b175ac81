import type { PendingAction } from '../background/pending-queue';
import type { DBSchema } from 'idb';
import type { Judging } from '../events/reducer';
import type { Client } from '../model/client';
import type { BatonEvent } from '../model/event';
import type { Handoff, HandoffState, OpenItem } from '../model/handoff';
import type { Member, Workspace } from '../model/member';
import type { Failure, Note } from '../model/note';
import type { Template } from '../model/template';
import type { TimelineEntry } from '../model/timeline';
import type { MetricsSnapshotHead } from './metrics-snapshot';
import type { UndoEntry } from './view-undo';
import type { ViewTail } from './view-tail';

export const DB_NAME = 'baton';
export const DB_VERSION = 2;

/** A client as stored: with the keys its indexes need. */
export type ClientRecord = Client & { nameKey: string; identifierKeys: string[] };
export type EventRecord = {
  seq?: number;
  origin: 'local' | 'remote';
  event: BatonEvent;
  id: string;
  /** The hub's sequence number, once the hub has the event: the order every browser agrees on. */
  hubSeq?: number;
  /** How to take this event's effects out of the views, while it may still change place (./view-tail). */
  undo?: UndoEntry[];
};
/**
 * How the reducer judges a logged event when it is applied again (a re-order, a rebuild): one the hub
 * has (it sent it, or acknowledged it) was judged at the hub's door and is a fact; only one still on
 * its way is judged as new.
 */
export const judgingOf = (record: Pick<EventRecord, 'origin' | 'hubSeq'>): Judging => (record.origin === 'remote' || record.hubSeq !== undefined ? 'accepted' : 'new');

export type OutboxRecord = { id: string; seq: number; attempts: number; lastError?: string };

/** A sync round's message to the user (a handoff to confirm, gaps to answer), kept for the record. */
export interface Notice {
  id: string;
  at: string;
  title: string;
  message: string;
  handoffId?: string;
}

/** A local change the hub refused: out of the log and the views, kept here until retried or discarded. */
export interface RefusedChange {
  id: string;
  type: string;
  /** The hub's reason, as it said it. */
  reason: string;
  /** When it was set aside. */
  at: string;
  /** The event as it was sent, for Retry (absent when the outbox no longer had it). */
  event?: BatonEvent;
}

/**
 * What the meta store holds, by key: the one store whose values differ per key. Read and write it
 * through getMeta and putMeta (./meta), which tie each key to its own value type.
 */
export interface MetaValues {
  /** The workspace record, reduced from the workspace's events. */
  workspace: Workspace;
  /** My member id in the local workspace. */
  me: string;
  /** The latest sync notices, newest first (at most 50). */
  notices: Notice[];
  /** The hub's sequence number this browser has pulled up to. */
  'hub-cursor': number;
  /** What the saved metric facts cover; from an older fold it may differ (checked when read). */
  'metrics-facts-head': MetricsSnapshotHead;
  /** The saved metric facts, as one JSON string. */
  'metrics-facts': string;
  /** The views are out of the hub's order and no view tail can put them right (none kept, or past its bound): rebuilt in full at the next round. */
  'needs-rebuild': true;
  /** The events applied since the last point no event can move before, in the order applied (./view-tail). */
  'view-tail': ViewTail;
  /** The highest hub sequence number a local event was acknowledged with. */
  'max-acked-seq': number;
  /** Local changes the hub refused, newest first, until the user retries or discards them. */
  refused: RefusedChange[];
  /** Sends and confirmations held for undo, not appended yet (lib/background/pending-queue.ts). */
  'pending-actions': PendingAction[];
}
export type MetaKey = keyof MetaValues;

export interface BatonDB extends DBSchema {
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
  /** The append-only log, in the order this browser learned of each event. */
  events: { key: number; value: EventRecord; indexes: { byId: string } };
  /** Local events the hub has not acknowledged yet. */
  outbox: { key: string; value: OutboxRecord; indexes: { bySeq: number } };
  members: { key: string; value: Member; indexes: { byEmail: string } };
  clients: { key: string; value: ClientRecord; indexes: { byName: string; byIdentifier: string } };
  handoffs: {
    key: string;
    value: Handoff;
    indexes: { byClient: string; byReceiverState: [string, HandoffState]; bySenderState: [string, HandoffState] };
  };
  templates: { key: [string, number]; value: Template };
  notes: { key: string; value: Note; indexes: { byClient: string } };
  failures: { key: string; value: Failure; indexes: { byClient: string } };
  items: { key: string; value: OpenItem; indexes: { byClient: string; byOwner: string } };
  timeline: { key: string; value: TimelineEntry; indexes: { byClientAt: [string, string] } };
}

export type ViewStoreName = 'members' | 'clients' | 'handoffs' | 'templates' | 'notes' | 'failures' | 'items' | 'timeline';
export const VIEW_STORES: readonly ViewStoreName[] = ['members', 'clients', 'handoffs', 'templates', 'notes', 'failures', 'items', 'timeline'];
export const ALL_STORES = ['meta', 'events', 'outbox', ...VIEW_STORES] as const;

export type { Workspace };
