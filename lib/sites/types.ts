// The shape every site reader returns (ARCHITECTURE.md §3.1). Plain types only: content scripts
// import this, and they must not carry zod.

export const SITES = [
  'gmail',
  'asana',
  'google-ads',
  'meta-ads',
  'linkedin-ads',
  'microsoft-ads',
  'tiktok-ads',
  'ga4',
] as const;
export type Site = (typeof SITES)[number];

export const IDENTIFIER_KINDS = [
  'email',
  'email-domain',
  'gmail-thread',
  'asana-workspace',
  'asana-project',
  'asana-task',
  'google-ads-ocid',
  'google-ads-customer',
  'meta-ad-account',
  'meta-business',
  'linkedin-ad-account',
  'microsoft-ads-account',
  'microsoft-ads-customer',
  'tiktok-advertiser',
  'ga4-account',
  'ga4-property',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

export type ParticipantRole = 'from' | 'to' | 'cc';

export interface Participant {
  email: string;
  name?: string;
  role: ParticipantRole;
}

export interface GmailThread {
  id: string;
  legacyId?: string;
  subject: string;
  participants: Participant[];
  messageIds: string[];
}

/** A row of the Gmail thread list, read when no conversation is open. */
export interface InboxRow {
  id: string;
  legacyId?: string;
  subject?: string;
  senders: { email: string; name?: string }[];
  unread: boolean;
}

export interface PageContext {
  site: Site;
  url: string;
  title?: string;
  accountEmail?: string;
  identifiers: Identifier[];
  thread?: GmailThread;
  /** Gmail's thread list when no conversation is open (an addition to §3.1, never a client signal). */
  inbox?: { view: string; rows: InboxRow[] };
  task?: { id: string; name?: string; projectId?: string; workspaceId?: string };
  account?: { id: string; name?: string };
}

/** One file per site exports one of these; `lib/sites/index.ts` lists them. */
export interface SiteReader {
  site: Site;
  /**
   * CSS selector of the one part of the page `extract` reads besides the title: content scripts
   * observe that subtree, not the whole document. Absent when the URL (and title) say it all.
   */
  watch?: string;
  /** True when the URL belongs to this site. Pure; never throws on any parsed URL. */
  detect(url: URL): boolean;
  /** Reads what the URL and, when given, the document say. May throw: readPage guards it. */
  extract(url: URL, doc?: Document): PageContext;
}
