// Every key Baton keeps in browser.storage, in one place: its name, its area and what it holds.
// Reading and writing go through ./store, which parses each value with the key's schema.
// Content scripts do not read storage (they ask the background); one that had to would import the
// names from here as types only and ask the background for the value, never carry zod to the page.
import type { ReminderState } from '../background/reminders';
import type { SyncStatus } from '../background/sync-runner';
import { MAX_SELECTED_TEXT, type PanelIntent, type TabState } from '../messaging/protocol';
import { IDENTIFIER_KINDS } from '../sites/types';
import { PageContextSchema } from '../model/page-context';
import type { HubConnection } from '../sync/hub-client';
import { z } from '../model/zod';

export type StorageArea = 'local' | 'session' | 'sync';

/** One stored value: where it lives, under which name, and the shape it must have when read back. */
export interface StorageKey<T> {
  readonly name: string;
  readonly area: StorageArea;
  readonly schema: z.ZodType<T>;
}

/** Keys made per tab, window or workspace: `prefix + id + suffix`, all in one area with one schema. */
export interface StorageKeyFamily<T> {
  readonly prefix: string;
  readonly suffix: string;
  readonly area: StorageArea;
  readonly schema: z.ZodType<T>;
  key(id: string | number): StorageKey<T>;
  /** The id within a stored name of this family; undefined for any other name. */
  idOf(name: string): string | undefined;
}

function storageKey<T>(area: StorageArea, name: string, schema: z.ZodType<T>): StorageKey<T> {
  return { name, area, schema };
}

function storageKeyFamily<T>(area: StorageArea, prefix: string, schema: z.ZodType<T>, suffix = ''): StorageKeyFamily<T> {
  return {
    prefix,
    suffix,
    area,
    schema,
    key: (id) => ({ name: `${prefix}${id}${suffix}`, area, schema }),
    idOf: (name) => {
      if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length <= prefix.length + suffix.length) return undefined;
      return name.slice(prefix.length, name.length - suffix.length);
    },
  };
}

/** A hub connection as Baton keeps it (lib/storage/hub-connection-store.ts), and as it once kept it here. */
export const HubConnectionSchema: z.ZodType<HubConnection> = z.object({
  url: z.url(),
  token: z.string().min(10).max(200),
  memberId: z.string().min(1),
  workspaceId: z.string().min(1),
});

const SyncStatusSchema: z.ZodType<SyncStatus> = z.object({
  lastSyncAt: z.string().optional(),
  lastError: z.string().optional(),
  pending: z.number().int().min(0),
  live: z.boolean(),
});

/** Which moments of a watched handoff notify the person (a moment left out: on). */
export const NotifyPrefsSchema = z.object({ sent: z.boolean(), gaps: z.boolean(), confirmed: z.boolean(), overdue: z.boolean() }).partial();

// A reminder state from an earlier version may lack one half: what is missing starts empty.
const ReminderStateSchema: z.ZodType<ReminderState, unknown> = z.object({
  reminded: z.record(z.string(), z.object({ dueBy: z.string(), round: z.number().int().min(0) })).default({}),
  escalated: z.record(z.string(), z.string()).default({}),
  watched: z.record(z.string(), z.string()).optional(),
});

// Stored identifiers were normalised when they were made: the shape is enough to check here.
const StoredIdentifierSchema = z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().min(1).max(254) });
const ClientRefSchema = z.object({ id: z.string(), name: z.string() });
const MatchSummarySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('matched'), client: ClientRefSchema, decidedBy: z.array(StoredIdentifierSchema), runnersUp: z.array(ClientRefSchema) }),
  z.object({ status: z.literal('ambiguous'), tied: z.array(ClientRefSchema), decidedBy: z.array(StoredIdentifierSchema), runnersUp: z.array(ClientRefSchema) }),
  z.object({ status: z.literal('none') }),
]);

const TabStateSchema: z.ZodType<TabState> = z.object({
  tabId: z.number().int(),
  windowId: z.number().int().optional(),
  context: PageContextSchema,
  match: MatchSummarySchema,
  linkable: z.array(StoredIdentifierSchema),
  updatedAt: z.string(),
});

// The background checked the intent's request when it arrived; read back, its kind and time decide.
const PanelIntentHeadSchema = z.object({ kind: z.enum(['new-handoff', 'handoff', 'client']), at: z.string() });
const PanelIntentSchema = z.custom<PanelIntent>((value) => PanelIntentHeadSchema.safeParse(value).success, 'not a panel intent');

// A draft's title and field labels, as the page's context menu shows them.
const OpenDraftSchema = z.object({
  handoffId: z.string().min(1).max(100),
  title: z.string().max(200),
  fields: z.array(z.object({ id: z.string().min(1).max(100), label: z.string().max(200) })).max(60),
});
export type OpenDraft = z.infer<typeof OpenDraftSchema>;

