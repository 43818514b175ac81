import { identifierKey } from '../model/identifier';
import type { Identifier, IdentifierKind, PageContext } from '../sites/types';
import { clientsWith, type ClientIndex, type MatchableClient } from './client-index';
import { mailDomainOf, mailDomainOwner } from './agency-domains';
import { PUBLIC_MAIL_DOMAINS } from './public-domains';

/**
 * How strongly an identifier names a client, strongest first. A thread or task someone linked names
 * one client; so does an ad account, a project or a property; an address names a person; a domain a
 * company at best; a business manager, ads customer or workspace is often the agency's own, shared by
 * every client it operates.
 */
export const MATCH_TIERS = ['linked', 'exact', 'email', 'domain', 'container'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

const TIER_OF: Record<IdentifierKind, MatchTier> = {
  'gmail-thread': 'linked',
  'asana-task': 'linked',
  'asana-project': 'exact',
  'google-ads-ocid': 'exact',
  'google-ads-customer': 'exact',
  'meta-ad-account': 'exact',
  'linkedin-ad-account': 'exact',
  'microsoft-ads-account': 'exact',
  'tiktok-advertiser': 'exact',
  'ga4-property': 'exact',
  email: 'email',
  'email-domain': 'domain',
  'asana-workspace': 'container',
  'meta-business': 'container',
  'microsoft-ads-customer': 'container',
  'ga4-account': 'container',
};

export interface MatchOptions {
  /** The agency's own mail domains (and their subdomains): colleagues never decide. */
  ownDomains?: readonly string[];
  /** Overrides the built-in list of free mail providers. */
  publicDomains?: ReadonlySet<string>;
  /** The signed-in user when the page does not say. */
  accountEmail?: string;
}

export interface MatchCandidate<C extends MatchableClient = MatchableClient> {
  client: C;
  /** The strongest tier among the hits. */
  tier: MatchTier;
  /** Every page identifier that points at this client, strongest first. */
  hits: Identifier[];
  /** Hit counts per tier, in MATCH_TIERS order: compared lexicographically. */
  score: number[];
}

export type MatchResult<C extends MatchableClient = MatchableClient> =
  | { status: 'matched'; client: C; decidedBy: Identifier[]; runnersUp: MatchCandidate<C>[] }
  | { status: 'ambiguous'; tied: C[]; decidedBy: Identifier[]; runnersUp: MatchCandidate<C>[] }
  | { status: 'none'; runnersUp: [] };
const MAX_RUNNERS_UP = 5;

/** Why a page's identifier may not decide its client, in words a person reads; undefined when it may. */
function ignoring(ctx: PageContext, options: MatchOptions): (identifier: Identifier) => string | undefined {
  const publicDomains = options.publicDomains ?? PUBLIC_MAIL_DOMAINS;
  const account = (ctx.accountEmail ?? options.accountEmail)?.toLowerCase();
  const own = [...(options.ownDomains ?? [])];
  // The signed-in user's own domain is the agency's, unless it is a free-mail one.
  if (account && !publicDomains.has(mailDomainOf(account))) own.push(mailDomainOf(account));
  return ({ kind, value }) => {
    if (kind !== 'email' && kind !== 'email-domain') return undefined;
    if (kind === 'email' && value.toLowerCase() === account) return 'you: the signed-in account';
    const owner = mailDomainOwner(value, own, publicDomains);
    if (owner === 'agency') return kind === 'email' ? 'a colleague: your agency’s domain' : 'your agency’s own domain';
    // A person's address at a free-mail provider still names that person (a client's contact).
    if (owner === 'free-mail' && kind === 'email-domain') return 'a free mail provider: anyone can have an address there';
    return undefined;
  };
}

/** The identifiers that may decide: never the signed-in user, the agency's domains or free-mail domains. */
export function decidingIdentifiers(ctx: PageContext, options: MatchOptions = {}): Identifier[] {
  const why = ignoring(ctx, options);
  return ctx.identifiers.filter((identifier) => !why(identifier));
}

/** The page's identifiers, each with why it is ignored when it is (what "This page" shows). */
export function explainIdentifiers(ctx: PageContext, options: MatchOptions = {}): { identifier: Identifier; ignored?: string }[] {
  const why = ignoring(ctx, options);
  return ctx.identifiers.map((identifier) => {
    const ignored = why(identifier);
    return ignored ? { identifier, ignored } : { identifier };
  });
}

/**
 * What "Link to client" offers: what names this page's client and nobody else's — linked items,
 * accounts, projects and the client's domains; never a person's address or a shared container.
 */
export function linkableIdentifiers(ctx: PageContext, options: MatchOptions = {}): Identifier[] {
  return decidingIdentifiers(ctx, options).filter(({ kind }) => ['linked', 'exact', 'domain'].includes(TIER_OF[kind]));
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (b[i] ?? 0) - (a[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The client a page belongs to. Exact identifiers beat addresses, which beat domains; among equals the
 * client with more hits wins; a tie at the top is reported as ambiguous, never guessed.
 */
export function matchClient<C extends MatchableClient>(ctx: PageContext | null, index: ClientIndex<C>, options: MatchOptions = {}): MatchResult<C> {
  if (!ctx || index.size === 0) return { status: 'none', runnersUp: [] };
  const candidates = new Map<C, MatchCandidate<C>>();
  for (const identifier of decidingIdentifiers(ctx, options)) {
    const clients = clientsWith(index, identifier);
    if (!clients) continue;
    const tierIndex = MATCH_TIERS.indexOf(TIER_OF[identifier.kind]);
    for (const client of clients) {
      let candidate = candidates.get(client);
      if (!candidate) {
        candidate = { client, tier: TIER_OF[identifier.kind], hits: [], score: MATCH_TIERS.map(() => 0) };
        candidates.set(client, candidate);
      }
      candidate.hits.push(identifier);
      candidate.score[tierIndex] = (candidate.score[tierIndex] ?? 0) + 1;
    }
  }
  if (candidates.size === 0) return { status: 'none', runnersUp: [] };

  const ranked = [...candidates.values()];
  for (const c of ranked) {
    c.tier = MATCH_TIERS[c.score.findIndex((n) => n > 0)] ?? 'domain';
    c.hits.sort((a, b) => MATCH_TIERS.indexOf(TIER_OF[a.kind]) - MATCH_TIERS.indexOf(TIER_OF[b.kind]));
  }
  ranked.sort((a, b) => compareScores(a.score, b.score) || a.client.name.localeCompare(b.client.name));

  const [best] = ranked as [MatchCandidate<C>, ...MatchCandidate<C>[]];
  const tied = ranked.filter((c) => compareScores(c.score, best.score) === 0);
  const decisive = (c: MatchCandidate<C>) => c.hits.filter((hit) => TIER_OF[hit.kind] === best.tier);
  if (tied.length > 1) {
    const decidedBy = new Map(tied.flatMap(decisive).map((hit) => [identifierKey(hit), hit]));
    return {
      status: 'ambiguous',
      tied: tied.map((c) => c.client),
      decidedBy: [...decidedBy.values()],
      runnersUp: ranked.slice(tied.length, tied.length + MAX_RUNNERS_UP),
    };
  }
  return { status: 'matched', client: best.client, decidedBy: decisive(best), runnersUp: ranked.slice(1, 1 + MAX_RUNNERS_UP) };
}
