import { describe, expect, it } from 'vitest';
import { buildClientIndex, clientsWith, linkableIdentifiers, matchClient } from '../../../lib/match';
import type { MatchableClient as Client } from '../../../lib/match';
import type { Identifier, PageContext } from '../../../lib/sites/types';
import { keys } from '../helpers/identifiers';

function client(name: string, ids: string): Client {
  return {
    id: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    identifiers: ids.split(' ').filter(Boolean).map((pair) => {
      const i = pair.indexOf(':');
      return { kind: pair.slice(0, i), value: pair.slice(i + 1) } as Identifier;
    }),
  };
}

function page(ids: string, extra: Partial<PageContext> = {}): PageContext {
  return { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', identifiers: [...client('x', ids).identifiers], ...extra };
}

const northwind = client('Northwind Outfitters', 'email-domain:northwindoutfitters.com google-ads-ocid:7879395008 asana-project:1201809392759895');
const harborview = client('Harborview Dental', 'email-domain:harborviewdental.com email:dr.lee@gmail.com meta-ad-account:120210000000001');
const acme = client('Acme Co', 'email:ops@northwindoutfitters.com');
const index = buildClientIndex([northwind, harborview, acme]);

describe('matchClient', () => {
  it('matches by email domain and says which identifier decided', () => {
    const result = matchClient(page('email:sam@northwindoutfitters.com email-domain:northwindoutfitters.com'), index);
    expect(result.status).toBe('matched');
    if (result.status !== 'matched') return;
    expect(result.client.name).toBe('Northwind Outfitters');
    expect(keys(result.decidedBy)).toEqual(['email-domain:northwindoutfitters.com']);
  });

  it('lets an exact identifier beat email addresses and domains of other clients', () => {
    const result = matchClient(
      page('meta-ad-account:120210000000001 email:ops@northwindoutfitters.com email-domain:northwindoutfitters.com'),
      index,
    );
    expect(result.status === 'matched' && result.client.name).toBe('Harborview Dental');
    expect(result.runnersUp.map((c) => c.client.name)).toEqual(['Acme Co', 'Northwind Outfitters']);
  });

  it('lets an email address beat a domain', () => {
    const result = matchClient(page('email:ops@northwindoutfitters.com email-domain:northwindoutfitters.com'), index);
    expect(result.status === 'matched' && result.client.name).toBe('Acme Co');
    expect(result.status === 'matched' && keys(result.decidedBy)).toEqual(['email:ops@northwindoutfitters.com']);
  });

  it('prefers a thread already linked to a client over the participants’ domains', () => {
    const linked = client('Linked Thread Client', 'gmail-thread:195198d4e5f0a3b2');
    const result = matchClient(
      page('gmail-thread:195198d4e5f0a3b2 email-domain:northwindoutfitters.com'),
      buildClientIndex([northwind, linked]),
    );
    expect(result.status === 'matched' && result.client.name).toBe('Linked Thread Client');
  });

  it('reports a tie as ambiguous instead of guessing', () => {
    const result = matchClient(page('email-domain:northwindoutfitters.com email-domain:harborviewdental.com'), index);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.tied.map((c) => c.name).sort()).toEqual(['Harborview Dental', 'Northwind Outfitters']);
    expect(keys(result.decidedBy)).toEqual(['email-domain:harborviewdental.com', 'email-domain:northwindoutfitters.com']);
  });

  it('reports two clients sharing one identifier as ambiguous', () => {
    const twin = client('Northwind (EU)', 'google-ads-ocid:7879395008');
    const result = matchClient(page('google-ads-ocid:7879395008'), buildClientIndex([northwind, twin]));
    expect(result.status).toBe('ambiguous');
  });

  it('breaks a tie by more hits in the same tier', () => {
    const result = matchClient(page('google-ads-ocid:7879395008 asana-project:1201809392759895 meta-ad-account:120210000000001'), index);
    expect(result.status === 'matched' && result.client.name).toBe('Northwind Outfitters');
  });

  it('never lets the signed-in account decide', () => {
    const self = client('Our Agency', 'email:jane.doe@brightlane.agency');
    const result = matchClient(page('email:jane.doe@brightlane.agency', { accountEmail: 'jane.doe@brightlane.agency' }), buildClientIndex([self]));
    expect(result.status).toBe('none');
  });

  it('never lets the agency’s own domains, or their subdomains, decide', () => {
    const wrong = client('Misconfigured', 'email-domain:brightlane.agency email:bob@uk.brightlane.agency');
    const ctx = page('email:bob@uk.brightlane.agency email-domain:uk.brightlane.agency email-domain:brightlane.agency');
    expect(matchClient(ctx, buildClientIndex([wrong]), { ownDomains: ['brightlane.agency'] }).status).toBe('none');
    expect(matchClient(ctx, buildClientIndex([wrong])).status).toBe('matched');
  });

  it('treats the signed-in user’s domain as the agency’s own', () => {
    const wrong = client('Misconfigured', 'email-domain:brightlane.agency email:tom@brightlane.agency');
    const ctx = page('email:tom@brightlane.agency email-domain:brightlane.agency', { accountEmail: 'jane.doe@brightlane.agency' });
    expect(matchClient(ctx, buildClientIndex([wrong])).status).toBe('none');
  });

  it('never lets a public mail domain decide, but lets a known address at one decide', () => {
    const gmailDomain = client('Everyone On Gmail', 'email-domain:gmail.com');
    const ctx = page('email:dr.lee@gmail.com email-domain:gmail.com');
    expect(matchClient(ctx, buildClientIndex([gmailDomain])).status).toBe('none');
    const result = matchClient(ctx, buildClientIndex([gmailDomain, harborview]));
    expect(result.status === 'matched' && result.client.name).toBe('Harborview Dental');
  });

  it('does not treat a public domain as the agency’s when the user signs in with one', () => {
    const result = matchClient(page('email:dr.lee@gmail.com', { accountEmail: 'freelancer@gmail.com' }), index);
    expect(result.status === 'matched' && result.client.name).toBe('Harborview Dental');
  });

  it('returns none for no context, no clients or no hits', () => {
    expect(matchClient(null, index).status).toBe('none');
    expect(matchClient(page('email-domain:northwindoutfitters.com'), buildClientIndex([])).status).toBe('none');
    expect(matchClient(page('email-domain:unknown.example'), index).status).toBe('none');
  });
});

