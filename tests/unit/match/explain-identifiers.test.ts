import { describe, expect, it } from 'vitest';
import { decidingIdentifiers, explainIdentifiers } from '../../../lib/match';
import type { PageContext } from '../../../lib/sites/types';

const PAGE: PageContext = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2',
  accountEmail: 'dana@brightlane.agency',
  identifiers: [
    { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
    { kind: 'email', value: 'dana@brightlane.agency' },
    { kind: 'email', value: 'ana@eu.fieldstone.digital' },
    { kind: 'email-domain', value: 'fieldstone.digital' },
    { kind: 'email-domain', value: 'hotmail.com' },
    { kind: 'email-domain', value: 'northwind.example' },
  ],
};

describe('explainIdentifiers', () => {
  it('says why each ignored identifier is ignored, with the rule the matcher decides by', () => {
    const explained = explainIdentifiers(PAGE, { ownDomains: ['@Fieldstone.digital'] });
    expect(explained.map((e) => e.ignored ?? 'decides')).toEqual([
      'decides',
      'you: the signed-in account',
      'a colleague: your agency’s domain',
      'your agency’s own domain',
      'a free mail provider: anyone can have an address there',
      'decides',
    ]);
    expect(explained.filter((e) => !e.ignored).map((e) => e.identifier)).toEqual(decidingIdentifiers(PAGE, { ownDomains: ['@Fieldstone.digital'] }));
  });

  it('ignores the agency’s subdomains whatever their case, for addresses and domains alike', () => {
    const page: PageContext = {
      ...PAGE,
      identifiers: [
        { kind: 'email', value: 'Sam@Mail.Fieldstone.Digital' },
        { kind: 'email-domain', value: 'EU.Fieldstone.digital' },
        { kind: 'email-domain', value: 'Hotmail.com' },
        { kind: 'email-domain', value: 'notfieldstone.digital' },
      ],
    };
    expect(explainIdentifiers(page, { ownDomains: ['fieldstone.digital'] }).map((e) => e.ignored ?? 'decides')).toEqual([
      'a colleague: your agency’s domain',
      'your agency’s own domain',
      'a free mail provider: anyone can have an address there',
      'decides',
    ]);
  });
});
