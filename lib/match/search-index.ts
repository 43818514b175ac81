import { readPage } from '../sites';
import { formatIdentifierValue } from '../sites/labels';
import { cleanTrimmed, codePointLength } from '../text/clean-text';
import { normaliseDomain, normaliseEmail } from '../sites/normal-forms';
import type { Identifier } from '../sites/types';
import { buildClientIndex, clientsWith, type ClientIndex } from './client-index';
import { linkableIdentifiers } from './match-client';

/** What search needs of a client, a handoff and a person. */
export interface SearchableClient {
  id: string;
  name: string;
  identifiers: readonly Identifier[];
  archived?: boolean;
}
export interface SearchableHandoff {
  id: string;
  clientId: string;
  title: string;
  senderId: string;
  receiverId?: string;
  updatedAt: string;
}
export interface SearchablePerson {
  id: string;
  name: string;
  email: string;
}

interface ClientEntry<C> {
  client: C;
  name: string;
  /** Name, identifier values as stored and as people write them, folded, space-separated (a term has no space, so it never spans two). */
  haystack: string;
  /** Identifiers made of digits, for a customer id typed with dashes or spaces. */
  digitIds: readonly Identifier[];
}
interface HandoffEntry<H> {
  handoff: H;
  title: string;
  /** Title, client name, sender's and receiver's names and addresses, folded. */
  haystack: string;
}

/** Built once per workspace change; each keystroke reads it and never the log. */
export interface SearchIndex<C extends SearchableClient = SearchableClient, H extends SearchableHandoff = SearchableHandoff> {
  readonly clients: readonly ClientEntry<C>[];
  readonly handoffs: readonly HandoffEntry<H>[];
  readonly byIdentifier: ClientIndex<C>;
}

export interface ClientHit<C> {
  client: C;
  /** The identifier the query named, when it was one: shown so the person sees why the client came up. */
  matched?: Identifier;
}
export interface SearchResults<C, H> {
  clients: ClientHit<C>[];
  handoffs: H[];
}

/** A query longer than any name or identifier can match nothing more: the rest is not read (a pasted megabyte). */
const MAX_QUERY = 500;
const MIN_DIGITS = 3;

/** Lower case, accents and repeated spaces dropped: "Tomás  Herrera" finds "tomas herrera". */
export function foldText(text: string): string {
  // Most names and every identifier are plain ASCII: they skip the Unicode normalisation, the slowest part of building.
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/\s+/g, ' ').trim();
}

function clientEntry<C extends SearchableClient>(client: C): ClientEntry<C> {
  const texts = [client.name];
  for (const { kind, value } of client.identifiers) texts.push(value, formatIdentifierValue(kind, value));
  return {
    client,
    name: foldText(client.name),
    haystack: foldText(texts.join(' ')),
    digitIds: client.identifiers.filter(({ value }) => /^\d+$/.test(value)),
  };
}

export function buildSearchIndex<C extends SearchableClient, H extends SearchableHandoff>(input: {
  clients: readonly C[];
  handoffs?: readonly H[];
  members?: readonly SearchablePerson[];
}): SearchIndex<C, H> {
  // Archived clients are no longer recognised on pages; search does not offer them either.
  const live = input.clients.filter((c) => !c.archived);
  const clientNames = new Map(input.clients.map((c) => [c.id, c.name]));
  const people = new Map((input.members ?? []).map((m) => [m.id, `${m.name} ${m.email}`]));
  // Their handoffs too: a result without its client's name would read as nobody's.
  const archived = new Set(input.clients.filter((c) => c.archived).map((c) => c.id));
  const handoffs = (input.handoffs ?? []).filter((handoff) => !archived.has(handoff.clientId)).map((handoff) => {
    const texts = [clientNames.get(handoff.clientId) ?? '', people.get(handoff.senderId) ?? '', handoff.receiverId ? (people.get(handoff.receiverId) ?? '') : ''];
    const title = foldText(handoff.title);
    return { handoff, title, haystack: `${title} ${foldText(texts.join(' '))}` };
  });
  return { clients: live.map(clientEntry), handoffs, byIdentifier: buildClientIndex(live) };
}

interface Query {
  folded: string;
  terms: string[];
  /** The query's digits when it is only digits, dashes, dots, spaces and brackets: `123-456-7890`. */
  digits?: string;
  /** Identifiers the query names exactly: an address, a domain, a URL Baton reads. */
  identifiers: Identifier[];
}

