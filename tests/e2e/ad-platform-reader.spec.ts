// The ad-platform reader is registered at run time (lib/background/ad-content-scripts.ts). In the test
// build every ad host is required, so start-up registers it for all of them: it must still read every
// platform's pages as a manifest entry would.
import type { Page } from '@playwright/test';
import { adContentScriptId } from '../../lib/background/ad-content-scripts';
import { AD_PLATFORM_HOSTS, AD_PLATFORMS, type AdPlatform } from '../../lib/sites/hosts';
import type { Identifier } from '../../lib/sites/types';
import type { UrlCase } from '../fixtures/urls/types';
import { expect, test } from './support/test.ts';

/**
 * The first real-looking URL of the platform, on one of its granted hosts, with what it identifies:
 * from its URL table (tests/fixtures/urls/<platform>.ts).
 */
async function pageOf(platform: AdPlatform): Promise<{ url: string; identifiers: Identifier[] }> {
  const { cases } = (await import(`../fixtures/urls/${platform}.ts`)) as { cases: UrlCase[] };
  const onHost = (url: string) => AD_PLATFORM_HOSTS[platform].some((pattern) => url.startsWith(pattern.slice(0, -1)));
  const found = cases.find((c) => c.site === platform && c.identifiers?.length && onHost(c.url));
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
    AD_PLATFORMS.map((p) => [adContentScriptId(p), [...AD_PLATFORM_HOSTS[p]].sort()]).sort(),
  );

  const tab = await baton.context.newPage();
  for (const platform of AD_PLATFORMS) {
    const { url, identifiers } = await pageOf(platform);
    // No saved page is served (404): these platforms name the account in the URL, which is what is read.
    await tab.goto(url);
    await expect
      .poll(async () => (await reportedContexts(popup)).find((context) => context?.site === platform)?.identifiers, { message: `${platform}: ${url}` })
      .toEqual(expect.arrayContaining(identifiers));
  }
});
