import type { BatonEvent } from '../model/event';
import type { TimelineEntry } from '../model/timeline';
import type { Change } from './read-model';

/** The client's timeline line for an event: who did what, in at most 500 characters. */
export function entry(event: BatonEvent, clientId: string, summary: string, extra: Partial<TimelineEntry> = {}): Change {
  return { store: 'timeline', value: { id: event.id, clientId, at: event.at, type: event.type, actorId: event.actor, summary: summary.slice(0, 500), ...extra } };
}
