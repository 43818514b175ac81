import type { Request } from '../../lib/messaging/protocol';
import type { FailureCategory } from './timeline';

/** What the "Log failure" form holds, as typed. */
export interface FailureDraft {
  category: FailureCategory | '';
  /** As the number input gives it: '' when empty or not a number. */
  hours: string;
  description: string;
  /** The linked handoff ('' for none). */
  handoffId: string;
}

export const EMPTY_FAILURE_DRAFT: FailureDraft = { category: '', hours: '', description: '', handoffId: '' };

const MAX_HOURS = 10_000;

/** The request that logs the typed failure, or every problem with it, in the order of the fields. */
export function failureRequest(draft: FailureDraft, clientId: string): { problem: string } | Request<'failure/log'> {
  const problems: string[] = [];
  if (!draft.category) problems.push('Choose a category.');
  const hours = Number(draft.hours);
  if (draft.hours.trim() === '') problems.push('Say how many hours it took to repair (0 if none).');
  else if (!Number.isFinite(hours)) problems.push('Hours to repair must be a number.');
  else if (hours < 0) problems.push('Hours to repair cannot be negative.');
  else if (hours > MAX_HOURS) problems.push('Hours to repair must be at most 10,000.');
  const description = draft.description.trim();
  if (!description) problems.push('Say what happened.');
  if (problems.length > 0 || !draft.category) return { problem: problems.join(' ') };
  return { type: 'failure/log', clientId, category: draft.category, hours, description, ...(draft.handoffId ? { handoffId: draft.handoffId } : {}) };
}
