import { describe, expect, it } from 'vitest';
import { signInHint } from '../../../components/managed-note';

describe('the sign-in hint from the domains IT listed', () => {
  it('names the address to use, one domain or several', () => {
    expect(signInHint({ signInRequired: true, allowedDomains: ['agency.com'] })).toBe('Use your @agency.com address');
    expect(signInHint({ signInRequired: true, allowedDomains: ['agency.com', 'studio.agency.com', 'agency.co.uk'] })).toBe('Use your @agency.com, @studio.agency.com or @agency.co.uk address');
  });

  it('says nothing without domains or a policy', () => {
    expect(signInHint({ signInRequired: true, allowedDomains: [] })).toBeUndefined();
    expect(signInHint(undefined)).toBeUndefined();
  });
});
