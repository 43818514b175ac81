#!/usr/bin/env node
// npm run test:firefox [-- <playwright test args>]
// The Firefox smoke suite: finds Firefox (BATON_FIREFOX, else /usr/bin/firefox-esr), builds the Firefox
// add-on into its own folder (skip with BATON_SKIP_BUILD=1), checks the Firefox is new enough for it,
// then runs tests/firefox with Playwright's runner (puppeteer-core drives Firefox) and exits with its code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { findFirefox, firefoxCandidate, firefoxHelp, firefoxMajorVersion } from './firefox.mjs';
import { rootDir, run } from './run.mjs';

const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

const firefox = findFirefox();
if (!firefox) {
  console.error(firefoxHelp(`No Firefox at ${firefoxCandidate()}.`));
  process.exit(1);
}

// Its own folder, so this build never overwrites the Chromium builds (or another engineer's).
const outDir = resolve(rootDir, process.env.BATON_OUT_DIR ?? join('.output', 'firefox-e2e'));
const extensionDir = join(outDir, 'firefox-mv3');
if (process.env.BATON_SKIP_BUILD === '1') {
  console.log(`firefox: BATON_SKIP_BUILD=1, using the existing build in ${extensionDir}`);
} else {
  const code = await run('npm', ['run', 'build:firefox'], { env: { ...process.env, BATON_OUT_DIR: outDir } });
  if (code !== 0) {
    console.error(`firefox: npm run build:firefox failed (exit ${code})`);
    process.exit(code);
  }
}

let minimum;
try {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  minimum = Number.parseInt(manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0', 10);
} catch (error) {
  console.error(`firefox: no Firefox build in ${extensionDir} (${error.message}); run without BATON_SKIP_BUILD=1.`);
  process.exit(1);
}
const version = firefoxMajorVersion(firefox);
if (version === null || version < minimum) {
  console.error(firefoxHelp(`${firefox} is Firefox ${version ?? '(version unknown)'}; this build of Baton needs ${minimum} or newer.`));
  process.exit(1);
}
console.log(`firefox: using ${firefox} (Firefox ${version})`);

const suiteStarted = performance.now();
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const code = await run(process.execPath, [cli, 'test', '--config', join('tests', 'firefox', 'playwright.config.ts'), ...process.argv.slice(2)], {
  env: { ...process.env, BATON_FIREFOX: firefox, BATON_FIREFOX_EXTENSION_DIR: extensionDir },
});
console.log(`firefox: suite ${seconds(suiteStarted)} s, ${seconds(started)} s with the build (exit ${code})`);
process.exit(code);
