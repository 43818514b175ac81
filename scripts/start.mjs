#!/usr/bin/env node
// npm start
// Builds Baton and, where there is a screen and a Chromium, opens it with the extension loaded
// in a persistent profile (.baton/profile). Otherwise explains how to load the build by hand.
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromiumHelp, extensionLaunchArgs, findChromium } from './chromium.mjs';
import { rootDir, run } from './run.mjs';

const env = { ...process.env };

const extensionDir = join(rootDir, '.output', 'chrome-mv3');
const profileDir = join(rootDir, '.baton', 'profile');
const startUrl = 'https://mail.google.com/';

const rel = (path) => relative(process.cwd(), path) || '.';

function firefoxBuild() {
  const path = join(rootDir, '.output', 'firefox-mv3');
  return existsSync(join(path, 'manifest.json')) ? path : null;
}

function printManualSteps(reason) {
  const firefox = firefoxBuild();
  console.log(
    [
      '',
      reason,
      '',
      `Baton is built in ${rel(extensionDir)}. To use it in Chrome, Chromium or Edge:`,
      '  1. open chrome://extensions (edge://extensions in Edge)',
      '  2. turn on "Developer mode"',
      `  3. click "Load unpacked" and choose ${extensionDir}`,
      '  4. open Gmail (https://mail.google.com/) and click the Baton icon to open the side panel',
      '',
      'Firefox:',
      firefox
        ? `  built in ${rel(firefox)}: open about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${join(firefox, 'manifest.json')}`
        : '  run `npm run build:firefox`, then open about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → .output/firefox-mv3/manifest.json',
      '',
    ].join('\n'),
  );
}

const built = await run('npm', ['run', 'build'], { env });
if (built !== 0) {
  console.error(`npm run build failed (exit ${built}).`);
  process.exit(built);
}
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(`The build did not produce ${rel(extensionDir)}/manifest.json.`);
  process.exit(1);
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  printManualSteps('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser was opened.');
  process.exit(0);
}

const chromium = findChromium();
if (!chromium) {
  console.log(`\n${chromiumHelp()}`);
  printManualSteps('No Chromium to open Baton in.');
  process.exit(0);
}

mkdirSync(profileDir, { recursive: true });
// Chromium refuses to run as root without --no-sandbox; everyone else keeps the sandbox.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const args = [
  `--user-data-dir=${profileDir}`,
  ...extensionLaunchArgs({ extensionDir }).filter((arg) => asRoot || arg !== '--no-sandbox'),
  startUrl,
];

console.log(`\nOpening ${chromium} with Baton loaded (profile: ${rel(profileDir)}).`);
console.log('Close the browser window (or press Ctrl+C) to stop.\n');
const code = await run(chromium, args, { env, stdio: ['ignore', 'ignore', 'ignore'], shell: false });
process.exit(code);
