import { appendEvent } from '../db/event-store';
import type { BatonEvent } from '../model/event';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** Appends one event for a command; a refusal by the reducer becomes the command's error. */
export async function append(session: Session, event: BatonEvent): Promise<void> {
  const result = await appendEvent(session.db, event);
  if (!result.ok) throw new CommandError(result.reason);
}
