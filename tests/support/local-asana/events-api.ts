// GET /events (https://developers.asana.com/reference/getevents, https://developers.asana.com/docs/event):
// - the first request, without a sync token, answers 412 Precondition Failed with a fresh `sync`
//   token in the body, "the same as if the sync token had expired";
// - an invalid or expired token (tokens always expire after 24 hours) also answers 412 with a new one;
// - a valid token returns `{ data, sync, has_more }`: the events on the resource since the token
//   was made (events bubble up from tasks and stories to their projects), paged; re-requesting the
//   same token returns the same results.
// Webhook filters and lost webhook deliveries do not touch this stream.
import { randomBytes } from 'node:crypto';
import { AsanaError, missingInput, notRecognized } from './errors';
import type { AsanaStore } from './store';
import type { AsanaEvent } from './types';

const PAGE = 100;
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const SYNC_INVALID_MESSAGE =
  'Sync token invalid or too old. If you are attempting to keep resources in sync, you must fetch the full dataset for this query now and use the new sync token for the next sync.';

interface SyncToken {
  resource: string;
  seq: number;
  createdAt: number;
}

export class EventStreams {
  private readonly tokens = new Map<string, SyncToken>();

  constructor(private readonly store: AsanaStore) {}

  read(resource: string | null, sync: string | null): { data: AsanaEvent[]; sync: string; has_more: boolean } {
    if (!resource) throw missingInput('resource');
    // "The resource can be a task or project" (getEvents reference); workspaces have their own stream.
    const kind = this.store.kindOf(resource);
    if (kind !== 'task' && kind !== 'project') throw notRecognized('resource', resource);
    const token = sync ? this.tokens.get(sync) : undefined;
    if (!token || token.resource !== resource || Date.now() - token.createdAt > TOKEN_LIFETIME_MS) {
      throw new AsanaError(412, SYNC_INVALID_MESSAGE, { sync: this.mint(resource, this.store.lastSeq()) });
    }
    const since = this.store.events.filter((e) => e.seq > token.seq && e.scope.includes(resource));
    const page = since.slice(0, PAGE);
    const hasMore = since.length > PAGE;
    const position = hasMore ? page[page.length - 1]!.seq : this.store.lastSeq();
    return { data: page.map((e) => e.event), sync: this.mint(resource, position), has_more: hasMore };
  }

  /** Makes every token issued so far expired (Asana: after 24 h, or sooner under load). */
  expireAll(): void {
    for (const token of this.tokens.values()) token.createdAt = 0;
  }

  private mint(resource: string, seq: number): string {
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, { resource, seq, createdAt: Date.now() });
    return token;
  }
}
