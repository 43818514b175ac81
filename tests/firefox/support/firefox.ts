// Launches headless Firefox ESR with the built Baton add-on over WebDriver BiDi (puppeteer-core), the
// real site hosts reaching the e2e fixture server through a local CONNECT proxy.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { MAPPED_HOSTS, startFixtureServer, type FixtureServer } from '../../e2e/support/fixture-server.ts';
import { startConnectProxy, type ConnectProxy } from './connect-proxy.ts';
import { collectBrowserConsole, type BrowserConsole } from './browser-console.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The Firefox build under test (scripts/test-firefox.mjs builds it there). */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env.BATON_FIREFOX_EXTENSION_DIR ?? join('.output', 'firefox-e2e', 'firefox-mv3'));

/** Firefox ESR: BATON_FIREFOX, else Debian's firefox-esr. */
export const FIREFOX = process.env.BATON_FIREFOX || '/usr/bin/firefox-esr';

/**
 * The add-on's internal UUID, fixed through a pref: Firefox otherwise picks a random one per profile,
 * and `moz-extension://<uuid>/` is the only way to name the add-on's pages.
 */
const EXTENSION_UUID = '3f5c7a2e-8b1d-4e6f-9a0c-b47d2e51c8a9';

export interface BatonFirefox {
  browser: Browser;
  /** The add-on's gecko id, from the built manifest. */
  addonId: string;
  server: FixtureServer;
  proxy: ConnectProxy;
  console: BrowserConsole;
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  /** Navigates `page` (a new tab by default) to one of Baton's pages and waits until it has loaded. */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

function geckoId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run test:firefox\` (it builds first).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

/** Profile prefs: every https request through our proxy, a fixed add-on UUID, the console on stdout. */
function firefoxPrefs(proxyPort: number, addonId: string): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    // The browser console (every page's and the add-on's console calls) goes to stdout, where
    // browser-console.ts reads it: extension pages' messages never reach page.on('console').
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
  };
}

/** puppeteer's BiDi frame: page.goto() to a moz-extension:// URL never resolves, its browsing context's navigate does. */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'none');
  await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', { timeout: 15_000 }, url);
}

async function launchBrowser(proxy: ConnectProxy, addonId: string): Promise<Browser> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: run the suite with \`npm run test:firefox\`, which says how to get one.`);
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Without it Firefox refuses WebDriver navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(proxy.port, addonId),
    // The runner (Playwright's) handles signals; puppeteer's own handlers would exit the process.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Starts the fixture server and the proxy, launches Firefox and installs Baton; undoes it all on failure. */
export async function launchBatonFirefox(): Promise<BatonFirefox> {
  const addonId = geckoId();
  const server = await startFixtureServer();
  let proxy: ConnectProxy | undefined;
  let browser: Browser | undefined;
  try {
    proxy = await startConnectProxy(MAPPED_HOSTS, server.port);
    browser = await launchBrowser(proxy, addonId);
    const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    const browserConsole = collectBrowserConsole(browser, { id: addonId, origin: extensionUrl('') });
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== addonId) throw new Error(`Installed add-on ${installed}, expected ${addonId}`);

    // Constants for the closures below (the `let`s above are not narrowed inside them).
    const started = { browser, proxy };
    return {
      ...started,
      addonId,
      server,
      console: browserConsole,
      extensionUrl,
      async openExtensionPage(path, page) {
        const tab = page ?? (await started.browser.newPage());
        await navigateToExtensionPage(tab, extensionUrl(path));
        return tab;
      },
      close: () => closeAll(started.browser, started.proxy, server),
    };
  } catch (error) {
    await closeAll(browser, proxy, server);
    throw error;
  }
}

/** Closes whatever was started; each part is closed even when another fails. */
async function closeAll(browser: Browser | undefined, proxy: ConnectProxy | undefined, server: FixtureServer): Promise<void> {
  await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
  await proxy?.close().catch(() => {});
  await server.close().catch(() => {});
}
