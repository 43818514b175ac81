import { describe, expect, it } from 'vitest';
import { keyFactsOffer } from '../../../lib/background/key-facts-offer';
import { mailDomainOwner } from '../../../lib/match/agency-domains';
import type { Handoff } from '../../../lib/model/handoff';
import type { Template } from '../../../lib/model/template';

describe('whose mail domain an address or domain is', () => {
  it('is the agency’s for its own domains and their subdomains, whatever the case or a leading @', () => {
    const own = ['@Brightlane.agency'];
    expect(mailDomainOwner('sam@brightlane.agency', own)).toBe('agency');
    expect(mailDomainOwner('Sam@Mail.Brightlane.Agency', own)).toBe('agency');
    expect(mailDomainOwner('EU.brightlane.agency', own)).toBe('agency');
    expect(mailDomainOwner('notbrightlane.agency', own)).toBeUndefined();
    expect(mailDomainOwner('maya@northwind.example', own)).toBeUndefined();
  });

  it('is a free-mail provider’s for gmail.com and the like, and nobody’s with no own domains', () => {
    expect(mailDomainOwner('someone@GMail.com', [])).toBe('free-mail');
    expect(mailDomainOwner('hotmail.com', [])).toBe('free-mail');
    expect(mailDomainOwner('northwind.example', [])).toBeUndefined();
  });
});

describe('a confirmed handoff’s stakeholders offered to its client', () => {
  it('never offers someone at a subdomain of the agency, whatever the case', () => {
    const template = { fields: [{ id: 'people', type: 'people' }] } as unknown as Template;
    const handoff = {
      state: 'confirmed',
      fields: {
        people: [
          { name: 'Sam', role: 'our designer', email: 'sam@Mail.Brightlane.Agency' },
          { name: 'Maya Okafor', role: 'CMO', email: 'maya@northwind.example' },
        ],
      },
    } as unknown as Handoff;
    const offer = keyFactsOffer(handoff, template, { stakeholders: [], preferences: [] }, { memberEmails: new Set(), ownDomains: ['brightlane.agency'] });
    expect(offer.stakeholders.map((p) => p.name)).toEqual(['Maya Okafor']);
  });
});
