import { describe, expect, it } from 'vitest';
import { plural } from '../../../lib/text/plural';

describe('a count with its noun', () => {
  it('is singular for one only, with the plural given when it is not just an s', () => {
    expect(plural(1, 'client')).toBe('1 client');
    expect(plural(0, 'client')).toBe('0 clients');
    expect(plural(2, 'sensitivity', 'sensitivities')).toBe('2 sensitivities');
    expect(plural(1, 'sensitivity', 'sensitivities')).toBe('1 sensitivity');
  });
});
