import { getSettings, listClients } from '../db/client-store';
import { buildClientIndex, matchClient, type ClientIndex } from '../match';
import type { MatchSettings } from '../model/client';
import type { ClientRef, MatchSummary } from '../messaging/protocol';
import type { PageContext } from '../sites/types';

interface Matcher {
  index: ClientIndex;
  settings: MatchSettings;
}

/**
 * The index lives in memory only as a cache: MV3 stops the worker when idle, so it is rebuilt from
 * storage on the first match after waking, and dropped whenever clients or settings change.
 */
export function createMatcherCache() {
  let pending: Promise<Matcher> | null = null;
  const load = async (): Promise<Matcher> => {
    const [clients, settings] = await Promise.all([listClients(), getSettings()]);
    return { index: buildClientIndex(clients), settings };
  };
  return {
    invalidate() {
      pending = null;
    },
    async match(context: PageContext): Promise<MatchSummary> {
      pending ??= load();
      const { index, settings } = await pending;
      return summarise(matchClient(context, index, { ownDomains: settings.ownDomains }));
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
