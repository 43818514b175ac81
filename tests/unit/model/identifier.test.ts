import { describe, expect, it } from 'vitest';
import { normaliseIdentifier, parseIdentifierList } from '../../../lib/model/identifier';
import { keys } from '../helpers/identifiers';

describe('normaliseIdentifier', () => {
  it.each([
    ['google-ads-customer', '482-019-3375', '4820193375'],
    ['google-ads-customer', ' 482 019 3375 ', '4820193375'],
    ['meta-ad-account', 'act_120210000000001', '120210000000001'],
    ['email', 'Sam.Reed@NorthwindOutfitters.com', 'sam.reed@northwindoutfitters.com'],
    ['email-domain', '@NorthwindOutfitters.com', 'northwindoutfitters.com'],
    ['gmail-thread', '195198D4E5F0A3B2', '195198d4e5f0a3b2'],
    ['gmail-thread', 'thread-f:1828374650192837465', 'thread-f:1828374650192837465'],
  ])('%s %s → %s', (kind, raw, value) => {
    expect(normaliseIdentifier(kind, raw)).toEqual({ ok: true, data: { kind, value } });
  });

  it.each([
    ['google-ads-customer', '482-019-337', /10 digits/],
    ['google-ads-ocid', 'abc', /digits/],
    ['email', 'not-an-email', /not an email/],
    ['email-domain', 'localhost', /not a domain/],
    ['fax-number', '123', /Unknown identifier kind/],
  ])('rejects %s %s with a clear error', (kind, raw, message) => {
    expect(normaliseIdentifier(kind, raw)).toEqual({
      ok: false,
      problem: { code: 'bad-request', message: expect.stringMatching(message) },
    });
  });
});

describe('parseIdentifierList', () => {
  it('parses space- or comma-separated kind:value pairs and drops duplicates', () => {
    const { identifiers, errors } = parseIdentifierList('email-domain:acme.com, google-ads-customer:123-456-7890\nemail-domain:ACME.com gmail-thread:thread-f:1828');
    expect(errors).toEqual([]);
    expect(keys(identifiers)).toEqual(['email-domain:acme.com', 'gmail-thread:thread-f:1828', 'google-ads-customer:1234567890']);
  });

  it('reports every malformed token', () => {
    const { errors } = parseIdentifierList('acme.com email:nope asana-project:12');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/kind:value/);
  });
});
