import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../../server/retry-after';

// One reading of Retry-After for Asana and Slack: seconds or an HTTP date (RFC 9110), at least one second.
describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-01T09:00:00Z');
  it('reads seconds and an HTTP date, and falls back when missing or unreadable', () => {
    expect(retryAfterSeconds('30', 60, now)).toBe(30);
    expect(retryAfterSeconds('0', 60, now)).toBe(1);
    expect(retryAfterSeconds(new Date(now + 45_000).toUTCString(), 0, now)).toBe(45);
    expect(retryAfterSeconds(null, 60, now)).toBe(60);
    expect(retryAfterSeconds('soon', 0, now)).toBe(0);
  });
});
