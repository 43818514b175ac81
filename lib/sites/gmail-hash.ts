import { LEGACY_THREAD_ID } from './normal-forms';

// Gmail's address after `#` is `<view>[/<page>][/<thread token>][?<overlay>]`, where a view is one
// segment (`inbox`, `sent`, `starred`, …) or two for those that name something (`label/Clients`,
// `search/acme+renewal`, `category/social`). A list URL has no thread token: `#inbox`, `#inbox/p2`,
// `#label/Clients`, `#search/foo`; a thread URL has one: `#inbox/FMfcgz…`, `#label/Clients/FMfc…`.
const NAMED_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'section_query']);
const PAGE = /^p\d{1,6}$/;
// Opaque tokens (`FMfcgzQZ…`, 32 characters) and legacy ids (16 hex digits). Shorter words after a
// view are sub-pages (`#settings/general`), never a conversation.
const THREAD_TOKEN = /^[A-Za-z0-9_-]{16,200}$/;
const MAX_VIEW = 200;

export interface GmailLocation {
  /** The list the person is in: `inbox`, `label/Clients/Acme`, `search/acme renewal`. */
  view: string;
  /** The conversation's token when the URL opens one; absent on a list URL. */
  threadToken?: string;
  /** The token when it is a legacy thread id, lower-cased. */
  legacyId?: string;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function parseGmailHash(hash: string): GmailLocation {
  const segments = (hash.replace(/^#/, '').split('?')[0] ?? '').split('/');
  const first = segments.shift() || 'inbox';
  let view = first;
  if (NAMED_VIEWS.has(first) && segments[0]) view = `${first}/${safeDecode(segments.shift()!.replace(/\+/g, ' '))}`;
  if (segments[0] !== undefined && PAGE.test(segments[0])) segments.shift();
  const location: GmailLocation = { view: view.slice(0, MAX_VIEW) };
  const token = segments[0];
  if (token === undefined || !THREAD_TOKEN.test(token)) return location;
  location.threadToken = token;
  if (LEGACY_THREAD_ID.test(token)) location.legacyId = token.toLowerCase();
  return location;
}
