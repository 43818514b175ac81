import type { IdentifierKind, Site } from './types';

export const SITE_LABELS: Record<Site, string> = {
  gmail: 'Gmail',
  asana: 'Asana',
  'google-ads': 'Google Ads',
  'meta-ads': 'Meta Ads Manager',
  'linkedin-ads': 'LinkedIn Campaign Manager',
  'microsoft-ads': 'Microsoft Advertising',
  'tiktok-ads': 'TikTok Ads Manager',
  ga4: 'Google Analytics 4',
};

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  email: 'Email',
  'email-domain': 'Email domain',
  'gmail-thread': 'Gmail thread',
  'asana-workspace': 'Asana workspace',
  'asana-project': 'Asana project',
  'asana-task': 'Asana task',
  'google-ads-ocid': 'Google Ads account (ocid)',
  'google-ads-customer': 'Google Ads customer ID',
  'meta-ad-account': 'Meta ad account',
  'meta-business': 'Meta business',
  'linkedin-ad-account': 'LinkedIn ad account',
  'microsoft-ads-account': 'Microsoft Ads account',
  'microsoft-ads-customer': 'Microsoft Ads customer',
  'tiktok-advertiser': 'TikTok advertiser',
  'ga4-account': 'GA4 account',
  'ga4-property': 'GA4 property',
};

/** How a person reads an identifier: Google Ads customer IDs with their dashes. */
export function formatIdentifierValue(kind: IdentifierKind, value: string): string {
  return kind === 'google-ads-customer' && value.length === 10 ? `${value.slice(0, 3)}-${value.slice(3, 6)}-${value.slice(6)}` : value;
}

/**
 * How an identifier reads wherever Baton shows one: "Google Ads customer ID 318-552-9047",
 * "Email domain acme.com", "Asana project 1201809392759895".
 */
export function identifierLabel(identifier: { kind: IdentifierKind; value: string }): string {
  return `${IDENTIFIER_LABELS[identifier.kind]} ${formatIdentifierValue(identifier.kind, identifier.value)}`;
}
