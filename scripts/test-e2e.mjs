#!/usr/bin/env node
// npm run test:e2e [-- <playwright test args>]
// Finds a Chromium that can load an unpacked extension, builds the test extension
// (skip with BATON_SKIP_BUILD=1), then runs Playwright and exits with its code.
import { createRequire } from 'node:module';
import { chromiumHelp, findChromium } from './chromium.mjs';
import { run } from './run.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(chromiumHelp());
  process.exit(1);
}
console.log(`e2e: using ${chromium}`);

if (process.env.BATON_SKIP_BUILD === '1') {
  console.log('e2e: BATON_SKIP_BUILD=1, using the existing .output/e2e build');
} else {
  const code = await run('npm', ['run', 'build:e2e']);
  if (code !== 0) {
    console.error(`e2e: npm run build:e2e failed (exit ${code})`);
    process.exit(code);
  }
}

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const code = await run(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  env: { ...process.env, BATON_CHROMIUM: chromium },
});
process.exit(code);
