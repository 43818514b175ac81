// The one protocol between pages, content scripts and the background. Types only, so that content
// scripts can import it without zod; the background parses with ./schemas.
import type { ClientView } from '../db/queries';
import type { Client, MatchSettings } from '../model/client';
import type { Handoff } from '../model/handoff';
import type { Member } from '../model/member';
import type { BatonEvent } from '../model/event';
import type { Template } from '../model/template';
import type { CommandRequest } from './commands';
import type { Identifier, PageContext, Site } from '../sites/types';

export interface ClientRef {
  id: string;
  name: string;
}

/** A match as stored per tab and shown by the panel (plain data: it lives in storage.session). */
export type MatchSummary =
  | { status: 'matched'; client: ClientRef; decidedBy: Identifier[]; runnersUp: ClientRef[] }
  | { status: 'ambiguous'; tied: ClientRef[]; decidedBy: Identifier[]; runnersUp: ClientRef[] }
  | { status: 'none' };

export interface TabState {
  tabId: number;
  windowId?: number;
  context: PageContext;
  match: MatchSummary;
  /** What "Link to client" offers to link: the page's identifiers less colleagues and free mail. */
  linkable: Identifier[];
  updatedAt: string;
}

/** A CSV row to import: `line` is where it starts in the file, so problems point at the right line. */
export type ImportedClientRow = ClientDraft & { line?: number };

export interface ClientDraft {
  id?: string;
  name: string;
  /** `kind:value kind:value …`, as typed or imported. */
  identifiers: string;
  ownerEmail?: string;
}

export interface Requests {
  /** Content script → background: what the page is now (null: a page Baton does not read). */
  'page/context': { request: { context: PageContext | null }; response: { match: MatchSummary } };
  /**
   * Panel → background: the state of the tab the panel follows in that window. `panelTabId` is set
   * when the panel page is open as a tab itself: it then follows the tab that was active before it.
   */
  'panel/state': { request: { windowId: number; panelTabId?: number }; response: TabState | null };
  'clients/list': { request: Record<never, never>; response: Client[] };
  'clients/save': { request: { client: ClientDraft }; response: Client };
  'settings/get': { request: Record<never, never>; response: MatchSettings };
  'settings/save': { request: { settings: MatchSettings }; response: MatchSettings };
  'clients/archive': { request: CommandRequest<'clients/archive'>; response: Client };
  'client/view': { request: CommandRequest<'client/view'>; response: ClientView | null };
  'client/link': { request: CommandRequest<'client/link'>; response: Client };
  'members/list': { request: Record<never, never>; response: Member[] };
  'me/get': { request: Record<never, never>; response: Member };
  'me/update': { request: CommandRequest<'me/update'>; response: Member };
  'member/add': { request: CommandRequest<'member/add'>; response: Member };
  'handoff/start': { request: CommandRequest<'handoff/start'>; response: Handoff };
  'handoff/get': { request: CommandRequest<'handoff/get'>; response: Handoff | null };
  'handoff/update': { request: CommandRequest<'handoff/update'>; response: Handoff };
  'handoff/send': { request: CommandRequest<'handoff/send'>; response: Handoff };
  'handoff/raise-gaps': { request: CommandRequest<'handoff/raise-gaps'>; response: Handoff };
  'handoff/answer-gaps': { request: CommandRequest<'handoff/answer-gaps'>; response: Handoff };
  'handoff/confirm': { request: CommandRequest<'handoff/confirm'>; response: Handoff };
  'handoff/cancel': { request: CommandRequest<'handoff/cancel'>; response: Handoff };
  'handoff/reassign': { request: CommandRequest<'handoff/reassign'>; response: Handoff };
  'handoffs/awaiting-me': { request: Record<never, never>; response: Handoff[] };
  'handoffs/sent-by-me': { request: Record<never, never>; response: Handoff[] };
  'note/add': { request: CommandRequest<'note/add'>; response: { id: string } };
  /** An open item on a client, owned by one person (by email: the owner may not be a member yet). */
  'item/add': { request: CommandRequest<'item/add'>; response: { id: string } };
  'item/complete': { request: CommandRequest<'item/complete'>; response: { id: string } };
  'failure/log': { request: CommandRequest<'failure/log'>; response: { id: string } };
  'hub/connect': { request: CommandRequest<'hub/connect'>; response: HubStatus };
  'hub/status': { request: Record<never, never>; response: HubStatus };
  'hub/disconnect': { request: Record<never, never>; response: HubStatus };

