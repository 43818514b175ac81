// The `test` of the Firefox suite: one Firefox (with Baton installed, a fixture server and a proxy) per
// spec file, shared by its tests in order; on a failure, the browser console, refused requests and a
// picture of every tab go with the report.
import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { openFixture, type ExpectedFixture } from '../../e2e/support/expected.ts';
import { launchBatonFirefox, type BatonFirefox } from './firefox.ts';

export { expect };

export const test = base.extend<{ diagnostics: void }, { firefox: BatonFirefox }>({
  // Playwright reads a fixture's dependencies from this destructuring, so it must be there.
  // eslint-disable-next-line no-empty-pattern
  firefox: [async ({}, use) => {
    const firefox = await launchBatonFirefox();
    try {
      await use(firefox);
    } finally {
      await firefox.close();
    }
  }, { scope: 'worker', timeout: 60_000 }],

  diagnostics: [async ({ firefox }, use, testInfo) => {
    await use();
    if (testInfo.status === testInfo.expectedStatus) return;
    const noise = /GLib|g_type_add_interface|Security state 0|^\s*$/;
    await testInfo.attach('firefox console', { body: firefox.console.lines().filter((line) => !noise.test(line)).join('\n'), contentType: 'text/plain' });
    await testInfo.attach('refused by the proxy', { body: firefox.proxy.refused.join('\n'), contentType: 'text/plain' });
    await testInfo.attach('fixture-server requests', { body: firefox.server.requests.join('\n'), contentType: 'text/plain' });
    for (const [i, page] of (await firefox.browser.pages()).entries()) {
      const shot = await page.screenshot({ fullPage: true }).catch(() => null);
      if (shot) await testInfo.attach(`tab ${i}: ${page.url()}`, { body: Buffer.from(shot), contentType: 'image/png' });
    }
  }, { auto: true }],
});

/**
 * A puppeteer selector for the element with this ARIA role and accessible name; inside the open shadow
 * roots of the elements `host` selects when given (Firefox's accessibility query does not look into them).
 */
export function byRole(role: string, name: string, host?: string): string {
  const aria = `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
  return host ? `${host} >>> ${aria}` : aria;
}

/**
 * Waits for the element with this role and name and returns it. Polled from here: puppeteer's own
 * waitForSelector polls ARIA queries on animation frames, which a tab in the background never has.
 * Firefox applies CSS `text-transform` to accessible names, so an upper-cased label (the popup's
 * group titles) is named in capitals.
 */
export async function waitForRole(page: Page, role: string, name: string, host?: string, timeout = 10_000): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const spelling of new Set([name, name.toUpperCase()])) {
      const element = await page.$(byRole(role, spelling, host)).catch(() => null);
      if (element) return element;
    }
    if (Date.now() > deadline) throw new Error(`No ${role} "${name}" in ${page.url()} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a saved page at its real URL (from its .expected.json) in `page`, or in a new tab. */
export async function openSite(firefox: BatonFirefox, fixture: string, page?: Page): Promise<{ page: Page; site: ExpectedFixture }> {
  return openFixture(firefox.server, fixture, page ?? (await firefox.browser.newPage()));
}

/** Sends one request to Baton's background from one of its pages, as its own pages do; the reply. */
export function requestFrom(page: Page, message: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), message);
}
