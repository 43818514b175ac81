// What a person pastes or types where Baton asks for a client's identifiers: a link to any page Baton
// reads, a domain or a company's web address, an email address, a `123-456-7890` customer ID, or the
// `kind:value` pairs of ARCHITECTURE.md §3.3 (still accepted). Each item is named by its kind and put
// in the normal form of §3.1; a bare number is left for the person to choose its kind.
import { linkableIdentifiers } from '../match/match-client';
import { PUBLIC_MAIL_DOMAINS } from '../match/public-domains';
import { readPage } from '../sites';
import { SITE_LABELS } from '../sites/labels';
import { normaliseDomain, normaliseEmail } from '../sites/normal-forms';
import { IDENTIFIER_KINDS, type Identifier, type IdentifierKind } from '../sites/types';
import { identifierKey, normaliseIdentifier } from './identifier';

/** One item of what was typed, read. */
export type ReadItem =
  | { status: 'found'; identifiers: Identifier[] }
  /** A bare number: any of several kinds. `suggested` when words before it named one ("google ads 123…"). */
  | { status: 'choose'; value: string; suggested?: IdentifierKind }
  /** Something that tried to be an identifier and is not one; `reason` says why, in one line. */
  | { status: 'invalid'; reason: string }
  /** A plain word ("google", "ads"): not an identifier, and not a mistake when others are found. */
  | { status: 'word'; word: string };

/** Kinds a bare number can be, for the person to choose from. */
export const NUMBER_KINDS: readonly IdentifierKind[] = IDENTIFIER_KINDS.filter((k) => !['email', 'email-domain', 'gmail-thread'].includes(k));

const WHAT_BATON_READS = 'paste a link, a domain (acme.com), an email address or a Google Ads customer ID (123-456-7890)';
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DOMAIN_LIKE = /^@?[\w-]+(?:\.[\w-]+)+\.?$/;
const DASHED_NUMBER = /^\d+(?:-\d+)+$/;
const THREAD_PERM_ID = /^thread-[a-z]:[\w:-]{1,100}$/;
const HEX_THREAD = /^(?=.*[a-f])[0-9a-f]{16}$/i;
/** `ocid=123`, `act=123` or `act_123`, `aadvid=123`: a URL's parameter copied on its own. */
const PARAMETERS: Record<string, IdentifierKind> = { ocid: 'google-ads-ocid', act: 'meta-ad-account', aadvid: 'tiktok-advertiser' };
const PARAMETER = /^(ocid|act|aadvid)[=_](.+)$/i;
/** A paste is bounded: what is past this many items is not read (a client has a handful). */
const MAX_ITEMS = 200;

const invalid = (reason: string): ReadItem => ({ status: 'invalid', reason });
const found = (...identifiers: Identifier[]): ReadItem => ({ status: 'found', identifiers });

function fromKind(kind: string, value: string): ReadItem {
  const result = normaliseIdentifier(kind, value);
  return result.ok ? found(result.data) : invalid(result.problem.message);
}

function fromDomain(raw: string): ReadItem {
  const domain = normaliseDomain(raw.replace(/^www\./i, '').replace(/\.$/, ''));
  if (!domain) return invalid(`"${raw}" is not a domain (e.g. acme.com).`);
  if (PUBLIC_MAIL_DOMAINS.has(domain)) return invalid(`${domain} is a free mail provider: it cannot name a client (add the person's address instead).`);
  return found({ kind: 'email-domain', value: domain });
}

