// The one protocol between pages, content scripts and the background. Types only, so that content
// scripts can import it without zod. Each request's type is derived from its command's definition
// (lib/background/commands): the background parses every message with that command's schema.
import type { CommandRequest, CommandResponse, CommandType } from '../background/commands/registry';
import type { Member } from '../model/member';
import type { BatonEvent } from '../model/event';
import type { ImportedKeyFacts } from '../import/key-facts-columns';
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
export type ImportedClientRow = ClientDraft & { line?: number } & ImportedKeyFacts & { /** `role_id:email` pairs (lib/import/team-column.ts). */ team?: string };

export interface ClientDraft {
  id?: string;
  name: string;
  /** `kind:value kind:value …`, as typed or imported. */
  identifiers: string;
  ownerEmail?: string;
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
  /** Local changes the hub refused, newest first, with its reason: the person retries or discards each. */
  refused?: RefusedSummary[];
}

/** A refused change as the pages show it (the event itself stays in the background). */
export interface RefusedSummary {
  id: string;
  type: string;
  reason: string;
  at: string;
}

export type RequestType = CommandType;
export type Request<T extends RequestType = RequestType> = T extends RequestType ? CommandRequest<T> : never;
export type Response<T extends RequestType> = CommandResponse<T>;

/** What every request answers: lib/result.ts's one result shape. */
export type { Result } from '../result';
