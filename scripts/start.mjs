#!/usr/bin/env node
// npm start: builds the extension, starts the team hub on its embedded default (PGlite in .baton/hub,
// 127.0.0.1:8787), and opens Chromium with Baton loaded where there is a screen.
// Builds Baton and, where there is a screen and a Chromium, opens it with the extension loaded
// in a persistent profile (.baton/profile). Otherwise explains how to load the build by hand.
// `npm start -- --demo` opens Baton's settings at #demo instead, which loads the demo agency.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromiumHelp, extensionLaunchArgs, findChromium, unpackedExtensionId } from './chromium.mjs';
import { rootDir, run } from './run.mjs';

const env = { ...process.env };

const extensionDir = join(rootDir, '.output', 'chrome-mv3');
const profileDir = join(rootDir, '.baton', 'profile');
const demo = process.argv.slice(2).includes('--demo');

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
      demo
        ? 'Demo agency: open Baton\'s settings (right-click the Baton icon → Options), then Data → "Load demo agency".'
        : 'To see Baton with a demo agency: Baton\'s settings (right-click the Baton icon → Options) → Data → "Load demo agency".',
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

/** The hub runs beside the browser; its first start prints the admin invite for Baton's settings. */
function startHub() {
  const hub = spawn('npm', ['run', '--silent', 'hub'], { cwd: rootDir, env: { BATON_DATA_DIR: join(rootDir, '.baton', 'hub'), ...env }, stdio: 'inherit', shell: process.platform === 'win32' });
  const stop = () => hub.kill('SIGTERM');
  process.once('exit', stop);
  return hub;
}

/** Opens Chromium with Baton loaded in a persistent profile; resolves when the browser closes. */
async function openBrowser(chromium) {
  mkdirSync(profileDir, { recursive: true });
  // Chromium refuses to run as root without --no-sandbox; everyone else keeps the sandbox.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // The settings page at #demo loads the demo agency once it opens (the extension's id follows from its folder).
  const startUrl = demo ? `chrome-extension://${unpackedExtensionId(extensionDir)}/options.html#demo` : 'https://mail.google.com/';
  const args = [`--user-data-dir=${profileDir}`, ...extensionLaunchArgs({ extensionDir }).filter((arg) => asRoot || arg !== '--no-sandbox'), startUrl];
  console.log(`\nOpening ${chromium} with Baton loaded (profile: ${rel(profileDir)}).${demo ? ' The settings page loads the demo agency.' : ''}`);
  console.log('Close the browser window (or press Ctrl+C) to stop.\n');
  return run(chromium, args, { env, stdio: ['ignore', 'ignore', 'ignore'], shell: false });
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = hasDisplay ? findChromium() : null;
if (!hasDisplay) printManualSteps('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser was opened.');
else if (!chromium) {
  console.log(`\n${chromiumHelp()}`);
  printManualSteps('No Chromium to open Baton in.');
}
console.log("The team hub runs on http://127.0.0.1:8787 (Ctrl+C stops it). In Baton's settings → Team hub, connect with the admin invite it prints on first start.\n");
const hub = startHub();
if (chromium) process.exit(await openBrowser(chromium));
hub.on('exit', (code) => process.exit(code ?? 0));
