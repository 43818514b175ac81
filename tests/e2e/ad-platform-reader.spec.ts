// The ad-platform reader is registered at run time (lib/background/ad-content-scripts.ts). In the test
// build every ad host is required, so start-up registers it for all of them: it must still read every
// platform's pages as a manifest entry would.
import type { Page } from '@playwright/test';
import { AD_PLATFORM_HOSTS, AD_PLATFORMS, type AdPlatform } from '../../lib/sites/hosts';
import type { Identifier } from '../../lib/sites/types';
import { cases as ga4 } from '../fixtures/urls/ga4';
import { cases as googleAds } from '../fixtures/urls/google-ads';
import { cases as linkedinAds } from '../fixtures/urls/linkedin-ads';
import { cases as metaAds } from '../fixtures/urls/meta-ads';
import { cases as microsoftAds } from '../fixtures/urls/microsoft-ads';
import { cases as tiktokAds } from '../fixtures/urls/tiktok-ads';
import type { UrlCase } from '../fixtures/urls/types';
import { expect, test } from './support/test.ts';

const URL_TABLES: Record<AdPlatform, UrlCase[]> = {
  'google-ads': googleAds,
  'meta-ads': metaAds,
  'linkedin-ads': linkedinAds,
  'microsoft-ads': microsoftAds,
  'tiktok-ads': tiktokAds,
  ga4,
};

/** The first real-looking URL of the platform, on one of its granted hosts, with what it identifies. */
function pageOf(platform: AdPlatform): { url: string; identifiers: Identifier[] } {
  const onHost = (url: string) => AD_PLATFORM_HOSTS[platform].some((pattern) => url.startsWith(pattern.slice(0, -1)));
  const found = URL_TABLES[platform].find((c) => c.site === platform && c.identifiers?.length && onHost(c.url));
  if (!found?.identifiers) throw new Error(`no URL with identifiers on ${platform}'s hosts`);
  return { url: found.url, identifiers: found.identifiers };
}

interface Registered {
  id: string;
  matches?: string[];
}
interface PageState {
  context?: { site?: string; identifiers?: Identifier[] };
}
type Chrome = {
  scripting: { getRegisteredContentScripts(): Promise<Registered[]> };
  storage: { session: { get(key: null): Promise<Record<string, PageState>> } };
};

/** What the background heard from content scripts: the reported context of every tab. */
const reportedContexts = (extensionPage: Page) =>
  extensionPage.evaluate(async () => {
    const all = await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(null);
    return Object.entries(all).filter(([key]) => key.startsWith('tab:')).map(([, state]) => state.context);
  });

test('the registered reader reports every ad platform’s page to the background', async ({ baton }) => {
  const popup = await baton.openExtensionPage('popup.html');
  const registered = await popup.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());
  expect(registered.map((s) => [s.id, [...(s.matches ?? [])].sort()]).sort()).toEqual(
    AD_PLATFORMS.map((p) => [`baton-ads-${p}`, [...AD_PLATFORM_HOSTS[p]].sort()]).sort(),
  );

  const tab = await baton.context.newPage();
  for (const platform of AD_PLATFORMS) {
    const { url, identifiers } = pageOf(platform);
    // No saved page is served (404): these platforms name the account in the URL, which is what is read.
    await tab.goto(url);
    await expect
      .poll(async () => (await reportedContexts(popup)).find((context) => context?.site === platform)?.identifiers, { message: `${platform}: ${url}` })
      .toEqual(expect.arrayContaining(identifiers));
  }
});
