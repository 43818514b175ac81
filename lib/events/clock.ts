import type { BatonEvent } from '../model/event';
import { failure, type Problem } from '../result';
import { actionOf, causeOf, type Cause } from '../workflow/handoff-machine';
import type { ReadModel } from './read-model';

// Every event carries the time of the computer that made it. Clocks drift and get set wrong, so a
// time is trusted only so far: never before what the event follows (the reducer, on every
// computer), never ahead of the hub's clock nor before the workspace the hub created (the hub).

/** How far two honest computers' clocks may disagree: times are judged with this much slack. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const CHECK_CLOCK = 'check this computer’s date and time';

/** The client an event is about (not the one it creates): its creation comes first. */
function clientOf(model: ReadModel, event: BatonEvent) {
  switch (event.type) {
    case 'client.updated':
    case 'client.archived':
    case 'client.identifier_linked':
      return model.client(event.entity.id);
    case 'handoff.created':
    case 'item.added':
      return model.client(event.payload.clientId);
    case 'note.added':
      return model.client(event.payload.note.clientId);
    case 'failure.logged':
      return event.payload.failure.clientId ? model.client(event.payload.failure.clientId) : undefined;
    default:
      return undefined;
  }
}

/** What the event follows and may not be dated before: a handoff's move (the machine's rule), or its client's creation. */
export function causeOfEvent(model: ReadModel, event: BatonEvent): Cause | undefined {
  const action = actionOf(event.type);
  if (action) {
    const handoff = model.handoff(event.entity.id);
    const answering = event.type === 'handoff.gaps_answered' ? event.payload.answers.map((a) => a.gapId) : event.type === 'handoff.gap_withdrawn' ? [event.payload.gapId] : [];
    return handoff && causeOf(handoff, action, answering);
  }
  const client = clientOf(model, event);
  return client && { at: client.createdAt, what: `${client.name} was added` };
}

/** Why the reducer refuses an event dated before what it follows (beyond the tolerance), or null. */
export function datedBeforeCause(model: ReadModel, event: BatonEvent): Problem | null {
  const cause = causeOfEvent(model, event);
  if (!cause || Date.parse(event.at) >= Date.parse(cause.at) - MAX_CLOCK_SKEW_MS) return null;
  return failure('invalid', `This change is dated ${event.at}, before ${cause.what} (${cause.at}): ${CHECK_CLOCK}.`).problem;
}

/** Times an event carries inside its payload, beside its own (when a note was written, a failure happened). */
function payloadTimes(event: BatonEvent): string[] {
  if (event.type === 'note.added') return [event.payload.note.at];
  if (event.type === 'failure.logged') return [event.payload.failure.at];
  return [];
}

/**
 * The event as this computer should stamp it: never dated before what it follows. A person whose
 * clock is behind a colleague's confirms a send "at" the send, not minutes before it.
 */
export function notBeforeCause<T extends BatonEvent>(model: ReadModel, event: T): T {
  const cause = causeOfEvent(model, event);
  if (!cause || Date.parse(event.at) >= Date.parse(cause.at)) return event;
  return { ...event, at: new Date(Date.parse(cause.at)).toISOString() };
}

/**
 * Why the hub refuses an event's time, or a time inside it (a note's, a failure's), judged by the
 * hub's own clock: dated ahead of it, or before the workspace was created (its `workspace.created` is
 * stamped by the hub), beyond the tolerance.
 */
export function hubClockRefusal(event: BatonEvent, workspaceCreatedAt: string | undefined, hubNow: number): string | null {
  for (const stamp of [event.at, ...payloadTimes(event)]) {
    const at = Date.parse(stamp);
    if (at > hubNow + MAX_CLOCK_SKEW_MS) return `This change is dated ${stamp}, ahead of the hub’s clock (${new Date(hubNow).toISOString()}): ${CHECK_CLOCK}, then send it again.`;
    if (workspaceCreatedAt && at < Date.parse(workspaceCreatedAt) - MAX_CLOCK_SKEW_MS) return `This change is dated ${stamp}, before this workspace was created (${workspaceCreatedAt}): ${CHECK_CLOCK}.`;
  }
  return null;
}
