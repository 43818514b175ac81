import { addDays, dateIn } from '../../lib/metrics';

export const PERIOD_PRESETS = {
  'last-7': 'Last 7 days',
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-365': 'Last 12 months',
  custom: 'Custom dates',
} as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export const isPreset = (value: string | null): value is PeriodPreset => value !== null && Object.hasOwn(PERIOD_PRESETS, value);

/** The first and last day (both included) of a preset period, as of `now` in the zone. */
export function presetDates(preset: Exclude<PeriodPreset, 'custom'>, now: number, timeZone: string): { from: string; to: string } {
  const today = dateIn(now, timeZone);
  const month = today.slice(0, 8);
  switch (preset) {
    case 'last-7':
      return { from: addDays(today, -6), to: today };
    case 'last-30':
      return { from: addDays(today, -29), to: today };
    case 'last-90':
      return { from: addDays(today, -89), to: today };
    case 'last-365':
      return { from: addDays(today, -364), to: today };
    case 'this-month':
      return { from: `${month}01`, to: today };
    case 'last-month': {
      const lastDay = addDays(`${month}01`, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case 'this-quarter': {
      const m = Number(today.slice(5, 7));
      const first = String(m - ((m - 1) % 3)).padStart(2, '0');
      return { from: `${today.slice(0, 5)}${first}-01`, to: today };
    }
  }
}

/** The zone the browser is in: periods are the manager's calendar days. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
