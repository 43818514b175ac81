import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../../lib/metrics/instant';

const instants = fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });

describe('timestamps without Date objects', () => {
  it('formats every instant of years 0–9999 as toISOString does', () => {
    fc.assert(fc.property(instants, (ms) => formatInstant(ms) === new Date(ms).toISOString()), { numRuns: 20_000 });
    for (const ms of [0, -1, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999, -62_167_219_200_000, 253_402_300_799_999]) expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('reads toISOString’s form, and every other form, as Date.parse does', () => {
    fc.assert(fc.property(instants, (ms) => parseInstant(new Date(ms).toISOString()) === ms), { numRuns: 20_000 });
    const odd = ['2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-03-01T24:00:00.000Z', '2026-03-01T10:00:00+01:00', '2026-03-01T10:00:00Z', '2026-03-01', '0050-01-01T00:00:00.000Z', 'not a date', '2026-13-01T00:00:00.000Z', '2026-03-01T10:60:00.000Z', '2026-03-01T1a:00:00.000Z'];
    for (const s of odd) {
      const expected = Date.parse(s);
      expect(parseInstant(s), s).toBe(Number.isFinite(expected) ? expected : undefined);
    }
  });
});
