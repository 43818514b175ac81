import type { Handoff, HandoffState } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import type { Identifier } from '../../lib/sites/types';
import { IDENTIFIER_LABELS } from '../../lib/sites/labels';
import { isInFlight } from '../../lib/workflow/handoff-machine';

export const STATE_LABELS: Record<HandoffState, string> = {
  draft: 'Draft',
  sent: 'Sent',
  gaps_raised: 'Gaps raised',
  gaps_answered: 'Gaps answered',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  reassigned: 'Reassigned',
};

/** The confirm-by time has passed while the handoff still waits for its receiver. */
export function isOverdue(handoff: Pick<Handoff, 'state' | 'dueBy'>, now: Date): boolean {
  // A handoff is waiting on someone from the moment it is sent until it is confirmed or cancelled.
  return isInFlight(handoff.state) && handoff.dueBy !== undefined && Date.parse(handoff.dueBy) < now.getTime();
}

export function memberName(members: readonly Member[], id: string | undefined): string {
  if (!id) return 'nobody yet';
  return members.find((m) => m.id === id)?.name ?? 'someone';
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateFormat.format(t);
}

export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat.format(t);
}

const JUST_NOW = 'just now';

/** "5 min", "3 h", "2 d": how long ago, in the units a busy person reads at a glance. */
export function formatAge(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return JUST_NOW;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** "just now", "5 min ago", "3 h ago": when something happened, as a phrase that stands alone. */
export function formatAgo(iso: string, now: Date): string {
  const age = formatAge(iso, now);
  return age === JUST_NOW ? age : `${age} ago`;
}

/** "waiting 5 min", "draft since 2 d"; "sent just now" and "draft started just now" rather than "waiting just now". */
export function waitingPhrase(state: string, since: string, now: Date): string {
  const age = formatAge(since, now);
  if (state === 'draft') return age === JUST_NOW ? 'draft started just now' : `draft since ${age}`;
  return age === JUST_NOW ? 'sent just now' : `waiting ${age}`;
}

/** `YYYY-MM-DD` of a timestamp in local time, for a date input. */
export function toDateInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date input's day as a timestamp at the end of that working day (18:00 local). */
export function fromDateInput(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 18, 0, 0).toISOString();
}

/** Only http(s) addresses become links: a typed `javascript:` or half-typed value stays plain text. */
export function isWebLink(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    // Not a URL at all: not a link either.
    return false;
  }
}

/** Which kinds of identifier matched the page to its client, each named once. */
export function recognisedBy(decidedBy: readonly Pick<Identifier, 'kind'>[]): string {
  const labels = [...new Set(decidedBy.map((i) => IDENTIFIER_LABELS[i.kind]))];
  const listed = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? '');
  return `Recognised by ${listed}`;
}
