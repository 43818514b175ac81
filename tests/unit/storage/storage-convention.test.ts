// Every storage key comes from the registry (lib/storage/keys.ts): only lib/storage/store.ts calls the
// browser's storage areas; everything else goes through its typed getItem/setItem/removeItem.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['lib', 'components', 'entrypoints'];
const ALLOWED = new Set(['lib/storage/store.ts']);
/** `storage.local.get(…)`, `chrome.storage.session.remove(…)`, `storage['sync'].set(…)`, `storage[area]`… */
const DIRECT_ACCESS = /storage\s*(?:\.\s*(?:local|session|sync)\s*\.\s*(?:get|set|remove|clear|getBytesInUse)\b|\[)/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('storage convention', () => {
  it('recognises a direct call to a storage area', () => {
    for (const call of ['browser.storage.local.get(KEY)', 'chrome.storage.session.set({ a: 1 })', 'browser.storage.sync.remove(k)', 'browser.storage[area]']) expect(call).toMatch(DIRECT_ACCESS);
    for (const other of ['browser.storage.onChanged.addListener(f)', 'getItem(STORAGE_KEYS.hub)', '// kept in storage.local, never in IndexedDB']) expect(other).not.toMatch(DIRECT_ACCESS);
  });

  it('finds no call to browser storage outside lib/storage/store.ts', () => {
    const files = SCANNED.flatMap(sources).map((path) => relative(ROOT, join(ROOT, path)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (DIRECT_ACCESS.test(line) && !ALLOWED.has(file) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
