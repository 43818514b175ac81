// One rule for "this address or domain names no client": it is the agency's own (a colleague), or a
// free-mail provider's (anyone can have an address there). Used wherever a page's identifiers are
// matched, offered for linking or creating a client, and where a handoff's people are offered as a
// client's stakeholders, so the rule cannot drift between them.
import { PUBLIC_MAIL_DOMAINS } from './public-domains';

export type MailDomainOwner = 'agency' | 'free-mail';

/** The domain of an address, or a domain as given: lower case, without a leading `@`. */
export function mailDomainOf(addressOrDomain: string): string {
  return addressOrDomain.slice(addressOrDomain.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** The agency's domains as settings hold them ("@Brightlane.agency", " brightlane.agency"), read one way. */
export function normalizeOwnDomains(ownDomains: readonly string[]): string[] {
  return ownDomains.map(mailDomainOf).filter(Boolean);
}

/**
 * Whose domain an address or domain is at: the agency's (its own domains and their subdomains, case
 * aside), a free-mail provider's, or undefined when it may be a client's.
 */
export function mailDomainOwner(addressOrDomain: string, ownDomains: readonly string[], publicDomains: ReadonlySet<string> = PUBLIC_MAIL_DOMAINS): MailDomainOwner | undefined {
  const domain = mailDomainOf(addressOrDomain);
  if (normalizeOwnDomains(ownDomains).some((own) => domain === own || domain.endsWith(`.${own}`))) return 'agency';
  return publicDomains.has(domain) ? 'free-mail' : undefined;
}
