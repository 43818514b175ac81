import { parseGmailHash } from './gmail-hash';
import { LEGACY_THREAD_ID as HEX_ID, normaliseEmail } from './normal-forms';
import { isShown } from './shown';
import { cleanText, onHost } from './url-parts';
import type { GmailThread, Identifier, InboxRow, PageContext, Participant, ParticipantRole, SiteReader } from './types';

// Gmail's class names below are the long-lived ones named in ARCHITECTURE.md §3.1; obfuscated ids,
// jsaction and jsname change every year and are never used.
const EMAIL_IN_TEXT = /[^\s@<>"'(),;:]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const MAX_INBOX_ROWS = 200;
const MAX_PARTICIPANTS = 200;
const MAX_MESSAGES = 200;
const MAX_ROW_SENDERS = 20;
const ROLE_STRENGTH: Record<ParticipantRole, number> = { from: 3, to: 2, cc: 1 };

/** The tab title is `<view> - <address> - <brand>`; the account button names the address too. */
function readAccountEmail(doc: Document): string | undefined {
  for (const part of doc.title.split(' - ').reverse()) {
    const email = normaliseEmail(part);
    if (email) return email;
  }
  const button = doc.querySelector('a[aria-label^="Google Account"], [aria-label^="Google Account:"]');
  return normaliseEmail(EMAIL_IN_TEXT.exec(button?.getAttribute('aria-label') ?? '')?.[0]);
}

const HEADING = 'h2.hP[data-thread-perm-id]';

/**
 * The open conversation's heading: a shown one (Gmail keeps closed conversations in the DOM, hidden).
 * When the URL names a legacy id, only that thread's heading counts: during navigation the previous
 * thread is still in the DOM while the URL already names the next.
 */
function findThreadHeading(headings: Element[], urlLegacyId: string | undefined): Element | undefined {
  return headings.find(
    (h) => (!urlLegacyId || h.getAttribute('data-legacy-thread-id')?.trim().toLowerCase() === urlLegacyId) && isShown(h),
  );
}

/**
 * Where one conversation's messages are: the widest container around its heading that holds no other
 * conversation, up to the main area. A conversation Gmail keeps hidden beside it adds no one.
 */
function conversationScope(heading: Element, headings: Element[]): ParentNode {
  const others = headings.filter((h) => h !== heading);
  const limit = heading.closest('[role="main"]');
  let scope = heading;
  while (scope !== limit && scope.parentElement && !others.some((h) => scope.parentElement!.contains(h))) scope = scope.parentElement;
  return scope;
}

function recipientRole(span: Element): ParticipantRole {
  // In an expanded details table each row starts with a label cell: "from:", "to:", "cc:", "bcc:".
  // Anything else (another language, no table) leaves the recipient a "to".
  const label = span.closest('tr')?.querySelector('td')?.textContent?.trim().toLowerCase() ?? '';
  if (/^b?cc\s*:/.test(label)) return 'cc';
  if (/^from\s*:/.test(label)) return 'from';
  return 'to';
}

/**
 * Participants come from each message's header only: its header table (`table.gJ`, in an open
 * message's `div.gE` and a collapsed one's `div.kv` alike) or its header lines (`.iw` the sender,
 * `.hb` the recipients). Never from a message body (`div.a3s`), where a sender could write look-alike markup to
 * pose as a participant.
 */
const HEADERS = ['table.gJ', '.iw', '.hb'];
const inHeaders = (...selectors: string[]) => HEADERS.flatMap((header) => selectors.map((s) => `${header} ${s}`)).join(', ');

function readParticipants(scope: ParentNode): Participant[] {
  const byEmail = new Map<string, Participant>();
  const add = (el: Element, role: ParticipantRole) => {
    if (el.closest('tr.zA')) return; // inbox rows stay in the DOM behind an open thread
    if (el.closest('div.a3s')) return; // a body can hold a whole quoted or forged header
    const email = normaliseEmail(el.getAttribute('email'));
    if (!email) return;
    const name = cleanText(el.getAttribute('name'), 200);
    const known = byEmail.get(email);
    if (!known) {
      if (byEmail.size >= MAX_PARTICIPANTS) return;
      byEmail.set(email, name ? { email, name, role } : { email, role });
      return;
    }
    if (ROLE_STRENGTH[role] > ROLE_STRENGTH[known.role]) known.role = role;
    if (!known.name && name) known.name = name;
  };
  for (const el of scope.querySelectorAll(inHeaders('span.gD[email]', 'span.zF[email]', 'span.yP[email]'))) add(el, 'from');
  for (const el of scope.querySelectorAll(inHeaders('span.g2[email]'))) add(el, recipientRole(el));
  return [...byEmail.values()];
}

function readThread(heading: Element, headings: Element[]): GmailThread {
  const scope = conversationScope(heading, headings);
  const legacy = heading.getAttribute('data-legacy-thread-id')?.trim() ?? '';
  const thread: GmailThread = {
    id: cleanText(heading.getAttribute('data-thread-perm-id'), 200) ?? '',
    subject: cleanText(heading.textContent, 1000) ?? '',
    participants: readParticipants(scope),
    messageIds: [...scope.querySelectorAll('div.adn[data-message-id]')]
      .map((el) => cleanText(el.getAttribute('data-message-id'), 200))
      .filter((id): id is string => id !== undefined && !id.includes(' '))
      .slice(0, MAX_MESSAGES),
  };
  if (HEX_ID.test(legacy)) thread.legacyId = legacy.toLowerCase();
  return thread;
}

function readInbox(doc: Document): InboxRow[] {
  const rows: InboxRow[] = [];
  for (const tr of doc.querySelectorAll('tr.zA')) {
    const idEl = tr.querySelector('[data-thread-id]');
    const id = cleanText(idEl?.getAttribute('data-thread-id'), 200)?.replace(/^#/, '');
    if (!idEl || !id) continue;
    const senders = new Map<string, { email: string; name?: string }>();
    for (const el of tr.querySelectorAll('span[email]')) {
      const email = normaliseEmail(el.getAttribute('email'));
      const name = cleanText(el.getAttribute('name'), 200);
      if (email && !senders.has(email)) senders.set(email, name ? { email, name } : { email });
      if (senders.size >= MAX_ROW_SENDERS) break;
    }
    const row: InboxRow = { id, senders: [...senders.values()], unread: tr.classList.contains('zE') };
    const legacy = idEl.getAttribute('data-legacy-thread-id')?.trim() ?? '';
    if (HEX_ID.test(legacy)) row.legacyId = legacy.toLowerCase();
    const subject = cleanText(idEl.textContent, 500);
    if (subject) row.subject = subject;
    rows.push(row);
    if (rows.length >= MAX_INBOX_ROWS) break;
  }
  return rows;
}

/** Every participant but the signed-in user is a client signal: their address and its domain. */
function participantIdentifiers(participants: Participant[], accountEmail: string | undefined): Identifier[] {
  const out: Identifier[] = [];
  const domains = new Set<string>();
  for (const { email } of participants) {
    if (email === accountEmail) continue;
    out.push({ kind: 'email', value: email });
    domains.add(email.slice(email.lastIndexOf('@') + 1));
  }
  for (const domain of domains) out.push({ kind: 'email-domain', value: domain });
  return out;
}

export const gmail: SiteReader = {
  site: 'gmail',
  // Everything read from the page but the tab title is in the main area.
  watch: '[role="main"]',
  detect: (url) => onHost(url, ['mail.google.com']) && /^\/mail(\/|$)/.test(url.pathname),
  extract(url, doc) {
    const location = parseGmailHash(url.hash);
    const ctx: PageContext = { site: 'gmail', url: url.href, identifiers: [] };
    // What the URL alone says: the thread's legacy id, when it has one.
    const urlOnly = (): PageContext => {
      if (location.legacyId) ctx.identifiers.push({ kind: 'gmail-thread', value: location.legacyId });
      return ctx;
    };
    if (!doc) return urlOnly();
    const accountEmail = readAccountEmail(doc);
    if (accountEmail) ctx.accountEmail = accountEmail;
    // A list URL shows no conversation, whatever Gmail keeps in the DOM from the last one.
    if (!location.threadToken) {
      ctx.inbox = { view: location.view, rows: readInbox(doc) };
      return ctx;
    }
    const headings = [...doc.querySelectorAll(HEADING)].filter((h) => cleanText(h.getAttribute('data-thread-perm-id')));
    const heading = findThreadHeading(headings, location.legacyId);
    if (!heading) return urlOnly();
    const thread = readThread(heading, headings);
    ctx.thread = thread;
    ctx.identifiers.push({ kind: 'gmail-thread', value: thread.legacyId ?? thread.id });
    ctx.identifiers.push(...participantIdentifiers(thread.participants, accountEmail));
    return ctx;
  },
};
