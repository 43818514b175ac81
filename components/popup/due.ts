import type { Handoff } from '../../lib/model/handoff';

const HOUR = 3_600_000;

/** "3 h", "2 d": a span in the units a busy person reads at a glance. */
export function formatSpan(ms: number): string {
  const hours = Math.round(Math.abs(ms) / HOUR);
  if (hours < 1) return `${Math.max(1, Math.round(Math.abs(ms) / 60_000))} min`;
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

/** When the receiver must confirm, said plainly; overdue once the confirm-by time has passed. */
export function describeDue(handoff: Pick<Handoff, 'dueBy'>, now: Date): { text: string; overdue: boolean } | null {
  if (!handoff.dueBy) return null;
  const left = Date.parse(handoff.dueBy) - now.getTime();
  if (Number.isNaN(left)) return null;
  return left < 0 ? { text: `Overdue by ${formatSpan(left)}`, overdue: true } : { text: `Due in ${formatSpan(left)}`, overdue: false };
}
