import { describe, expect, it } from 'vitest';
import { addTypedIdentifiers, readIdentifierInput, readIdentifierItem, rowProblem, rowsToText, withKind } from '../../../lib/model/identifier-input';
import { identifierLabel } from '../../../lib/sites/labels';
import { keys } from '../helpers/identifiers';

describe('readIdentifierItem names the kind of what a person pastes', () => {
  it.each([
    ['acme.com', ['email-domain:acme.com']],
    ['Acme.COM.', ['email-domain:acme.com']],
    ['www.acme.com', ['email-domain:acme.com']],
    ['@acme.com', ['email-domain:acme.com']],
    ['https://www.acme.com/about?ref=1', ['email-domain:acme.com']],
    ['acme.co.uk/contact', ['email-domain:acme.co.uk']],
    ['Sam.Reed@Acme.com', ['email:sam.reed@acme.com']],
    ['<sam@acme.com>,', ['email:sam@acme.com']],
    ['mailto:sam@acme.com', ['email:sam@acme.com']],
    ['123-456-7890', ['google-ads-customer:1234567890']],
    ['email-domain:acme.com', ['email-domain:acme.com']],
    ['google-ads-customer:482-019-3375', ['google-ads-customer:4820193375']],
    ['ocid=7879395008', ['google-ads-ocid:7879395008']],
    ['act_120210000000001', ['meta-ad-account:120210000000001']],
    ['195198d4e5f0a3b2', ['gmail-thread:195198d4e5f0a3b2']],
    ['thread-f:1828374650192837465', ['gmail-thread:thread-f:1828374650192837465']],
    ['https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2', ['gmail-thread:195198d4e5f0a3b2']],
    ['https://ads.google.com/aw/overview?ocid=7879395008&__u=1234&euid=99&authuser=0', ['google-ads-ocid:7879395008']],
    ['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=120210000000001&business_id=900', ['meta-ad-account:120210000000001']],
    ['https://www.linkedin.com/campaignmanager/accounts/508123456/campaigns', ['linkedin-ad-account:508123456']],
    ['https://ui.ads.microsoft.com/campaign/vnext/overview?aid=176000111&cid=251000222&uid=3', ['microsoft-ads-account:176000111']],
    ['https://ads.tiktok.com/i18n/dashboard?aadvid=7012345678901234567', ['tiktok-advertiser:7012345678901234567']],
    ['https://analytics.google.com/analytics/web/#/a54516992p319865432/admin', ['ga4-property:319865432']],
    // A task names its client (it was linked to it) and so does its project; the workspace is everyone's.
    ['https://app.asana.com/0/1201809392759895/1209912345678901', ['asana-project:1201809392759895', 'asana-task:1209912345678901']],
    ['https://app.asana.com/1/1100000000000001/project/1201809392759895/list', ['asana-project:1201809392759895']],
  ])('%s', (typed, expected) => {
    const read = readIdentifierItem(typed);
    expect(read.status).toBe('found');
    expect(read.status === 'found' ? keys(read.identifiers) : []).toEqual([...expected].sort());
  });

  it('leaves a bare number to the person: it could be any account', () => {
    expect(readIdentifierItem('3185529047')).toEqual({ status: 'choose', value: '3185529047' });
  });

  it.each([
    ['123-456-789', /10 digits \(123-456-7890\)/],
    ['gmail.com', /free mail provider/],
    ['https://ads.google.com/aw/overview', /Google Ads link names no account/],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzkxWvbDqlJhGrKxsnwTqdBm', /Gmail link does not carry the conversation’s id/],
    ['https://business.facebook.com/settings/people', /^This Meta Ads Manager link names no account, project or thread/],
    ['bob@localhost', /not an email address/],
    ['fax:123', /"fax" is not a kind of identifier/],
    ['asana-project:abc', /^Asana project: digits only, got "abc"\.$/],
    ['javascript://alert(1)', /not a web address/],
    ['000', /not an id/],
  ])('%s gets a one-line reason', (typed, reason) => {
    const read = readIdentifierItem(typed);
    expect(read).toEqual({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('calls plain words words', () => {
    expect(readIdentifierItem('google')).toEqual({ status: 'word', word: 'google' });
    expect(readIdentifierItem('Client:')).toEqual({ status: 'word', word: 'Client:' });
  });
});

describe('readIdentifierInput reads several items at once', () => {
  it('"acme.com google ads 123-456-7890" gives two identifiers and no error', () => {
    expect(readIdentifierInput('acme.com google ads 123-456-7890')).toEqual({
      identifiers: [{ kind: 'email-domain', value: 'acme.com' }, { kind: 'google-ads-customer', value: '1234567890' }],
      choose: [],
    });
  });

  it('reads lines, commas and repeats', () => {
    const read = readIdentifierInput('acme.com,\nsam@acme.com; acme.com\n');
    expect(keys(read.identifiers)).toEqual(['email-domain:acme.com', 'email:sam@acme.com']);
  });

  it('guesses a bare number from the words before it, else leaves it to the person', () => {
    expect(readIdentifierInput('google ads 3185529047 meta 1202100001 7 asana project 1201809392759895').choose).toEqual([
      { value: '3185529047', suggested: 'google-ads-customer' },
      { value: '1202100001', suggested: 'meta-ad-account' },
      { value: '7' },
      { value: '1201809392759895', suggested: 'asana-project' },
    ]);
  });

  it('gives ONE message for text that holds no identifier', () => {
    const read = readIdentifierInput('google ads for the client');
    expect(read.identifiers).toEqual([]);
    expect(read.error).toBe('"google ads for the client" is not an identifier: paste a link, a domain (acme.com), an email address or a Google Ads customer ID (123-456-7890).');
  });

  it('gives one message for several mistakes, keeping what it read', () => {
    const read = readIdentifierInput('acme.com 123-45 gmail.com');
    expect(keys(read.identifiers)).toEqual(['email-domain:acme.com']);
    expect(read.error).toMatch(/^A Google Ads customer ID has 10 digits .* \(and 1 more not read\)$/);
  });

  it('stays bounded on a megabyte of hostile text', () => {
    const read = readIdentifierInput(`<script>alert(1)</script>\u0000 \ud83d ${'x'.repeat(1_000_000)}`);
    expect(read.identifiers).toEqual([]);
    expect(read.error!.length).toBeLessThan(300);
  });
});

describe('identifierLabel', () => {
  it.each([
    [{ kind: 'google-ads-customer', value: '3185529047' }, 'Google Ads customer ID 318-552-9047'],
    [{ kind: 'email-domain', value: 'acme.com' }, 'Email domain acme.com'],
    [{ kind: 'asana-project', value: '1201809392759895' }, 'Asana project 1201809392759895'],
    [{ kind: 'google-ads-ocid', value: '7879395008' }, 'Google Ads account (ocid) 7879395008'],
    [{ kind: 'email', value: 'sam@acme.com' }, 'Email sam@acme.com'],
  ] as const)('%o reads "%s"', (identifier, label) => {
    expect(identifierLabel(identifier)).toBe(label);
  });
});

describe('identifier rows', () => {
  it('adds typed rows once, a bare number without a kind', () => {
    const first = addTypedIdentifiers([], 'acme.com 3185529047');
    expect(first).toEqual({ rows: [{ kind: 'email-domain', value: 'acme.com' }, { value: '3185529047' }] });
    expect(addTypedIdentifiers(first.rows, 'Acme.com').rows).toEqual(first.rows);
  });

  it('changes a row’s kind into its normal form, and merges a row it now repeats', () => {
    const rows = [{ kind: 'google-ads-customer' as const, value: '3185529047' }, { value: '318-552-9047' }];
    expect(withKind(rows, 1, 'google-ads-ocid')).toEqual([rows[0], { kind: 'google-ads-ocid', value: '3185529047' }]);
    expect(withKind(rows, 1, 'google-ads-customer')).toEqual([rows[0]]);
  });

  it('says why a row cannot be saved, and writes the rest as kind:value text', () => {
    expect(rowProblem({ value: '7' })).toBe('Choose what kind of identifier 7 is.');
    expect(rowProblem({ kind: 'email-domain', value: '7' })).toMatch(/not a domain/);
    expect(rowsToText([{ kind: 'email-domain', value: 'acme.com' }, { kind: 'asana-project', value: '12' }])).toBe('email-domain:acme.com asana-project:12');
  });
});
