import { makeEvent } from '../events/make-event';
import { DEFAULT_REMINDERS } from '../model/member';
import type { ReminderSettings } from '../messaging/protocol';
import { append } from './append';
import type { Session } from './workspace';

/** The workspace's reminder settings: shared by the whole team through the log (a workspace field). */
export function reminderSettings(session: Session): ReminderSettings {
  return session.workspace.reminders ?? { ...DEFAULT_REMINDERS };
}

/** Admins only (the reducer refuses a workspace change by anyone else). */
export async function saveReminderSettings(session: Session, settings: ReminderSettings): Promise<ReminderSettings> {
  await append(session, makeEvent('workspace.updated', session.me.id, session.workspace.id, { reminders: settings }));
  return settings;
}
