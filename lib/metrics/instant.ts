// Timestamps in and out of the metrics, without Date objects: a 100,000-event log has 100,000 of them,
// and Date.parse / toISOString are most of the fold's time in Chromium. Every timestamp Baton writes
// is toISOString's form ("2026-03-01T09:00:00.000Z"); anything else takes Date.parse's slow path.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Milliseconds since the epoch, exactly as Date.parse reads the string; undefined for what it cannot read. */
export function parseInstant(s: string): number | undefined {
  if (s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84 /* T */ && s[4] === '-' && s[7] === '-' && s[13] === ':' && s[16] === ':' && s[19] === '.') {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    const ms = digits(s, 20, 3);
    const dim = mo === 2 && leap(y) ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
    if (y >= 100 && mo >= 1 && d >= 1 && d <= dim && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0) {
      // (Years before 100 take the slow path: Date.UTC reads 0–99 as 1900–1999.)
      return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
    }
  }
  const parsed = Date.parse(s);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const pad = (n: number, width = 2) => (width === 2 ? TWO_DIGITS[n]! : String(n).padStart(width, '0'));

/** toISOString's form of an instant (years 0–9999); the days-from-civil algorithm, no Date object. */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999) return new Date(ms).toISOString();
  const day = Math.floor(ms / 86_400_000);
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  // Howard Hinnant's civil_from_days.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(milli, 3)}Z`;
}
