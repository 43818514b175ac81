import { buildClientIndex, linkableIdentifiers, matchClient, type ClientIndex } from '../match';
import type { MatchableClient } from '../match';
import type { MatchSettings } from '../model/client';
import type { ClientRef, MatchSummary } from '../messaging/protocol';
import type { Identifier, PageContext } from '../sites/types';

interface Matcher {
  index: ClientIndex;
  settings: MatchSettings;
}

/**
 * The index lives in memory only as a cache: MV3 stops the worker when idle, so it is rebuilt from
 * storage on the first match after waking, and dropped whenever clients or settings change.
 */
export function createMatcherCache(source: () => Promise<{ clients: readonly MatchableClient[]; settings: MatchSettings }>) {
  let pending: Promise<Matcher> | null = null;
  const load = async (): Promise<Matcher> => {
    const { clients, settings } = await source();
    return { index: buildClientIndex(clients), settings };
  };
  return {
    invalidate() {
      pending = null;
    },
    /** The page's client, and the identifiers worth linking to one (never colleagues or free mail). */
    async match(context: PageContext): Promise<{ match: MatchSummary; linkable: Identifier[] }> {
      pending ??= load();
      const { index, settings } = await pending;
      const options = { ownDomains: settings.ownDomains };
      return { match: summarise(matchClient(context, index, options)), linkable: linkableIdentifiers(context, options) };
    },
  };
}

export type MatcherCache = ReturnType<typeof createMatcherCache>;

const ref = ({ id, name }: ClientRef): ClientRef => ({ id, name });

function summarise(result: ReturnType<typeof matchClient>): MatchSummary {
  switch (result.status) {
    case 'matched':
      return { status: 'matched', client: ref(result.client), decidedBy: result.decidedBy, runnersUp: result.runnersUp.map((c) => ref(c.client)) };
    case 'ambiguous':
      return { status: 'ambiguous', tied: result.tied.map(ref), decidedBy: result.decidedBy, runnersUp: result.runnersUp.map((c) => ref(c.client)) };
    default:
      return { status: 'none' };
  }
}
