import { appendEvent, appendEvents } from '../db/event-store';
import type { BatonEvent } from '../model/event';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** Appends one event for a command; a refusal by the reducer becomes the command's error. */
export async function append(session: Session, event: BatonEvent): Promise<void> {
  const result = await appendEvent(session.db, event);
  if (!result.ok) throw new CommandError(result.problem.message, result.problem.code);
}

/** Appends several events for one command in one transaction: all of them, or none and the refusal. */
export async function appendAll(session: Session, events: readonly BatonEvent[]): Promise<void> {
  const result = await appendEvents(session.db, events);
  if (!result.ok) throw new CommandError(result.problem.message, result.problem.code);
}