/** Keys with one fixed name. */
export const STORAGE_KEYS = {
  /**
   * Where Baton kept the hub connection, token included, before it moved to the extension's IndexedDB
   * (content scripts can read storage.local): moved once on start, then removed (./hub-connection-store).
   */
  legacyHub: storageKey('local', 'baton:hub', HubConnectionSchema),
  /** Where the first version kept clients, before the event log: imported once, then removed. */
  legacyClients: storageKey('local', 'baton:clients', z.array(z.unknown())),
  /** Per handoff, until when its in-page prompt stays hidden (a snooze outlives the worker). */
  promptSnoozes: storageKey('local', 'baton:prompt-snooze', z.record(z.string(), z.string())),
  /** How many handoffs await my confirmation (the badge of every tab shows it). */
  awaitingCount: storageKey('session', 'baton:awaiting', z.number().int().min(0)),
  /**
   * The Google account last seen signed in to Gmail, to suggest who you are (Settings → You). Session
   * storage: content scripts cannot read it, and every Gmail tab reports it again after a restart.
   */
  gmailAccount: storageKey('session', 'baton:gmail-account', z.object({ email: z.string().max(254), name: z.string().max(200).optional() })),
  /** The last sync round's outcome, for the hub status the pages show. */
  syncStatus: storageKey('session', 'baton:sync-status', SyncStatusSchema),
  /**
   * How far the person went through the first-run path (components/first-run): the step to resume at,
   * and whether it is done (finished or skipped: then it never shows again).
   */
  firstRun: storageKey('local', 'baton:first-run', z.object({ step: z.enum(['you', 'team', 'client']), done: z.boolean() })),
  /** The clients last opened in the side panel, newest first: the search box offers them before anything is typed. */
  recentClients: storageKey('local', 'baton:recent-clients', z.array(z.string().min(1).max(100)).max(20)),
  /**
   * Per member, which moments of the handoffs they watch notify them (lib/background/watchers.ts).
   * The person's own choice, kept with them in storage.local, not in the workspace's log.
   */
  notify: storageKey('local', 'baton:notify', z.record(z.string().min(1).max(100), NotifyPrefsSchema)),
} as const;

/** Keys made per tab, window or workspace. */
export const STORAGE_KEY_FAMILIES = {
  /** What reminders were sent per workspace (storage.local: a reminder is not repeated after a restart). */
  reminderState: storageKeyFamily('local', 'baton:reminders:', ReminderStateSchema),
  /** What a tab shows and whose it is: the background writes, panels read. */
  tabState: storageKeyFamily('session', 'tab:', TabStateSchema),
  /** The last recognised tab a window showed, so a panel opened as a tab still has a page. */
  lastActiveTab: storageKeyFamily('session', 'window:', z.number().int(), ':last-tab'),
  /** What a window's side panel is asked to show next; the panel reads it and removes it. */
  panelIntent: storageKeyFamily('session', 'baton:intent:', PanelIntentSchema),
  /**
   * Per member, the template each site last started (site → template id), to start it again directly.
   * storage.local, not the workspace's log: a person's habit, not team knowledge the hub should judge.
   */
  /** Per draft, text the person chose to add from a page's menu, waiting for the draft's form to take it. */
  selectionsFor: storageKeyFamily('session', 'baton:selection:', z.array(z.object({ fieldId: z.string().min(1).max(100), text: z.string().min(1).max(MAX_SELECTED_TEXT) })).max(20)),
  /**
   * Per window, the draft its panel shows in its form, with its text fields: the page's menu offers "Add
   * selection to …" them. Per window, so a click in one window never files text into another window's draft.
   */
  openDraft: storageKeyFamily('session', 'baton:open-draft:', OpenDraftSchema),
  lastTemplate: storageKeyFamily('local', 'baton:last-template:', z.record(z.string().max(40), z.string().min(1).max(100))),
} as const;

export const tabStateKey = (tabId: number) => STORAGE_KEY_FAMILIES.tabState.key(tabId);
export const panelIntentKey = (windowId: number) => STORAGE_KEY_FAMILIES.panelIntent.key(windowId);
export const lastActiveTabKey = (windowId: number) => STORAGE_KEY_FAMILIES.lastActiveTab.key(windowId);
export const reminderStateKey = (workspaceId: string) => STORAGE_KEY_FAMILIES.reminderState.key(workspaceId);
export const lastTemplateKey = (memberId: string) => STORAGE_KEY_FAMILIES.lastTemplate.key(memberId);
export const openDraftKey = (windowId: number) => STORAGE_KEY_FAMILIES.openDraft.key(windowId);
export const selectionsForKey = (handoffId: string) => STORAGE_KEY_FAMILIES.selectionsFor.key(handoffId);
