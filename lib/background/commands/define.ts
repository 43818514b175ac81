// One definition per command: its schema, who may call it, whether it writes, what follows it and its
// handler, in one place. The registry (./registry.ts) collects them; the router dispatches from it and
// the protocol's request and response types are derived from it.
import type { Browser } from 'wxt/browser';
import type { TabState } from '../../messaging/protocol';
import { z } from '../../model/zod';
import type { MatcherCache } from '../matcher';
import type { SyncRunner } from '../sync-runner';
import type { Session, WorkspaceService } from '../workspace';

/** Who sent a message: one of Baton's own pages, or its content script in a served site's top frame. */
export type Caller = 'extension-page' | 'content-script';

/**
 * What the router does after a command succeeds (and, for `opens-panel`, before it runs):
 * - `opens-panel`: opens the side panel at once, while the user's click still counts as a gesture;
 * - `refresh-session`: reads the workspace record and my member again;
 * - `rematch`: matches every open tab again (clients or matching settings changed);
 * - `sync`: a round of sync soon (pushes the outbox);
 * - `prompts`: redraws the in-page prompts of what awaits me;
 * - `restart-sync`: a round of sync now and the live stream reconnected (the hub changed).
 */
export type Effect = 'opens-panel' | 'refresh-session' | 'rematch' | 'sync' | 'prompts' | 'restart-sync';

/** What a handler may use: the workspace, the message's sender and the background's parts. */
export interface CommandContext {
  workspace: WorkspaceService;
  /** The open workspace session (opened on first use). */
  session(): Promise<Session>;
  /** The tab a content script runs in (absent for extension pages). */
  tab?: Browser.tabs.Tab;
  /** The URL of the page or frame that sent the message. */
  senderUrl?: string;
  matcher: MatcherCache;
  sync?: SyncRunner;
  /** The page a tab shows, for handoffs started from it. */
  tabState(tabId: number): Promise<TabState | null>;
  /** The side panel being opened for this request (commands with the `opens-panel` effect). */
  opening: Promise<boolean> | null;
  now(): Date;
}

/** A phantom that declares a command's response type: `response: returns<Handoff>()`. */
export interface Returns<R> {
  readonly __response?: R;
}
export const returns = <R>(): Returns<R> => ({});

export interface CommandDefinition<T extends string, S extends z.ZodType, R> {
  type: T;
  /** The request's fields (without `type`), parsed where the message arrives. */
  schema: S;
  /** Who may send it. */
  from: readonly Caller[];
  /** A read never appends an event (the convention test runs every read and counts the log). */
  kind: 'read' | 'write';
  effects: readonly Effect[];
  response: Returns<R>;
  handle(request: z.output<S>, context: CommandContext): Promise<NoInfer<R>>;
}

// The registry holds definitions of every request and response type; `any` here is only the registry's
// element type, each definition keeps its exact types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<string, z.ZodType, any>;

export function defineCommand<const T extends string, S extends z.ZodType, R>(definition: CommandDefinition<T, S, R>): CommandDefinition<T, S, R> {
  return definition;
}

/** Callers for the common cases. */
export const PAGES: readonly Caller[] = ['extension-page'];
export const PAGES_AND_CONTENT_SCRIPTS: readonly Caller[] = ['extension-page', 'content-script'];
export const CONTENT_SCRIPTS: readonly Caller[] = ['content-script'];
/** Effects of an ordinary change to the workspace: share it, and redraw what awaits me. */
export const CHANGE: readonly Effect[] = ['sync', 'prompts'];

/** The schema of a request with nothing but its type. */
export const NO_FIELDS = z.object({}).strict();
