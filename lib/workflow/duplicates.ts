// Is this handoff already under way? Starting a second one of the same kind for the same client
// splits the work and the receiver's attention, so Baton warns first (the start command and the panel).
import type { Handoff } from '../model/handoff';
import { isOpen } from './handoff-machine';

/** What a new handoff would be: which client, which template. */
export interface HandoffKind {
  clientId: string;
  templateId: string;
}

/**
 * The open handoff (a draft or in flight) of the same template for the same client, if any: the one
 * with the most recent activity when there are several (the one people are most likely working on).
 */
export function openDuplicate<H extends Pick<Handoff, 'clientId' | 'templateId' | 'state' | 'updatedAt'>>(handoffs: readonly H[], kind: HandoffKind): H | undefined {
  let found: H | undefined;
  for (const h of handoffs) {
    if (h.clientId !== kind.clientId || h.templateId !== kind.templateId || !isOpen(h.state)) continue;
    if (!found || h.updatedAt > found.updatedAt) found = h;
  }
  return found;
}
