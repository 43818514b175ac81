#!/usr/bin/env node
// npm start: builds the extension, starts the team hub on its embedded default (PGlite in .baton/hub,
// 127.0.0.1:8787), and opens Chromium with Baton loaded where there is a screen.
// Builds Baton and, where there is a screen and a Chromium, opens it with the extension loaded
// in a persistent profile (.baton/profile). Otherwise explains how to load the build by hand.
// `npm start -- --demo` opens Baton's settings at #demo instead, which loads the demo agency.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative } from 'node:path';
import { chromiumHelp, extensionLaunchArgs, findChromium, unpackedExtensionId } from './chromium.mjs';
import { rootDir, run } from './run.mjs';

const env = { ...process.env };

// BATON_EXTENSION_DIR and BATON_SKIP_BUILD=1: start a build made elsewhere (the tests do).
const extensionDir = env.BATON_EXTENSION_DIR || join(rootDir, '.output', 'chrome-mv3');
const profileDir = join(rootDir, '.baton', 'profile');
const hubDataDir = env.BATON_DATA_DIR || join(rootDir, '.baton', 'hub');
const hubLog = join(hubDataDir, 'hub.log');
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
      '  4. open Gmail (https://mail.google.com/), click the Baton icon in the toolbar, then "Open side panel"',
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

const built = env.BATON_SKIP_BUILD === '1' ? 0 : await run('npm', ['run', 'build'], { env });
if (built !== 0) {
  console.error(`npm run build failed (exit ${built}).`);
  process.exit(built);
}
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(`The build did not produce ${rel(extensionDir)}/manifest.json.`);
  process.exit(1);
}

/** Set once this script stops the hub: its exit is then the end of a normal stop, not a failure. */
let hubStopped = false;

function parseEntry(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * The hub runs beside the browser, in a process group of its own so stopping `npm start` stops all of
 * it (npm, the bundler's runner, the hub). Its JSON log lines go to a file; what it says to a person
 * (its address, the admin invite on first start) is printed among the instructions.
 */
function startHub() {
  mkdirSync(hubDataDir, { recursive: true });
  const log = createWriteStream(hubLog, { flags: 'a' });
  const windows = process.platform === 'win32';
  const hub = spawn(process.execPath, [join(rootDir, 'scripts', 'hub.mjs')], { cwd: rootDir, env: { ...env, BATON_DATA_DIR: hubDataDir }, stdio: ['ignore', 'pipe', 'pipe'], detached: !windows });
  for (const stream of [hub.stdout, hub.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (!line.startsWith('{')) return console.log(line);
      log.write(`${line}\n`);
      // A log line that says something broke is still said here, in words.
      const entry = parseEntry(line);
      if (entry?.level === 'error' || entry?.level === 'fatal') console.error(`Hub: ${entry.msg ?? line}`);
    });
  }
  const stop = () => {
    if (hubStopped || hub.exitCode !== null || hub.signalCode !== null) return;
    hubStopped = true;
    try {
      if (windows) hub.kill('SIGTERM');
      else process.kill(-hub.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      stop();
      // The hub finishes its requests in flight, then exits; this script goes with it (or soon anyway).
      hub.once('exit', () => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
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
console.log(`The team hub starts on http://127.0.0.1:${env.BATON_HUB_PORT || 8787} (Ctrl+C stops it; its log: ${rel(hubLog)}). In Baton's settings → Team hub, connect with the admin invite it prints on first start.\n`);
const hub = startHub();
if (chromium) process.exit(await openBrowser(chromium));
hub.on('exit', (code) => process.exit(hubStopped ? 0 : (code ?? 0)));
