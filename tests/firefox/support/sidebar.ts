// Baton's real Firefox sidebar: whether it is open and on which page (from the browser window), and
// what it shows (from one of Baton's own pages: extension.getViews() hands Firefox extension pages
// each other's windows, the sidebar's included).
import type { Browser, Page } from 'puppeteer-core';
import { evaluateInChrome } from './chrome-scope.ts';

/** Firefox names an add-on's sidebar after its id: anything not a letter or digit becomes "_". */
export function sidebarId(addonId: string): string {
  return `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;
}

export interface SidebarPlace {
  open: boolean;
  /** The sidebar shown (one per window), e.g. "baton_getbaton_app-sidebar-action". */
  id: string | null;
  /** The page loaded in it. */
  url: string | null;
}

export async function sidebarPlace(browser: Browser): Promise<SidebarPlace> {
  return JSON.parse(
    await evaluateInChrome(
      browser,
      `JSON.stringify({
        open: SidebarController.isOpen,
        id: SidebarController.currentID || null,
        url: document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec ?? null,
      })`,
    ),
  ) as SidebarPlace;
}

/** Opens or closes the sidebar as a person does from the toolbar (the add-on itself may not, without a gesture). */
export async function showSidebar(browser: Browser, id: string | null): Promise<void> {
  await evaluateInChrome(browser, `(async () => { ${id ? `await SidebarController.show(${JSON.stringify(id)})` : 'await SidebarController.hide()'}; return ''; })()`);
}

export interface SidebarContent {
  /** Top-level headings (the client's name when the page matched one). */
  headings: string[];
  text: string;
}

interface ExtensionViews {
  browser: { extension: { getViews(filter: { type: 'sidebar' }): Window[] } };
}

/** What Baton's sidebar shows now, read from `extensionPage`; null when no sidebar is loaded. */
export function sidebarContent(extensionPage: Page): Promise<SidebarContent | null> {
  return extensionPage.evaluate(() => {
    const [view] = (globalThis as unknown as ExtensionViews).browser.extension.getViews({ type: 'sidebar' });
    if (!view) return null;
    const headings = [...view.document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? '');
    return { headings, text: view.document.body.innerText };
  });
}

/** Clicks the sidebar's first button whose text contains `text`, as a person would; false when there is none. */
export function clickInSidebar(extensionPage: Page, text: string): Promise<boolean> {
  return extensionPage.evaluate((wanted) => {
    const [view] = (globalThis as unknown as ExtensionViews).browser.extension.getViews({ type: 'sidebar' });
    const button = [...(view?.document.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(wanted));
    button?.click();
    return button !== undefined;
  }, text);
}
