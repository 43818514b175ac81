#!/usr/bin/env node
// npm run test:e2e [-- <playwright test args>]
// Finds a Chromium that can load an unpacked extension, builds the test extension
// (skip with BATON_SKIP_BUILD=1), then runs Playwright and exits with its code.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromiumHelp, findChromium } from './chromium.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: rootDir,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

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
  ...process.env,
  BATON_CHROMIUM: chromium,
});
process.exit(code);
