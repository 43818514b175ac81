import { makeEvent } from '../events/make-event';
import type { CostSettings } from '../messaging/protocol';
import { append } from './append';
import { CommandError } from './command-error';
import type { Session } from './workspace';

/** The loaded cost of an hour and its currency: a workspace field, the whole team prices failures at it. */
export function costSettings(session: Session): CostSettings {
  const { hourlyRate, currency } = session.workspace;
  return { hourlyRate, currency };
}

/**
 * Admins only (said here in words; the reducer refuses a workspace change by anyone else too). The
 * event carries these two fields only: the agency's name, domains and reminders stay as they are.
 */
export async function saveCostSettings(session: Session, settings: CostSettings): Promise<CostSettings> {
  if (session.me.role !== 'admin') throw new CommandError('Only an admin can change the cost of an hour.', 'forbidden');
  const { hourlyRate, currency } = settings;
  await append(session, makeEvent('workspace.updated', session.me.id, session.workspace.id, { hourlyRate, currency }));
  return { hourlyRate, currency };
}
