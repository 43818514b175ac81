// Host patterns per site, shared by the manifest (wxt.config.ts), the content scripts' `matches` and
// the ad-platform script's run-time registration (lib/background/ad-content-scripts.ts).
// The ad platforms are optional: the user turns each on from the options page.

export const REQUIRED_HOSTS = ['https://mail.google.com/*', 'https://app.asana.com/*'] as const;

export const AD_PLATFORM_HOSTS = {
  'google-ads': ['https://ads.google.com/*'],
  'meta-ads': ['https://adsmanager.facebook.com/*', 'https://business.facebook.com/*'],
  'linkedin-ads': ['https://www.linkedin.com/campaignmanager/*'],
  'microsoft-ads': ['https://ui.ads.microsoft.com/*'],
  'tiktok-ads': ['https://ads.tiktok.com/*'],
  ga4: ['https://analytics.google.com/*'],
} as const;

export type AdPlatform = keyof typeof AD_PLATFORM_HOSTS;
export const AD_PLATFORMS = Object.keys(AD_PLATFORM_HOSTS) as AdPlatform[];

export const OPTIONAL_HOSTS: string[] = Object.values(AD_PLATFORM_HOSTS).flat();

/** Host names whose content scripts may talk to the background (ARCHITECTURE.md §5). */
export const SERVED_HOSTNAMES: ReadonlySet<string> = new Set(
  [...REQUIRED_HOSTS, ...OPTIONAL_HOSTS].map((pattern) => new URL(pattern.replace('*', '')).hostname),
);
