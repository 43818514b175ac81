import { HOUR_MS } from './handoff-machine';

// A nudge reminds the receiver now. It is judged on the log's times (each bounded by the hub's clock,
// lib/events/clock.ts), so every computer and the hub agree on when the next one is allowed.

/** A sender nudges the receiver of one handoff at most this often. */
export const NUDGE_EVERY_HOURS = 4;

/** When the next nudge is allowed (ms since the epoch), or undefined when it is allowed at once. */
export function nextNudgeAt(lastNudgedAt: string | undefined): number | undefined {
  const last = lastNudgedAt === undefined ? Number.NaN : Date.parse(lastNudgedAt);
  return Number.isNaN(last) ? undefined : last + NUDGE_EVERY_HOURS * HOUR_MS;
}

/** "3 h 20 min", "45 min", "1 min": a wait, rounded up to the minute. */
export function formatWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Why a nudge at `atMs` is refused (the last one was too recent, and when the next is allowed), or null. */
export function nudgeRefusal(lastNudgedAt: string | undefined, atMs: number, receiverName: string): string | null {
  const next = nextNudgeAt(lastNudgedAt);
  if (next === undefined || atMs >= next) return null;
  return `${receiverName} was nudged less than ${NUDGE_EVERY_HOURS} hours ago: you can nudge again in ${formatWait(next - atMs)}.`;
}
