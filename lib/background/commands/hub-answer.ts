// What a command makes of the hub's reply: its data, or the hub's problem as the command's refusal.
import type { HubReply } from '../../sync/hub-client';
import { CommandError } from '../command-error';

/**
 * The reply's data, or a CommandError with the hub's words and code. `feature` names what a hub from
 * before it lacks ("Asana"): such a hub answers the route with a bare 404, which then reads as "this
 * team hub does not offer Asana yet" rather than "not a Baton hub".
 */
export function hubAnswer<T>(reply: HubReply<T>, feature?: string): T {
  if (!reply.ok && feature && reply.status === 404 && reply.problem.code === 'not-a-hub') {
    throw new CommandError(`This team hub does not offer ${feature} yet: ask whoever runs it to update it.`, 'unavailable');
  }
  if (!reply.ok) throw new CommandError(reply.problem.message, reply.problem.code);
  return reply.data;
}
