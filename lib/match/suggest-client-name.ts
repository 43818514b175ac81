// The name a new client most likely has, read from the page the person stands on: the account an ad
// platform shows, Asana's project, else the organisation behind the external participants' domain ("Acme" from
// acme.com, written as the subject writes it when it does: "Northwind Outfitters" for
// northwindoutfitters.com), else an external participant's display name (a client on a free-mail address).
import type { Identifier, PageContext } from '../sites/types';

/** Second-level labels under which a country's registrations sit (acme.co.uk, acme.com.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu']);

/** The label that names the organisation: "acme" from acme.com, mail.acme.co.uk. */
export function organisationLabel(domain: string): string | undefined {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  const secondLevel = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) && (labels.at(-1)?.length ?? 0) === 2;
  return labels[labels.length - (secondLevel ? 3 : 2)];
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The run of words in `text` that spells `label` (spaces and case aside), as `text` writes it. */
function spelledIn(text: string, label: string): string | undefined {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < words.length && joined.length < label.length; end++) {
      joined += squash(words[end]!);
      if (joined === label) return words.slice(start, end + 1).join(' ');
    }
  }
  return undefined;
}

function capitalised(label: string): string {
  return label
    .split('-')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/**
 * Asana's tab title reads "<task> - <project> - Asana": the project names the client's work, and its
 * first part the client ("Northwind Outfitters" of "Northwind Outfitters – Q3 Paid Social").
 */
function asanaProject(title: string | undefined): string | undefined {
  const parts = title?.replace(/^[●•]\s*/, '').split(' - ') ?? [];
  if (parts.length < 2 || parts.at(-1)?.trim() !== 'Asana') return undefined;
  return parts.at(-2)?.split(/\s[–—-]\s|:\s/)[0]?.trim() || undefined;
}

function fromDomain(context: PageContext, domain: string): string | undefined {
  const label = organisationLabel(domain);
  if (!label) return undefined;
  const texts = [context.thread?.subject, context.title, ...(context.thread?.participants.map((p) => p.name) ?? [])];
  for (const text of texts) {
    const written = text ? spelledIn(text, squash(label)) : undefined;
    if (written) return written;
  }
  return capitalised(label);
}

/**
 * What "Create client …" proposes for a page, from the page's context and the identifiers Baton would
 * link (lib/match linkableIdentifiers: never the agency's own or a free-mail domain); undefined when
 * the page names nobody.
 */
export function suggestClientName(context: PageContext, linkable: readonly Identifier[]): string | undefined {
  const account = context.account?.name?.trim();
  if (account) return account;
  const project = context.site === 'asana' ? asanaProject(context.title) : undefined;
  if (project) return project;
  const domain = linkable.find((i) => i.kind === 'email-domain')?.value;
  if (domain) return fromDomain(context, domain);
  // A client writing from a free-mail address: the first participant who is not the signed-in person
  // and whose domain is not linkable-excluded as the agency's own.
  if (context.site === 'gmail' && linkable.length > 0) {
    const me = context.accountEmail?.toLowerCase();
    const myDomain = me?.slice(me.indexOf('@') + 1);
    const other = context.thread?.participants.find((p) => p.email.toLowerCase() !== me && !p.email.toLowerCase().endsWith(`@${myDomain}`) && p.name?.trim());
    if (other?.name) return other.name.trim();
  }
  return undefined;
}
