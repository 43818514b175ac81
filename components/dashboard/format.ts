const number1 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export const formatNumber = (n: number) => number1.format(n);
export const formatPercent = (n: number | null) => (n === null ? '—' : percent.format(n));
export const formatRatio = (n: number | null) => (n === null ? '—' : number2.format(n));

/** "45 min", "6.5 h", "3.2 d": a wait in the unit a manager reads at a glance. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${number1.format(hours)} h`;
  return `${number1.format(hours / 24)} d`;
}

export function formatMoney(amount: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      // A currency code this runtime's Intl does not know: the number without its symbol.
      f = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    moneyFormats.set(currency, f);
  }
  return f.format(amount);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date ("2026-03-29") as people read it; dates are zone-free, so they are shown as UTC. */
export function formatDay(date: string, withYear = false): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : (withYear ? dayYearFormat : dayFormat).format(t);
}

export const formatMonth = (date: string) => monthFormat.format(Date.parse(`${date}T00:00:00Z`));

export type Better = 'up' | 'down';
export type Tone = 'good' | 'bad' | 'flat';

/**
 * How a figure moved against the previous period, in words and with the tone a manager reads it in:
 * rates in percentage points, counts and durations in per cent (or in units when the base is 0).
 */
export function describeChange(current: number | null, previous: number | null, kind: 'rate' | 'count' | 'hours' | 'money', better: Better, currency = 'USD'): { text: string; tone: Tone } {
  if (current === null || previous === null) return { text: 'no comparison', tone: 'flat' };
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return { text: 'no change', tone: 'flat' };
  const tone: Tone = (delta > 0) === (better === 'up') ? 'good' : 'bad';
  const sign = delta > 0 ? '+' : '−';
  if (kind === 'rate') return { text: `${sign}${number1.format(Math.abs(delta) * 100)} pts`, tone };
  if (previous === 0) {
    const units = kind === 'hours' ? formatHours(Math.abs(delta)) : kind === 'money' ? formatMoney(Math.abs(delta), currency) : number1.format(Math.abs(delta));
    return { text: `${sign}${units}`, tone };
  }
  return { text: `${sign}${percent.format(Math.abs(delta / previous))}`, tone };
}
