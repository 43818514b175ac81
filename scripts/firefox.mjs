// Finds the Firefox the smoke suite drives (headless Firefox ESR over WebDriver BiDi) and reads its
// version, so a too-old Firefox is reported as such instead of as a failing install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

/** Where we looked, for a message that says so. */
export function firefoxCandidate() {
  return process.env.BATON_FIREFOX ? `${process.env.BATON_FIREFOX} (from BATON_FIREFOX)` : DEFAULT_FIREFOX;
}

/** BATON_FIREFOX when set (even when it does not exist, so a typo is reported), else Debian's firefox-esr; null when none. */
export function findFirefox() {
  const path = process.env.BATON_FIREFOX || DEFAULT_FIREFOX;
  return existsSync(path) ? path : null;
}

/** The major version `firefox --version` reports ("Mozilla Firefox 153.8.0esr" → 153), or null. */
export function firefoxMajorVersion(path) {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    const match = /Firefox\s+(\d+)\./.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** What to tell a person who has no usable Firefox: `problem` first (none found, too old). */
export function firefoxHelp(problem) {
  return [
    problem,
    "The Firefox suite needs a Firefox at least as new as the add-on's strict_min_version (142).",
    '',
    '  Debian 12:  apt-get update && apt-get install -y firefox-esr   (bookworm-security has ESR 153)',
    '  elsewhere:  BATON_FIREFOX=/path/to/firefox npm run test:firefox',
  ].join('\n');
}