  // --- Issue 5: the panel, capture, prompts, popup, options ---
  /** Built-in templates and the workspace's custom ones (newest version of each). */
  'templates/list': { request: Record<never, never>; response: Template[] };
  /** Admins only: a new custom template, or a new version of one (`version` is assigned). */
  'template/save': { request: { template: Omit<Template, 'version' | 'builtIn'> }; response: Template };
  /** Extension page → background: show something in the side panel of a window (written to PANEL_INTENT_KEY). */
  'panel/intent': { request: { windowId: number; intent: PanelIntentRequest }; response: PanelIntent };
  /** Content script → background, on a click in the page: open the side panel on a new handoff from this tab. */
  'capture/start': { request: { selectedText?: string }; response: { opened: boolean } };
  /** Content script → background: what awaits the signed-in member, for the in-page prompt. */
  'prompts/get': { request: Record<never, never>; response: PromptItem[] };
  /** Content script → background, on a click in the prompt: open that handoff in the side panel. */
  'prompt/open': { request: { handoffId: string }; response: { opened: boolean } };
  /** Content script → background: hide the prompt for this handoff for a while. */
  'prompt/snooze': { request: { handoffId: string; minutes: number }; response: PromptItem[] };
  /** The whole workspace as a file (JSON). */
  'data/export': { request: Record<never, never>; response: Backup };
  /** Restores a backup: every event is checked first; nothing is written unless all of it is good. */
  'data/import': { request: { backup: unknown }; response: { added: number; skipped: number } };
  /** Loads the demo agency into a local workspace (refused when connected to a hub). */
  'demo/load': { request: Record<never, never>; response: { added: number; skipped: number } };
  /** CSV import (ARCHITECTURE §3.3): rows whose name matches a client update it; all rows or none. */
  'clients/import': { request: { rows: ImportedClientRow[] }; response: { created: number; updated: number } };
  'reminders/get': { request: Record<never, never>; response: ReminderSettings };
  'reminders/save': { request: { settings: ReminderSettings }; response: ReminderSettings };
  /** The loaded cost of an hour the dashboard prices repair hours at. */
  'cost/get': { request: Record<never, never>; response: CostSettings };
  /** Brings the saved metric facts up to date with the log (the dashboard then reads them itself). */
  'metrics/refresh': { request: { refold?: boolean }; response: { lastKey: number; folded: number; added: number; refolded: boolean } };
  /** Admins only; writes these two fields and nothing else of the workspace. */
  'cost/save': { request: CommandRequest<'cost/save'>; response: CostSettings };
}

/** What the side panel of a window should show next; the panel removes it once shown. */
export type PanelIntentRequest =
  | {
      kind: 'new-handoff';
      tabId?: number;
      clientId?: string;
      templateId?: string;
      selectedText?: string;
      /** The tab's site: its templates are suggested first. */
      site?: Site;
      /** What the tab showed at the click: the draft is filled from this even if the tab moved on. */
      page?: PageContext;
    }
  | { kind: 'handoff'; handoffId: string }
  | { kind: 'client'; clientId: string };
export type PanelIntent = PanelIntentRequest & { at: string };

/** Selected page text travels to the background bounded: a capture keeps at most this much. */
export const MAX_SELECTED_TEXT = 20_000;

/** Background → Gmail and Asana tabs: what awaits the signed-in member changed (the in-page prompt redraws). */
export const PROMPTS_PUSH = 'baton/prompts';
export interface PromptsPush {
  type: typeof PROMPTS_PUSH;
  items: PromptItem[];
}

/** A compact line for the in-page prompt: "<sender> handed you <client>: <template> — Review". */
export interface PromptItem {
  handoffId: string;
  senderName: string;
  clientName: string;
  templateName: string;
  /** The receiver's deadline has passed. */
  overdue: boolean;
}

/** How overdue confirmations are chased: a reminder to the receiver, then the admins are told. */
export interface ReminderSettings {
  /** Hours after the confirm-by time before the receiver is reminded again (0: never). */
  remindEveryHours: number;
  /** Hours past the confirm-by time before the admins are told (0: never). */
  escalateAfterHours: number;
}

/** What an hour of repair costs the agency (DOMAIN.md, "Measures"): salary plus overheads, per hour. */
export interface CostSettings {
  hourlyRate: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/** A backup file: the event log, which rebuilds everything. */
export interface Backup {
  format: 'baton-backup';
  version: 1;
  exportedAt: string;
  workspaceId: string;
  events: BatonEvent[];
}

/** The team hub as the options page shows it. */
export interface HubStatus {
  connected: boolean;
  url?: string;
  me: Member;
  lastSyncAt?: string;
  lastError?: string;
  pending: number;
  live: boolean;
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = T extends RequestType ? { type: T } & Requests[T]['request'] : never;
export type Response<T extends RequestType> = Requests[T]['response'];

export type ErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'invalid' | 'unavailable' | 'internal';
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
