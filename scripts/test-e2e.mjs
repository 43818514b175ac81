#!/usr/bin/env node
// npm run test:e2e [-- <playwright test args>]
// Finds a Chromium that can load an unpacked extension, builds the test extension and the production
// one (skip both with BATON_SKIP_BUILD=1), then runs Playwright and exits with its code.
// The production build goes to .output/chrome-mv3, or to BATON_PRODUCTION_EXTENSION_DIR (a folder
// named chrome-mv3): tests/e2e/production-install.spec.ts checks what installing it grants.
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { chromiumHelp, findChromium } from './chromium.mjs';
import { run } from './run.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(chromiumHelp());
  process.exit(1);
}
console.log(`e2e: using ${chromium}`);

/** Where the production build goes: BATON_OUT_DIR for `wxt build`, or unset for its default. */
function productionOutDir() {
  const dir = process.env.BATON_PRODUCTION_EXTENSION_DIR;
  if (!dir) return undefined;
  if (basename(dir) !== 'chrome-mv3') {
    console.error(`e2e: BATON_PRODUCTION_EXTENSION_DIR must be a folder named chrome-mv3 (got ${dir})`);
    process.exit(2);
  }
  return dirname(dir);
}

async function build(script, env) {
  const code = await run('npm', ['run', script], { env });
  if (code !== 0) {
    console.error(`e2e: npm run ${script} failed (exit ${code})`);
    process.exit(code);
  }
}

if (process.env.BATON_SKIP_BUILD === '1') {
  console.log('e2e: BATON_SKIP_BUILD=1, using the existing test and production builds');
} else {
  await build('build:e2e', process.env);
  const { BATON_E2E: _e2e, BATON_OUT_DIR: _testBuildDir, ...env } = process.env;
  const outDir = productionOutDir();
  await build('build', outDir ? { ...env, BATON_OUT_DIR: outDir } : env);
}

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const code = await run(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  env: { ...process.env, BATON_CHROMIUM: chromium },
});
process.exit(code);