/** A page Baton reads gives what "Link to client" would link there; any other site gives its domain. */
function fromUrl(raw: string): ReadItem {
  let url: URL;
  try {
    url = new URL(SCHEME.test(raw) ? raw : `https://${raw}`);
  } catch {
    return invalid(`"${raw}" is not a web address.`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) return invalid(`"${raw}" is not a web address (https://…).`);
  const page = readPage(url.href);
  if (!page) return fromDomain(url.hostname);
  const linkable = linkableIdentifiers(page);
  const identifiers = linkable.length > 0 ? linkable : page.identifiers;
  if (identifiers.length > 0) return found(...identifiers);
  // Gmail's addresses carry a conversation's id only in its older form; the panel reads it from the page.
  if (page.site === 'gmail') return invalid('This Gmail link does not carry the conversation’s id: open the conversation and use Link to client in the side panel.');
  return invalid(`This ${SITE_LABELS[page.site]} link names no account, project or thread: copy the address of the client's own page.`);
}

function fromEmail(raw: string): ReadItem {
  const address = raw.replace(/^mailto:/i, '');
  const email = normaliseEmail(address);
  return email ? found({ kind: 'email', value: email }) : invalid(`"${raw}" is not an email address.`);
}

function fromNumber(raw: string): ReadItem {
  if (DASHED_NUMBER.test(raw)) return fromKind('google-ads-customer', raw);
  return /^0+$/.test(raw) ? invalid(`"${raw}" is not an id.`) : { status: 'choose', value: raw };
}

function fromPair(raw: string, colon: number): ReadItem {
  const kind = raw.slice(0, colon).toLowerCase();
  if ((IDENTIFIER_KINDS as readonly string[]).includes(kind)) return fromKind(kind, raw.slice(colon + 1));
  return invalid(`"${raw.slice(0, colon)}" is not a kind of identifier Baton knows: ${WHAT_BATON_READS}.`);
}

/** Reads one item (no spaces in it). */
export function readIdentifierItem(item: string): ReadItem {
  const raw = item.replace(/^[<("'[]+/, '').replace(/[>)"'\].,;:!?]+$/, '');
  if (SCHEME.test(raw) || (raw.includes('/') && DOMAIN_LIKE.test(raw.split('/')[0] ?? ''))) return fromUrl(raw);
  if (raw.includes('@') && !raw.startsWith('@')) return fromEmail(raw);
  if (THREAD_PERM_ID.test(raw) || HEX_THREAD.test(raw)) return fromKind('gmail-thread', raw);
  const parameter = PARAMETER.exec(raw);
  if (parameter) return fromKind(PARAMETERS[parameter[1]!.toLowerCase()]!, parameter[2]!);
  const colon = raw.indexOf(':');
  if (colon > 0) return fromPair(raw, colon);
  if (/^\d[\d-]*$/.test(raw)) return fromNumber(raw);
  if (DOMAIN_LIKE.test(raw)) return fromDomain(raw);
  return { status: 'word', word: item };
}

/** Words that say what the number after them is: "google ads 123…", "meta 120…", "asana project 12…". */
const HINTS: readonly [RegExp, (value: string) => IdentifierKind][] = [
  [/\bocid$/, () => 'google-ads-ocid'],
  [/\b(google ads|adwords|customer id|customer)$/, (v) => (v.length === 10 ? 'google-ads-customer' : 'google-ads-ocid')],
  [/\b(meta|facebook|fb)( ad account| ads| account)?$/, () => 'meta-ad-account'],
  [/\blinkedin( ads| account)?$/, () => 'linkedin-ad-account'],
  [/\b(microsoft|bing)( ads| account)?$/, () => 'microsoft-ads-account'],
  [/\btiktok( ads| advertiser)?$/, () => 'tiktok-advertiser'],
  [/\b(ga4|analytics)( property)?$/, () => 'ga4-property'],
  [/\basana task$/, () => 'asana-task'],
  [/\basana( project)?$/, () => 'asana-project'],
];

function suggestedKind(words: readonly string[], value: string): IdentifierKind | undefined {
  const before = words.join(' ').toLowerCase().replace(/[^\w\s]/g, '');
  return HINTS.find(([pattern]) => pattern.test(before))?.[1](value);
}

export interface ReadInput {
  /** Each identifier once, in the order typed. */
  identifiers: Identifier[];
  /** Bare numbers whose kind the person chooses (with a guess when words before it named one). */
  choose: { value: string; suggested?: IdentifierKind }[];
  /** One message for everything that was not read; absent when all was. */
  error?: string;
}

function oneMessage(reasons: readonly string[], words: readonly string[], foundAny: boolean): string | undefined {
  if (reasons.length > 0) return reasons.length === 1 ? reasons[0] : `${reasons[0]} (and ${reasons.length - 1} more not read)`;
  // Words beside identifiers are what a person writes to say what they are: no mistake there.
  if (foundAny || words.length === 0) return undefined;
  const shown = words.join(' ');
  return `"${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}" is not an identifier: ${WHAT_BATON_READS}.`;
}

/** Reads everything typed or pasted at once: several items, separated by spaces, commas or lines. */
export function readIdentifierInput(text: string): ReadInput {
  const identifiers = new Map<string, Identifier>();
  const choose = new Map<string, { value: string; suggested?: IdentifierKind }>();
  const reasons: string[] = [];
  const words: string[] = [];
  let wordsBefore: string[] = [];
  for (const item of text.split(/[\s,;]+/).filter(Boolean).slice(0, MAX_ITEMS)) {
    const read = readIdentifierItem(item);
    if (read.status === 'word') {
      words.push(read.word);
      wordsBefore.push(read.word);
      continue;
    }
    if (read.status === 'found') for (const id of read.identifiers) identifiers.set(identifierKey(id), id);
    else if (read.status === 'invalid') reasons.push(read.reason);
    else {
      const suggested = suggestedKind(wordsBefore, read.value);
      choose.set(read.value, suggested ? { value: read.value, suggested } : { value: read.value });
    }
    wordsBefore = [];
  }
  const result: ReadInput = { identifiers: [...identifiers.values()], choose: [...choose.values()] };
  const error = oneMessage(reasons, words, identifiers.size + choose.size > 0);
  return error ? { ...result, error } : result;
}

/** A row of an identifiers editor: a bare number has no kind until the person chooses one. */
export interface IdentifierRow {
  kind?: IdentifierKind;
  value: string;
}

const rowKey = (row: IdentifierRow) => `${row.kind ?? '?'}:${row.value}`;

/** The rows after what was typed is read: new ones appended, repeats dropped, and the one message. */
export function addTypedIdentifiers(rows: readonly IdentifierRow[], text: string): { rows: IdentifierRow[]; error?: string } {
  const read = readIdentifierInput(text);
  const typed: IdentifierRow[] = [...read.identifiers, ...read.choose.map(({ value, suggested }) => (suggested ? { kind: suggested, value } : { value }))];
  const seen = new Set(rows.map(rowKey));
  const next = [...rows, ...typed.filter((row) => !seen.has(rowKey(row)) && seen.add(rowKey(row)))];
  return read.error ? { rows: next, error: read.error } : { rows: next };
}

/** The rows with row `index` of another kind, its value in that kind's normal form when it fits; a row it now repeats goes. */
export function withKind(rows: readonly IdentifierRow[], index: number, kind: IdentifierKind): IdentifierRow[] {
  const row = rows[index];
  if (!row) return [...rows];
  const result = normaliseIdentifier(kind, row.value);
  const changed: IdentifierRow = { kind, value: result.ok ? result.data.value : row.value };
  const repeats = rows.some((other, i) => i !== index && rowKey(other) === rowKey(changed));
  return repeats ? rows.filter((_, i) => i !== index) : rows.map((other, i) => (i === index ? changed : other));
}

/** Why a row cannot be saved yet, in one line; undefined when it can. */
export function rowProblem(row: IdentifierRow): string | undefined {
  if (!row.kind) return `Choose what kind of identifier ${row.value} is.`;
  const result = normaliseIdentifier(row.kind, row.value);
  return result.ok ? undefined : result.problem.message;
}

/** The rows as the `kind:value` text a client is saved with (ARCHITECTURE.md §3.3). */
export function rowsToText(rows: readonly IdentifierRow[]): string {
  return rows.map((row) => `${row.kind}:${row.value}`).join(' ');
}