function identifiersNamedBy(text: string): Identifier[] {
  const email = normaliseEmail(text);
  if (email) return [{ kind: 'email', value: email }, { kind: 'email-domain', value: email.slice(email.indexOf('@') + 1) }];
  const domain = normaliseDomain(text.replace(/^www\./i, ''));
  if (domain) return [{ kind: 'email-domain', value: domain }];
  if (!/^https?:\/\//i.test(text)) return [];
  const context = readPage(text);
  // Only what names one client (a task, a project, an account): never a workspace every client shares.
  const found = context ? linkableIdentifiers(context) : [];
  try {
    const host = normaliseDomain(new URL(text).hostname.replace(/^www\./, ''));
    if (host && !context) found.push({ kind: 'email-domain', value: host });
  } catch {
    // Not a URL after all: the words still count.
  }
  return found;
}

function parseQuery(raw: string): Query {
  const text = raw.slice(0, MAX_QUERY).trim();
  const folded = foldText(text);
  const digitsOnly = /^[\d\s().-]+$/.test(text) ? text.replace(/\D/g, '') : '';
  return {
    folded,
    terms: folded.split(' ').filter(Boolean),
    ...(digitsOnly.length >= MIN_DIGITS ? { digits: digitsOnly } : {}),
    identifiers: identifiersNamedBy(text),
  };
}

const hasEveryTerm = (haystack: string, terms: readonly string[]) => terms.length > 0 && terms.every((term) => haystack.includes(term));

/** How well a client fits the words typed: 0 when it does not. */
function textScore(entry: ClientEntry<unknown>, query: Query): number {
  if (!hasEveryTerm(entry.haystack, query.terms)) return 0;
  if (entry.name === query.folded) return 95;
  if (entry.name.startsWith(query.folded)) return 80;
  const first = query.terms[0] ?? '';
  if (entry.name.split(/[\s&.,'-]+/).some((word) => word.startsWith(first))) return 60;
  return 40;
}

type Scored<C> = ClientHit<C> & { score: number };

function digitHit<C>(entry: ClientEntry<C>, digits: string): Scored<C> | undefined {
  const exact = entry.digitIds.find(({ value }) => value === digits);
  if (exact) return { client: entry.client, matched: exact, score: 90 };
  const prefix = entry.digitIds.find(({ value }) => value.startsWith(digits));
  if (prefix) return { client: entry.client, matched: prefix, score: 70 };
  const inside = entry.digitIds.find(({ value }) => value.includes(digits));
  return inside ? { client: entry.client, matched: inside, score: 50 } : undefined;
}

function scoredClients<C extends SearchableClient>(index: SearchIndex<C>, query: Query): Scored<C>[] {
  const hits = new Map<C, Scored<C>>();
  const offer = (hit: Scored<C>) => {
    const known = hits.get(hit.client);
    if (!known || known.score < hit.score) hits.set(hit.client, hit);
  };
  for (const identifier of query.identifiers) {
    for (const client of clientsWith(index.byIdentifier, identifier) ?? []) offer({ client, matched: identifier, score: 100 });
  }
  for (const entry of index.clients) {
    const score = textScore(entry, query);
    if (score > 0) offer({ client: entry.client, score });
    const digits = query.digits ? digitHit(entry, query.digits) : undefined;
    if (digits) offer(digits);
  }
  // Plain comparison, not localeCompare: a one-letter query can rank thousands of clients per keystroke.
  return [...hits.values()].sort((a, b) => b.score - a.score || (a.client.name < b.client.name ? -1 : a.client.name > b.client.name ? 1 : 0));
}

/** The clients a query finds, best first (a named identifier, then the name, then a part of an identifier). */
export function searchClients<C extends SearchableClient>(index: SearchIndex<C>, query: string, limit = Infinity): ClientHit<C>[] {
  const parsed = parseQuery(query);
  if (parsed.terms.length === 0) return [];
  return scoredClients(index, parsed)
    .slice(0, limit)
    .map(({ client, matched }) => (matched ? { client, matched } : { client }));
}

/** The handoffs a query finds: every word in the title, the client's name or the people's; titles that start with it first, then the newest. */
export function searchHandoffs<H extends SearchableHandoff>(index: SearchIndex<SearchableClient, H>, query: string, limit = Infinity): H[] {
  const { terms, folded } = parseQuery(query);
  const found = index.handoffs
    .filter((entry) => hasEveryTerm(entry.haystack, terms))
    .map((entry) => ({ handoff: entry.handoff, rank: entry.title.startsWith(folded) ? 2 : hasEveryTerm(entry.title, terms) ? 1 : 0 }));
  // ISO times compare as strings.
  found.sort((a, b) => b.rank - a.rank || (a.handoff.updatedAt < b.handoff.updatedAt ? 1 : a.handoff.updatedAt > b.handoff.updatedAt ? -1 : 0));
  return found.slice(0, limit).map((entry) => entry.handoff);
}

export function search<C extends SearchableClient, H extends SearchableHandoff>(index: SearchIndex<C, H>, query: string, limit = 8): SearchResults<C, H> {
  return { clients: searchClients(index, query, limit), handoffs: searchHandoffs(index, query, limit) };
}

/** A list of clients narrowed by the same rules, in its own order (Settings → Clients); every client for an empty query. */
export function filterClients<C extends SearchableClient>(clients: readonly C[], query: string): C[] {
  if (!query.trim()) return [...clients];
  const found = new Set(searchClients(buildSearchIndex({ clients }), query).map((hit) => hit.client));
  return clients.filter((client) => found.has(client));
}

const ECHO_LENGTH = 60;
/** A query as a "nothing matches" message repeats it: whole characters, at most a line (never a pasted megabyte). */
export function queryEcho(query: string): string {
  const echo = cleanTrimmed(query.slice(0, MAX_QUERY), ECHO_LENGTH);
  return codePointLength(query.trim()) > ECHO_LENGTH ? `${echo}…` : echo;
}
