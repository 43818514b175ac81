// Periods are calendar days where the agency is: a "day" in London is 23 or 25 hours on the days the
// clocks change, so day edges are computed per time zone, never by adding 24 hours.

const formatters = new Map<string, Intl.DateTimeFormat>();

// Queries name zones in any letter case ("europe/london"): a bounded cache, so a caller sending
// variants cannot grow the hub's memory.
const MAX_FORMATTERS = 64;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's canonical name ("europe/london" → "Europe/London"), or null when the runtime does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether the runtime knows this IANA time zone ("Europe/London", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

function wallClock(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year ?? 1970, m: parts.month ?? 1, d: parts.day ?? 1, h: parts.hour ?? 0, min: parts.minute ?? 0, s: parts.second ?? 0 };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" as [year, month, day], or null when it is not a real date. */
export function parseDate(date: string): [number, number, number] | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? [y, mo, d] : null;
}

/** The instant the day starts in the zone (midnight, or the first instant after a skipped one). */
export function startOfDay(date: string, timeZone: string): number {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`Not a date: ${date}`);
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2]);
  // Two passes: the offset one guess away can differ from the offset at the answer across a change.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (second === first) return first;
  // The earlier guess that falls on the date: where the clocks went back during the first hours of
  // the day (Sydney, Auckland in April) that is the one with the offset before the change; where
  // they skipped midnight, the only one on the date is the first instant after the gap.
  const onDate = [first, second].filter((ms) => dateIn(ms, timeZone) === date);
  return onDate.length > 0 ? Math.min(...onDate) : Math.max(first, second);
}

/** The calendar date `days` after this one (negative: before). */
export function addDays(date: string, days: number): string {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days)).toISOString().slice(0, 10);
}

/** Whole days from one date to the other (to − from). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) throw new RangeError(`Not a date: ${a ? to : from}`);
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** The calendar date in the zone at this instant. */
export function dateIn(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${String(w.y).padStart(4, '0')}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** Monday of the week the date falls in (ISO weeks). */
export function mondayOf(date: string): string {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`Not a date: ${date}`);
  const weekday = (new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
