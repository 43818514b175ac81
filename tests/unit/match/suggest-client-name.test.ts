import { describe, expect, it } from 'vitest';
import { organisationLabel, suggestClientName } from '../../../lib/match/suggest-client-name';
import type { PageContext } from '../../../lib/sites/types';

const thread = (subject: string, participants: { email: string; name?: string }[]): PageContext => ({
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2',
  accountEmail: 'jane@brightlane.agency',
  identifiers: [],
  thread: { id: 't', subject, participants: participants.map((p) => ({ ...p, role: 'from' as const })), messageIds: [] },
});

describe('the client name a page suggests', () => {
  it('takes the organisation from the external participants’ domain, written as the subject writes it', () => {
    const context = thread('Re: Northwind Outfitters — Q3 launch', [{ email: 'maya@northwindoutfitters.com', name: 'Maya Okafor' }]);
    expect(suggestClientName(context, [{ kind: 'email-domain', value: 'northwindoutfitters.com' }])).toBe('Northwind Outfitters');
  });

  it('capitalises the domain’s label when nothing on the page spells it: "Acme" from acme.com, co.uk and hyphens understood', () => {
    const context = thread('Budget for next quarter', [{ email: 'bob@acme.com', name: 'Bob' }]);
    expect(suggestClientName(context, [{ kind: 'email-domain', value: 'acme.com' }])).toBe('Acme');
    expect(suggestClientName(context, [{ kind: 'email-domain', value: 'harbor-pine.co.uk' }])).toBe('Harbor Pine');
    expect(suggestClientName(context, [{ kind: 'email-domain', value: 'juniper-vale.coffee' }])).toBe('Juniper Vale');
    expect(organisationLabel('mail.acme.com.au')).toBe('acme');
    expect(organisationLabel('localhost')).toBeUndefined();
  });

  it('uses the display name of a client who writes from a free-mail address (no domain to link)', () => {
    const context = thread('Quick question', [
      { email: 'jane@brightlane.agency', name: 'Jane Doe' },
      { email: 'sam.lindqvist@gmail.com', name: 'Sam Lindqvist' },
    ]);
    expect(suggestClientName(context, [{ kind: 'gmail-thread', value: '195198d4e5f0a3b2' }])).toBe('Sam Lindqvist');
  });

  it('takes the account name an ad platform shows, and the client part of Asana’s project from its tab title', () => {
    const ads: PageContext = { site: 'google-ads', url: 'https://ads.google.com/', identifiers: [{ kind: 'google-ads-ocid', value: '1' }], account: { id: '1', name: 'Harbor & Pine' } };
    expect(suggestClientName(ads, ads.identifiers)).toBe('Harbor & Pine');
    const asana: PageContext = { site: 'asana', url: 'https://app.asana.com/0/1/2', title: 'Creative QA - Northwind Outfitters – Q3 Paid Social - Asana', identifiers: [] };
    expect(suggestClientName(asana, [])).toBe('Northwind Outfitters');
    expect(suggestClientName({ ...asana, title: 'Asana' }, [])).toBeUndefined();
  });

  it('suggests nothing for a page that names nobody', () => {
    expect(suggestClientName(thread('Lunch?', [{ email: 'jane@brightlane.agency', name: 'Jane Doe' }]), [])).toBeUndefined();
  });
});