describe('buildClientIndex', () => {
  it('maps each kind:value to its clients once', () => {
    const dup = client('Dup', 'email-domain:a.com email-domain:a.com');
    const built = buildClientIndex([dup, northwind]);
    expect(clientsWith(built, { kind: 'email-domain', value: 'a.com' })).toEqual([dup]);
    expect(clientsWith(built, { kind: 'google-ads-ocid', value: '7879395008' })).toEqual([northwind]);
    expect(clientsWith(built, { kind: 'email', value: 'a.com' })).toBeUndefined();
    expect(built.size).toBe(2);
  });
});

describe('tiers', () => {
  it('lets a linked task beat its project linked to another client', () => {
    const project = client('Project Client', 'asana-project:1201809392759895');
    const task = client('Task Client', 'asana-task:1210123456789099');
    const result = matchClient(page('asana-project:1201809392759895 asana-task:1210123456789099'), buildClientIndex([project, task]));
    expect(result.status === 'matched' && result.client.name).toBe('Task Client');
  });

  it('ranks a shared container (the agency’s Asana workspace, Meta business) below addresses and domains', () => {
    const agencyWide = client('Linked The Workspace', 'asana-workspace:1201234567890123 meta-business:555');
    const result = matchClient(page('asana-workspace:1201234567890123 email-domain:northwindoutfitters.com'), buildClientIndex([agencyWide, northwind]));
    expect(result.status === 'matched' && result.client.name).toBe('Northwind Outfitters');
    const alone = matchClient(page('meta-business:555'), buildClientIndex([agencyWide, northwind]));
    expect(alone.status === 'matched' && alone.client.name).toBe('Linked The Workspace');
  });
});

describe('linkableIdentifiers', () => {
  it('offers linked items, accounts and the client’s domains, never people or shared containers', () => {
    const ctx = page(
      'gmail-thread:195198d4e5f0a3b2 email:sam@northwindoutfitters.com email:tom@brightlane.agency email:freelancer@gmail.com email-domain:northwindoutfitters.com email-domain:brightlane.agency email-domain:gmail.com meta-business:555 meta-ad-account:120210000000001',
      { accountEmail: 'jane@brightlane.agency' },
    );
    expect(keys(linkableIdentifiers(ctx))).toEqual(['email-domain:northwindoutfitters.com', 'gmail-thread:195198d4e5f0a3b2', 'meta-ad-account:120210000000001']);
  });
});
