// The name a page suggests for a client not known yet: what "Link to client" offers to create.
import type { Identifier, PageContext } from '../sites/types';

const MAX_WORDS = 6;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** "Northwind Outfitters – Q3 Paid Social" from "<task> - <project> - Asana"; the client is the project's first part. */
function asanaClient(title: string | undefined): string | undefined {
  const parts = title?.replace(/^[●•]\s*/, '').split(' - ') ?? [];
  if (parts.length < 3 || parts.at(-1)?.trim() !== 'Asana') return undefined;
  return parts.at(-2)?.split(/\s[–—-]\s|:\s/)[0]?.trim() || undefined;
}

/**
 * The organisation behind a mail domain: the words of the subject that spell its first label
 * ("Northwind Outfitters" for northwindoutfitters.com), else that label in capitals ("Acme-Widgets"
 * reads "Acme Widgets").
 */
function organisationOf(domain: string, subject: string | undefined): string {
  const label = domain.split('.')[0] ?? domain;
  const words = (subject ?? '').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + MAX_WORDS); end++) {
      if (letters(words.slice(start, end).join('')) === letters(label)) return words.slice(start, end).join(' ');
    }
  }
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * What the page calls the client: an ad account's or property's name, an Asana task's project, the
 * organisation of the thread's outside participants (`linkable`: the page's identifiers less
 * colleagues and free mail). Empty when the page names nobody.
 */
export function suggestedClientName(context: Pick<PageContext, 'site' | 'title' | 'account' | 'thread'>, linkable: readonly Identifier[]): string {
  if (context.account?.name?.trim()) return context.account.name.trim();
  if (context.site === 'asana') return asanaClient(context.title) ?? '';
  const domain = linkable.find((i) => i.kind === 'email-domain')?.value;
  return domain ? organisationOf(domain, context.thread?.subject) : '';
}
