import { describe, expect, it } from 'vitest';
import { addDays, dateIn, daysBetween, isTimeZone, mondayOf, parseDate, startOfDay } from '../../../lib/metrics/time-zone';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('startOfDay', () => {
  it('is midnight UTC in UTC, and midnight where the zone’s clock reads it elsewhere', () => {
    expect(startOfDay('2026-03-02', 'UTC')).toBe(at('2026-03-02T00:00:00Z'));
    // Berlin is UTC+1 in winter: its midnight is 23:00 UTC the evening before.
    expect(startOfDay('2026-03-02', 'Europe/Berlin')).toBe(at('2026-03-01T23:00:00Z'));
    // Half-hour and far-off offsets: Kolkata +5:30, Kiritimati +14, Pago Pago −11.
    expect(startOfDay('2026-03-02', 'Asia/Kolkata')).toBe(at('2026-03-01T18:30:00Z'));
    expect(startOfDay('2026-03-02', 'Pacific/Kiritimati')).toBe(at('2026-03-01T10:00:00Z'));
    expect(startOfDay('2026-03-02', 'Pacific/Pago_Pago')).toBe(at('2026-03-02T11:00:00Z'));
  });

  it('follows London’s clock changes: a 23-hour day on 29 March 2026, a 25-hour day on 25 October', () => {
    // Clocks go forward at 01:00 GMT on 29 March: that day starts at midnight GMT, the next at midnight BST.
    expect(startOfDay('2026-03-29', 'Europe/London')).toBe(at('2026-03-29T00:00:00Z'));
    expect(startOfDay('2026-03-30', 'Europe/London')).toBe(at('2026-03-29T23:00:00Z'));
    expect(startOfDay('2026-03-30', 'Europe/London') - startOfDay('2026-03-29', 'Europe/London')).toBe(23 * HOUR);
    // Back at 02:00 BST on 25 October.
    expect(startOfDay('2026-10-25', 'Europe/London')).toBe(at('2026-10-24T23:00:00Z'));
    expect(startOfDay('2026-10-26', 'Europe/London')).toBe(at('2026-10-26T00:00:00Z'));
    expect(startOfDay('2026-10-26', 'Europe/London') - startOfDay('2026-10-25', 'Europe/London')).toBe(25 * HOUR);
  });

  it('follows New York’s: EST midnight on 8 March, EDT from 9 March to 1 November', () => {
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe(at('2026-03-09T04:00:00Z'));
    expect(startOfDay('2026-11-01', 'America/New_York')).toBe(at('2026-11-01T04:00:00Z'));
    expect(startOfDay('2026-11-02', 'America/New_York')).toBe(at('2026-11-02T05:00:00Z'));
  });

  it('starts a day whose midnight the clocks skip at the first instant after the gap', () => {
    // Santiago moves from 00:00 (−4) straight to 01:00 (−3) on 6 September 2026.
    expect(startOfDay('2026-09-06', 'America/Santiago')).toBe(at('2026-09-06T04:00:00Z'));
    expect(dateIn(at('2026-09-06T04:00:00Z') - 1, 'America/Santiago')).toBe('2026-09-05');
    // Beirut does the same on 29 March 2026 (+2 → +3 at midnight).
    expect(startOfDay('2026-03-29', 'Asia/Beirut')).toBe(at('2026-03-28T22:00:00Z'));
  });

  it('starts at midnight where the clocks go back in the first hours of the day, east of UTC', () => {
    // Sydney goes back from 03:00 AEDT (+11) to 02:00 AEST (+10) on 5 April 2026: the day starts at
    // midnight AEDT, 13:00 UTC the day before (not 01:00 AEDT), and lasts 25 hours.
    expect(startOfDay('2026-04-05', 'Australia/Sydney')).toBe(at('2026-04-04T13:00:00Z'));
    expect(startOfDay('2026-04-06', 'Australia/Sydney') - startOfDay('2026-04-05', 'Australia/Sydney')).toBe(25 * HOUR);
    // Auckland: 03:00 NZDT (+13) → 02:00 NZST (+12) the same day.
    expect(startOfDay('2026-04-05', 'Pacific/Auckland')).toBe(at('2026-04-04T11:00:00Z'));
    // Lord Howe's half-hour change: +11 → +10:30 at 02:00.
    expect(startOfDay('2026-04-05', 'Australia/Lord_Howe')).toBe(at('2026-04-04T13:00:00Z'));
    expect(startOfDay('2026-04-06', 'Australia/Lord_Howe')).toBe(at('2026-04-05T13:30:00Z'));
  });

  it('is the first instant of the date, every day of 2026, in zones with every kind of clock change', () => {
    const zones = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'America/Santiago', 'America/Havana', 'America/Asuncion', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Chatham', 'Asia/Beirut', 'Africa/Cairo', 'Africa/Casablanca', 'Asia/Kathmandu'];
    const wrong: string[] = [];
    for (const zone of zones) {
      for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
        const start = startOfDay(date, zone);
        if (dateIn(start, zone) !== date || dateIn(start - 1, zone) === date) wrong.push(`${zone} ${date} → ${new Date(start).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses what is not a date', () => {
    expect(() => startOfDay('2026-02-30', 'UTC')).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('adds calendar days across months, years, leap days and clock changes', () => {
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
    // A date has no clock: the day after 29 March is 30 March, however long the day was in London.
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2026-03-02', '2026-03-08')).toBe(6);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-08', '2026-03-02')).toBe(-6);
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
  });

  it('finds the Monday of an ISO week', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(mondayOf('2026-03-04')).toBe('2026-03-02'); // Wednesday
    expect(mondayOf('2026-03-08')).toBe('2026-03-02'); // Sunday ends the ISO week
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // Thursday, across the year
    expect(mondayOf('2026-03-29')).toBe('2026-03-23'); // London's 23-hour Sunday
  });

  it('reads the calendar date in a zone', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin.
    expect(dateIn(at('2026-03-01T23:30:00Z'), 'UTC')).toBe('2026-03-01');
    expect(dateIn(at('2026-03-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-02');
    expect(dateIn(at('2026-03-29T23:30:00Z'), 'Europe/London')).toBe('2026-03-30');
  });

  it('parses only real dates, and knows IANA zones', () => {
    expect(parseDate('2026-02-28')).toEqual([2026, 2, 28]);
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-2-3')).toBeNull();
    expect(parseDate('2026-03-02T00:00')).toBeNull();
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
