import { describe, expect, it } from 'vitest';
import { metricsQueryParams, parseMetricsQuery } from '../../../lib/metrics/query';
import { median, quantile } from '../../../lib/metrics/stats';

describe('parseMetricsQuery', () => {
  it('reads a period, a zone and the filters from URL parameters', () => {
    expect(parseMetricsQuery(new URLSearchParams('from=2026-03-02&to=2026-03-08&tz=Europe/London&client=northwind&template=brief-to-creative&person=tom'))).toEqual({
      ok: true,
      data: { from: '2026-03-02', to: '2026-03-08', timeZone: 'Europe/London', clientId: 'northwind', templateId: 'brief-to-creative', personId: 'tom' },
    });
    // No zone: UTC. Empty parameters count as absent. A one-day period is fine.
    expect(parseMetricsQuery(new URLSearchParams('from=2026-03-02&to=2026-03-02&client='))).toEqual({ ok: true, data: { from: '2026-03-02', to: '2026-03-02', timeZone: 'UTC' } });
    expect(parseMetricsQuery({ from: '2026-03-02', to: '2026-03-08', tz: 'America/New_York' })).toMatchObject({ ok: true, data: { timeZone: 'America/New_York' } });
    // A zone in any letter case is read as its canonical name.
    expect(parseMetricsQuery({ from: '2026-03-02', to: '2026-03-08', tz: 'europe/LONDON' })).toMatchObject({ ok: true, data: { timeZone: 'Europe/London' } });
  });

  it('round-trips with metricsQueryParams', () => {
    const query = { from: '2026-03-28', to: '2026-03-30', timeZone: 'Europe/London', clientId: 'c-1', templateId: 'sales-to-am', personId: 'p.1' };
    expect(parseMetricsQuery(metricsQueryParams(query))).toEqual({ ok: true, data: query });
    expect(metricsQueryParams({ from: '2026-03-02', to: '2026-03-08' }).toString()).toBe('from=2026-03-02&to=2026-03-08');
  });

  it('says what is wrong: a bad date, a period that ends before it starts, an unknown zone', () => {
    const wrong = (qs: string) => {
      const parsed = parseMetricsQuery(new URLSearchParams(qs));
      if (parsed.ok) throw new Error(`accepted ${qs}`);
      return parsed.problem.message;
    };
    expect(wrong('from=2026-02-30&to=2026-03-08')).toBe('from: a date as YYYY-MM-DD');
    expect(wrong('from=2026-03-02&to=8 March')).toBe('to: a date as YYYY-MM-DD');
    expect(wrong('from=2026-03-02T00:00:00Z&to=2026-03-08')).toBe('from: a date as YYYY-MM-DD');
    expect(wrong('to=2026-03-08')).toMatch(/^from: /);
    expect(wrong('from=2026-03-08&to=2026-03-02')).toBe('query: the period ends before it starts');
    expect(wrong('from=2026-03-02&to=2026-03-08&tz=Mars/Olympus_Mons')).toBe('tz: an IANA time zone such as Europe/London');
    expect(wrong('from=2026-03-02&to=2026-03-08&tz=+01:00x')).toBe('tz: an IANA time zone such as Europe/London');
    expect(wrong('from=2016-01-01&to=2026-03-08')).toBe('query: a period of at most ten years');
    expect(wrong('from=2026-03-02&to=2026-03-08&client=a b')).toMatch(/^client: /);
    expect(wrong('from=2026-03-02&to=2026-03-08&person=' + 'x'.repeat(101))).toMatch(/^person: /);
  });

  it('tells a malformed parameter (and which) from a period the rules refuse', () => {
    expect(parseMetricsQuery(new URLSearchParams('from=2026-03-02&to=8 March'))).toEqual({
      ok: false,
      problem: { code: 'bad-request', message: 'to: a date as YYYY-MM-DD', field: 'to' },
    });
    expect(parseMetricsQuery(new URLSearchParams('from=2026-03-08&to=2026-03-02'))).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'query: the period ends before it starts' },
    });
  });
});

describe('quantiles', () => {
  it('interpolates linearly between the closest ranks', () => {
    // Ranks 0..4 of 10 20 30 40 50: p90 at rank 3.6 → 40 + 0.6 × 10.
    expect(quantile([50, 10, 40, 20, 30], 0.9)).toBe(46);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });
});
