// The one protocol between pages, content scripts and the background. Types only, so that content
// scripts can import it without zod; the background parses with ./schemas.
import type { Client, MatchSettings } from '../model/client';
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
  'clients/delete': { request: { id: string }; response: { deleted: boolean } };
  'settings/get': { request: Record<never, never>; response: MatchSettings };
  'settings/save': { request: { settings: MatchSettings }; response: MatchSettings };
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = T extends RequestType ? { type: T } & Requests[T]['request'] : never;
export type Response<T extends RequestType> = Requests[T]['response'];

export type ErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'invalid' | 'unavailable' | 'internal';
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
