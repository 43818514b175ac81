import { cleanTrimmed } from '../text/clean-text';
import { digits } from './normal-forms';
import type { Identifier, IdentifierKind, PageContext, Site } from './types';

export { digits };

/** First value of a query parameter, as digits. */
export function digitParam(url: URL, name: string): string | undefined {
  return digits(url.searchParams.get(name));
}

export function isHttp(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** True for http(s) URLs on one of the hosts, compared exactly (no suffix or prefix tricks). */
export function onHost(url: URL, hosts: readonly string[]): boolean {
  return isHttp(url) && url.username === '' && url.password === '' && hosts.includes(url.hostname);
}

/** Builds an identifier list from optional values, skipping the missing ones. */
export function identifiers(...pairs: [IdentifierKind, string | undefined][]): Identifier[] {
  const out: Identifier[] = [];
  for (const [kind, value] of pairs) if (value !== undefined) out.push({ kind, value });
  return out;
}

/** Trimmed, whitespace-collapsed, safe text of at most `max` code points, or undefined when empty. */
export function cleanText(value: string | null | undefined, max = 500): string | undefined {
  const text = value ? cleanTrimmed(value.replace(/\s+/g, ' '), max) : '';
  return text || undefined;
}

/** The context of an ad-platform page: its identifiers and, when one is open, the account. */
export function accountContext(site: Site, url: URL, ids: Identifier[], accountId?: string, accountName?: string): PageContext {
  const ctx: PageContext = { site, url: url.href, identifiers: ids };
  if (accountId) ctx.account = accountName ? { id: accountId, name: accountName } : { id: accountId };
  return ctx;
}
