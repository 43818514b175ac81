// The one protocol between pages, content scripts and the background. Types only, so that content
// scripts can import it without zod; the background parses with ./schemas.
import type { ClientView } from '../db/queries';
import type { Client, MatchSettings } from '../model/client';
import type { Handoff } from '../model/handoff';
import type { Member } from '../model/member';
import type { CommandRequest } from './commands';
import type { Identifier, PageContext } from '../sites/types';

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
  'failure/log': { request: CommandRequest<'failure/log'>; response: { id: string } };
  'hub/connect': { request: CommandRequest<'hub/connect'>; response: HubStatus };
  'hub/status': { request: Record<never, never>; response: HubStatus };
  'hub/disconnect': { request: Record<never, never>; response: HubStatus };
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
