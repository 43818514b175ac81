// The `test` every e2e spec uses: a fresh Baton (browser, profile, fixture server) per test.
import { test as base, expect, type Page } from '@playwright/test';
import { launchBaton, type Baton } from './baton.ts';
import { openFixture, type ExpectedFixture } from './expected.ts';

export { identifierOf, readExpected } from './expected.ts';

export { expect };

export const test = base.extend<{ baton: Baton }>({
  // Playwright reads the fixture's dependencies from this destructuring, so it must be there.
  // eslint-disable-next-line no-empty-pattern
  baton: async ({}, use, testInfo) => {
    const baton = await launchBaton();
    await baton.context.tracing.start({ snapshots: true, sources: false }).catch(() => {});
    try {
      await use(baton);
    } finally {
      if (testInfo.status === testInfo.expectedStatus) {
        await baton.context.tracing.stop().catch(() => {});
      } else {
        const trace = testInfo.outputPath('trace.zip');
        await baton.context.tracing.stop({ path: trace }).catch(() => {});
        await testInfo.attach('trace', { path: trace, contentType: 'application/zip' }).catch(() => {});
        // Keep a picture of every open tab for the report.
        for (const [i, page] of baton.context.pages().entries()) {
          const path = testInfo.outputPath(`tab-${i}.png`);
          await page.screenshot({ path, fullPage: true }).catch(() => {});
          await testInfo.attach(`tab ${i}: ${page.url()}`, { path, contentType: 'image/png' }).catch(() => {});
        }
        await testInfo
          .attach('fixture-server requests', { body: baton.server.requests.join('\n'), contentType: 'text/plain' })
          .catch(() => {});
      }
      await baton.close();
    }
  },
});

/**
 * Adds a client through the options page UI, as a person would.
 * `identifiers` are `kind:value` pairs, e.g. `email-domain:northwindoutfitters.com`.
 */
export async function addClient(page: Page, name: string, identifiers: string | string[]): Promise<void> {
  const value = Array.isArray(identifiers) ? identifiers.join(' ') : identifiers;
  await page.getByRole('textbox', { name: 'Client name' }).fill(name);
  await page.getByRole('textbox', { name: 'Identifiers' }).fill(value);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(
    page.getByRole('list', { name: 'Clients' }).getByRole('listitem').filter({ hasText: name }),
  ).toBeVisible();
}

/** Opens the options page and adds each client; closes the tab afterwards. */
export async function addClients(baton: Baton, clients: [name: string, identifiers: string | string[]][]): Promise<void> {
  const options = await baton.openExtensionPage('options.html');
  for (const [name, identifiers] of clients) await addClient(options, name, identifiers);
  await options.close();
}

/**
 * Opens a fixture page at its real URL (from its .expected.json) in a tab: the fixture server
 * serves `<fixture>.html` for that host. Pass `page` to navigate an existing tab instead.
 */
export async function openSite(baton: Baton, fixture: string, page?: Page): Promise<{ page: Page; site: ExpectedFixture }> {
  return openFixture(baton.server, fixture, page ?? (await baton.context.newPage()));
}

/** The side panel's UI, opened as an ordinary tab of the same window. */
export function openSidePanel(baton: Baton): Promise<Page> {
  return baton.openExtensionPage('sidepanel.html');
}
