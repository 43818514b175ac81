import { describe, expect, it } from 'vitest';
import { signInSettingsFrom } from '../../../server/sign-in-settings';

const GOOGLE = { BATON_OIDC_ISSUER: 'https://accounts.google.com', BATON_OIDC_CLIENT_ID: 'id.apps.googleusercontent.com', BATON_OIDC_CLIENT_SECRET: 's3cret', BATON_OIDC_ALLOWED_DOMAINS: 'brightlane.agency, @Brightlane.co.uk' };

describe('the hub’s sign-in settings (BATON_OIDC_*)', () => {
  it('are off when none is set, and read in full otherwise, Google named and approval the default', () => {
    expect(signInSettingsFrom({})).toBeNull();
    expect(signInSettingsFrom(GOOGLE)).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: 'id.apps.googleusercontent.com',
      clientSecret: 's3cret',
      providerName: 'Google',
      allowedDomains: ['brightlane.agency', 'brightlane.co.uk'],
      newMembers: 'approve',
      workspaceAccountsOnly: true,
    });
    expect(signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ISSUER: 'https://login.example.com/realms/agency', BATON_OIDC_NEW_MEMBERS: 'join' })).toMatchObject({ providerName: 'login.example.com', newMembers: 'join', workspaceAccountsOnly: false });
  });

  it('stop the hub when half set, naming what is missing', () => {
    expect(() => signInSettingsFrom({ BATON_OIDC_ISSUER: GOOGLE.BATON_OIDC_ISSUER, BATON_OIDC_CLIENT_ID: 'x' })).toThrow(
      'Sign-in is half set: BATON_OIDC_ISSUER, BATON_OIDC_CLIENT_ID are set but BATON_OIDC_CLIENT_SECRET, BATON_OIDC_ALLOWED_DOMAINS are not.',
    );
    expect(() => signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ALLOWED_DOMAINS: ' , ' })).toThrow(/BATON_OIDC_ALLOWED_DOMAINS: name at least one email domain/);
    expect(() => signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ALLOWED_DOMAINS: 'gmail' })).toThrow('BATON_OIDC_ALLOWED_DOMAINS: "gmail" is not an email domain');
    expect(() => signInSettingsFrom({ ...GOOGLE, BATON_OIDC_NEW_MEMBERS: 'yes' })).toThrow(/BATON_OIDC_NEW_MEMBERS: "join".*not "yes"/);
  });

  it('take plain http only for a provider on this machine', () => {
    expect(signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer).toBe('http://127.0.0.1:9000');
    expect(() => signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ISSUER: 'http://accounts.example.com' })).toThrow(/BATON_OIDC_ISSUER: an https:\/\/ issuer URL/);
    expect(() => signInSettingsFrom({ ...GOOGLE, BATON_OIDC_ISSUER: 'accounts.google.com' })).toThrow(/BATON_OIDC_ISSUER/);
  });
});
