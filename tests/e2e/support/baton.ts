// Launches Chromium with the built Baton extension in a fresh profile, with the real
// site hosts mapped to a local HTTPS fixture server.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spkiHash } from './caddy.ts';
import { fixtureCertificate, MAPPED_HOSTS, startFixtureServer, type FixtureServer } from './fixture-server.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The test build (`npm run build:e2e`); BATON_EXTENSION_DIR points elsewhere. */
export const EXTENSION_DIR = resolve(ROOT, process.env.BATON_EXTENSION_DIR ?? join('.output', 'e2e', 'chrome-mv3'));

interface ChromiumHelpers {
  findChromium(): string | null;
  chromiumHelp(): string;
  extensionLaunchArgs(options: { extensionDir?: string; hostRules?: [string, string][] | string }): string[];
}

let helpers: Promise<ChromiumHelpers> | undefined;
/** scripts/chromium.mjs is plain JS (shared with the npm scripts); give it a type here. */
export function chromiumHelpers(): Promise<ChromiumHelpers> {
  helpers ??= import(pathToFileURL(join(ROOT, 'scripts', 'chromium.mjs')).href) as Promise<ChromiumHelpers>;
  return helpers;
}

export interface Baton {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** Opens `chrome-extension://<id>/<path>` in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Another build than the test build, e.g. the production one. */
  extensionDir?: string;
  /**
   * Trust only these certificates (base64 SHA-256 SPKI hashes, e.g. a Caddy CA's) plus the fixture
   * server's own, instead of ignoring every certificate error: a hub behind real TLS is then checked
   * by Chromium for real. Chromium matches the hashes against the chain the server presents.
   */
  trustSpki?: string[];
  /** More --host-resolver-rules entries, e.g. [hub.baton.test, 127.0.0.1] (the port is kept). */
  hostRules?: [string, string][];
}

/** Certificate handling for Playwright and Chromium: every error ignored (the default), or only the listed keys trusted. */
function certificateTrust(trustSpki: string[] | undefined): { ignoreHTTPSErrors: boolean; args: string[] } {
  if (!trustSpki) return { ignoreHTTPSErrors: true, args: [] };
  const hashes = [spkiHash(fixtureCertificate()), ...trustSpki];
  return { ignoreHTTPSErrors: false, args: [`--ignore-certificate-errors-spki-list=${hashes.join(',')}`] };
}

export async function launchBaton({ extensionDir = EXTENSION_DIR, trustSpki, hostRules = [] }: LaunchOptions = {}): Promise<Baton> {
  const { findChromium, chromiumHelp, extensionLaunchArgs } = await chromiumHelpers();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp());
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run test:e2e\`, which builds it.`);
  }

  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'baton-e2e-profile-'));
  let context: BrowserContext | undefined;
  const trust = certificateTrust(trustSpki);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      ignoreHTTPSErrors: trust.ignoreHTTPSErrors,
      args: [
        ...extensionLaunchArgs({
          extensionDir,
          hostRules: [...MAPPED_HOSTS.map((host): [string, string] => [host, `127.0.0.1:${server.port}`]), ...hostRules],
        }),
        ...trust.args,
      ],
    });
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const extensionId = new URL(worker.url()).host;
    await adReaderRegistered(worker);

    const ctx = context;
    return {
      context: ctx,
      extensionId,
      server,
      async openExtensionPage(path) {
        const page = await ctx.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
        return page;
      },
      async close() {
        await ctx.close().catch(() => {});
        await server.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/**
 * A fresh profile's worker registers the ad-platform reader for the granted hosts as it starts (all of
 * them in the test build, none in production). A page opened before that is read only once the reader
 * reaches it, after the panel (tested as a tab) took the focus: wait, as a person's first click would.
 */
async function adReaderRegistered(worker: Worker): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await worker.evaluate(async () => {
      type Api = {
        permissions: { getAll(): Promise<{ origins?: string[] }> };
        scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const [granted, scripts] = await Promise.all([api.permissions.getAll(), api.scripting.getRegisteredContentScripts()]);
      // Chrome reports a host permission as its origin (a path in the pattern is not kept): compare origins.
      const origin = (pattern: string) => new URL(pattern.replace('*', '')).origin;
      const adOrigins = (granted.origins ?? []).map(origin).filter((o) => o !== 'https://mail.google.com' && o !== 'https://app.asana.com');
      const reading = new Set(scripts.flatMap((script) => (script.matches ?? []).map(origin)));
      return adOrigins.every((o) => reading.has(o));
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('The ad-platform reader was not registered within 10 s of the worker starting.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The slice of the extension API the specs call inside extension pages (no @types/chrome here). */
export interface ExtensionGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown>; getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
    storage: { session: { get(key?: string | null): Promise<Record<string, unknown>>; onChanged: { addListener(f: (changes: Record<string, { newValue?: unknown }>) => void): void } } };
    tabs: { query(info: { url?: string }): Promise<{ id?: number; windowId: number }[]> };
    windows: { getCurrent(): Promise<{ id?: number }>; create(data: { url: string }): Promise<{ id?: number }> };
  };
}

/** Sends one request to Baton's background from an extension page, as the options page would; the reply. */
export async function requestFromPage<T = unknown>(page: Page, message: Record<string, unknown>): Promise<{ ok: true; data: T } | { ok: false; problem: { code: string; message: string } }> {
  return page.evaluate((m) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(m), message) as never;
}

/** Like requestFromPage, for requests that must succeed: the data, or the background's own error. */
export async function mustRequest<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = await requestFromPage<T>(page, message);
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.problem.message}`);
  return reply.data;
}
