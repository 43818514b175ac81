// What installing the shipped build really grants. Chrome and Firefox grant every host of a static
// content script at install, whatever optional_host_permissions says: the ad-platform reader must not
// be one. Runs against the production build (`npm run build`; `npm run test:e2e` builds it too).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AD_CONTENT_SCRIPT_FILE } from '../../lib/background/ad-content-scripts';
import { OPTIONAL_HOSTS, REQUIRED_HOSTS } from '../../lib/sites/hosts';
import { launchBaton, ROOT } from './support/baton.ts';
import { expect, test } from './support/test.ts';

/** The production build; BATON_PRODUCTION_EXTENSION_DIR points elsewhere (scripts/test-e2e.mjs builds there). */
const PRODUCTION_DIR = resolve(ROOT, process.env.BATON_PRODUCTION_EXTENSION_DIR ?? join('.output', 'chrome-mv3'));

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  key?: string;
  storage?: { managed_schema?: string };
}

function productionManifest(): Manifest {
  const file = join(PRODUCTION_DIR, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No production build at ${PRODUCTION_DIR}: run \`npm run build\` (or \`npm run test:e2e\`, which builds it).`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const sorted = (list: readonly string[]) => [...list].sort();

test('the production manifest names no ad host among what it grants at install', () => {
  const manifest = productionManifest();
  const staticMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  for (const host of OPTIONAL_HOSTS) {
    expect(staticMatches, `${host} in a static content script`).not.toContain(host);
    expect(manifest.host_permissions, `${host} required`).not.toContain(host);
  }
  expect(sorted(manifest.host_permissions ?? [])).toEqual(sorted(REQUIRED_HOSTS));
  expect(sorted(manifest.optional_host_permissions ?? [])).toEqual(sorted(OPTIONAL_HOSTS));
  expect(manifest.permissions).toContain('scripting');
  // The reader is not in the manifest, yet in the package at the path the background registers.
  expect((manifest.content_scripts ?? []).flatMap((script) => script.js ?? [])).not.toContain(AD_CONTENT_SCRIPT_FILE);
  expect(existsSync(join(PRODUCTION_DIR, AD_CONTENT_SCRIPT_FILE)), `${AD_CONTENT_SCRIPT_FILE} in the package`).toBe(true);
  // The fixed id of the test build (a manifest key) is for tests only: the store assigns the real one.
  // IT policy reaches the shipped build too: its managed-settings schema is declared and packaged.
  expect(manifest.key, 'manifest key in the production build').toBeUndefined();
  expect(manifest.storage?.managed_schema).toBe('managed-schema.json');
  expect(existsSync(join(PRODUCTION_DIR, 'managed-schema.json')), 'managed-schema.json in the package').toBe(true);
});

test('every content script of the production build, the run-time one too, stays within 20 KB gzipped', async () => {
  type Bundles = Record<string, { files: string[]; gzipBytes: number }>;
  const { entryBundles } = (await import(pathToFileURL(join(ROOT, 'scripts', 'bundles.mjs')).href)) as { entryBundles(dir: string): Bundles };
  const content = Object.entries(entryBundles(PRODUCTION_DIR)).filter(([name]) => name.startsWith('content:'));
  expect(content.map(([name]) => name)).toEqual(expect.arrayContaining([`content:${AD_CONTENT_SCRIPT_FILE}`, 'content:content-scripts/gmail.js', 'content:content-scripts/asana.js']));
  for (const [name, bundle] of content) expect(bundle.gzipBytes, `${name} (${bundle.files.join(', ')})`).toBeLessThanOrEqual(20 * 1024);
});

type Chrome = {
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
};

test('a fresh install of the production build holds Gmail and Asana only, and reads no ad platform', async () => {
  const baton = await launchBaton({ extensionDir: PRODUCTION_DIR });
  try {
    const options = await baton.openExtensionPage('options.html');
    const held = await options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.getAll());
    expect(sorted(held.origins ?? [])).toEqual(sorted(REQUIRED_HOSTS));
    expect(sorted(held.permissions ?? [])).toEqual(sorted(['storage', 'notifications', 'alarms', 'contextMenus', 'scripting', 'identity', 'sidePanel']));


    // By now the background's start-up run has compared grants and registrations: nothing to register.
    const registered = await options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([]);
  } finally {
    await baton.close();
  }
});
