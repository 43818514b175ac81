// Finds a Chromium that still honours --load-extension, and builds the launch
// arguments that load an unpacked extension into it.
//
// Branded Google Chrome 137+ ignores --load-extension (and 139+ ignores
// --disable-extensions-except), so we look for Chromium or Chrome for Testing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

function isFile(path) {
  try {
    return Boolean(path) && existsSync(path);
  } catch {
    return false;
  }
}

/** Playwright's own browser downloads, newest revision first. */
function playwrightChromiums() {
  const roots = [];
  if (process.env.PLAYWRIGHT_BROWSERS_PATH && process.env.PLAYWRIGHT_BROWSERS_PATH !== '0') {
    roots.push(process.env.PLAYWRIGHT_BROWSERS_PATH);
  }
  const home = homedir();
  if (platform() === 'darwin') roots.push(join(home, 'Library', 'Caches', 'ms-playwright'));
  else if (platform() === 'win32') roots.push(join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright'));
  else roots.push(join(home, '.cache', 'ms-playwright'));

  const found = [];
  for (const root of roots) {
    let entries;
    try {
      entries = readdirSync(root);
    } catch {
      continue;
    }
    const dirs = entries
      .filter((name) => /^chromium-\d+$/.test(name))
      .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
    for (const dir of dirs) {
      const base = join(root, dir);
      found.push(
        join(base, 'chrome-linux', 'chrome'),
        join(base, 'chrome-linux64', 'chrome'),
        join(base, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
        join(base, 'chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
        join(base, 'chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
        join(base, 'chrome-mac', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
        join(base, 'chrome-win', 'chrome.exe'),
        join(base, 'chrome-win64', 'chrome.exe'),
      );
    }
  }
  return found;
}

/** Every place we look, in order. */
export function chromiumCandidates() {
  const home = homedir();
  return [
    process.env.BATON_CHROMIUM,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    ...playwrightChromiums(),
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    join(home, 'Applications', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    join(home, 'Applications', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
  ].filter(Boolean);
}

/**
 * Path of a Chromium that can load an unpacked extension from the command line, or null.
 * An explicit BATON_CHROMIUM / CHROME_PATH wins even when it does not exist, so a typo is
 * reported instead of silently falling back to another browser.
 */
export function findChromium() {
  const explicit = process.env.BATON_CHROMIUM || process.env.CHROME_PATH;
  if (explicit) return isFile(explicit) ? explicit : null;
  for (const candidate of chromiumCandidates()) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

/** What to tell a person who has no usable Chromium. */
export function chromiumHelp() {
  const explicit = process.env.BATON_CHROMIUM || process.env.CHROME_PATH;
  const lines = [];
  if (explicit) {
    lines.push(`No browser at ${explicit} (from ${process.env.BATON_CHROMIUM ? 'BATON_CHROMIUM' : 'CHROME_PATH'}).`);
  } else {
    lines.push('No Chromium found. Baton needs Chromium (or Chrome for Testing) to load the unpacked extension.');
  }
  lines.push(
    '',
    'Get one of these:',
    '  Debian/Ubuntu:  sudo apt-get install -y chromium',
    '  macOS:          brew install --cask chromium',
    '  anywhere:       npx @puppeteer/browsers install chrome@stable   (Chrome for Testing)',
    '',
    'or point Baton at one you already have:',
    '  BATON_CHROMIUM=/path/to/chromium npm test',
    '',
    'Branded Google Chrome 137 and newer ignores --load-extension, so it cannot be used here;',
    'in it, load .output/chrome-mv3 by hand (chrome://extensions → Developer mode → Load unpacked).',
  );
  return lines.join('\n');
}

/**
 * Command-line arguments that load exactly one unpacked extension and keep Chromium quiet
 * on a closed network. `hostRules` is a list of [host, "127.0.0.1:port"] pairs or a ready
 * --host-resolver-rules value. No --headless here: the caller decides.
 */
export function extensionLaunchArgs({ extensionDir, hostRules } = {}) {
  const args = [];
  if (extensionDir) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  if (hostRules && hostRules.length) {
    const rules = typeof hostRules === 'string'
      ? hostRules
      : hostRules.map(([host, target]) => `MAP ${host} ${target}`).join(',');
    args.push(`--host-resolver-rules=${rules}`);
  }
  args.push(
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  );
  return args;
}

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of the manifest's
 * `key` (the test build carries one, for a fixed id) or else of its absolute folder path (symlinks
 * resolved), written with the letters a–p for 0–f. It is the same on every launch from the same
 * folder, so a start page can name the extension's own pages.
 */
export function unpackedExtensionId(extensionDir) {
  const manifest = join(extensionDir, 'manifest.json');
  const key = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).key : undefined;
  const hashed = key ? Buffer.from(key, 'base64') : realpathSync(extensionDir);
  const hex = createHash('sha256').update(hashed).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
