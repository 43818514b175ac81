export { buildClientIndex, clientsWith, type ClientIndex, type MatchableClient } from './client-index';
export { decidingIdentifiers, explainIdentifiers, linkableIdentifiers, matchClient, MATCH_TIERS, type MatchCandidate, type MatchOptions, type MatchResult, type MatchTier } from './match-client';
export { PUBLIC_MAIL_DOMAINS } from './public-domains';
