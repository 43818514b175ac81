import { describe, expect, it } from 'vitest';
import { describeChange, formatHours, formatMoney, formatPercent } from '../../../components/dashboard/format';
import { isPreset, presetDates } from '../../../components/dashboard/period';

describe('period presets', () => {
  // 23:30 UTC on 31 March is already 1 April in Berlin: "this month" depends on where the manager is.
  const now = Date.parse('2026-03-31T23:30:00Z');

  it('counts whole calendar days back from today in the zone, today included', () => {
    expect(presetDates('last-7', now, 'UTC')).toEqual({ from: '2026-03-25', to: '2026-03-31' });
    expect(presetDates('last-30', now, 'UTC')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(presetDates('last-90', now, 'UTC')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetDates('last-365', now, 'UTC')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(presetDates('last-7', now, 'Europe/Berlin')).toEqual({ from: '2026-03-26', to: '2026-04-01' });
  });

  it('knows months and quarters, across a year’s end', () => {
    expect(presetDates('this-month', now, 'UTC')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetDates('this-month', now, 'Europe/Berlin')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetDates('last-month', now, 'UTC')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetDates('last-month', Date.parse('2026-01-15T12:00:00Z'), 'UTC')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetDates('this-quarter', now, 'UTC')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetDates('this-quarter', now, 'Europe/Berlin')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetDates('this-quarter', Date.parse('2026-12-31T10:00:00Z'), 'UTC')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('accepts only the presets it offers', () => {
    expect(isPreset('last-30')).toBe(true);
    expect(isPreset('custom')).toBe(true);
    expect(isPreset('constructor')).toBe(false);
    expect(isPreset(null)).toBe(false);
  });
});

describe('figures as a manager reads them', () => {
  it('says waits in minutes, hours or days', () => {
    expect(formatHours(null)).toBe('—');
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(25.5)).toBe('25.5 h');
    expect(formatHours(72)).toBe('3 d');
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(null)).toBe('—');
    expect(formatMoney(13_500, 'USD')).toBe('$13,500');
    // An unknown currency code still shows the amount.
    expect(formatMoney(10, 'ZZZ')).toMatch(/10/);
  });

  it('says how a figure moved, in the tone of whether that is good', () => {
    expect(describeChange(0.8, 0.7, 'rate', 'up')).toEqual({ text: '+10 pts', tone: 'good' });
    expect(describeChange(0.6, 0.7, 'rate', 'up')).toEqual({ text: '−10 pts', tone: 'bad' });
    expect(describeChange(30, 20, 'hours', 'down')).toEqual({ text: '+50%', tone: 'bad' });
    expect(describeChange(3, 0, 'count', 'down')).toEqual({ text: '+3', tone: 'bad' });
    expect(describeChange(450, 0, 'money', 'down')).toEqual({ text: '+$450', tone: 'bad' });
    expect(describeChange(5, 5, 'count', 'up')).toEqual({ text: 'no change', tone: 'flat' });
    expect(describeChange(null, 5, 'count', 'up')).toEqual({ text: 'no comparison', tone: 'flat' });
  });
});
