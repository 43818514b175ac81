import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { E2E_EXTENSION_ID, E2E_EXTENSION_KEY } from '../../lib/e2e-extension-key';

describe('the test build\'s fixed extension id', () => {
  it('is the id Chrome derives from the manifest key: SHA-256 of the key, first 32 hex digits written a–p', () => {
    const hex = createHash('sha256').update(Buffer.from(E2E_EXTENSION_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('')).toBe(E2E_EXTENSION_ID);
  });

  it('is a public key only (no private key is ever committed)', () => {
    expect(createHash('sha256').update(E2E_EXTENSION_KEY).digest('hex')).toHaveLength(64);
    expect(E2E_EXTENSION_KEY).not.toMatch(/PRIVATE/);
    // An RSA SubjectPublicKeyInfo starts with the rsaEncryption algorithm identifier.
    expect(Buffer.from(E2E_EXTENSION_KEY, 'base64').subarray(0, 32).toString('hex')).toContain('2a864886f70d010101');
  });
});
