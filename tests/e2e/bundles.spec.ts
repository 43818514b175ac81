// The charting library is the dashboard's alone: no other page, the background or a content script
// loads a byte of it. Read from the built extension the e2e tests run.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, ROOT } from './support/baton.ts';
import { expect, test } from '@playwright/test';

type Bundles = Record<string, { files: string[]; bytes: number; gzipBytes: number }>;
type BundleModule = { entryBundles(dir: string): Bundles; filesContaining(dir: string, files: string[], marker: string): string[]; CHART_JS_MARKER: string };

test('Chart.js is in the dashboard’s bundle and in no other', async () => {
  const { entryBundles, filesContaining, CHART_JS_MARKER } = (await import(pathToFileURL(join(ROOT, 'scripts', 'bundles.mjs')).href)) as BundleModule;
  const bundles = entryBundles(EXTENSION_DIR);
  expect(Object.keys(bundles)).toEqual(expect.arrayContaining(['dashboard', 'popup', 'options', 'sidepanel', 'background', 'content:content-scripts/gmail.js']));
  const withChart = Object.fromEntries(Object.entries(bundles).map(([name, b]) => [name, filesContaining(EXTENSION_DIR, b.files, CHART_JS_MARKER)]));
  expect(withChart.dashboard?.length).toBe(1);
  for (const [name, files] of Object.entries(withChart)) if (name !== 'dashboard') expect(files, `${name} loads Chart.js`).toEqual([]);
});
