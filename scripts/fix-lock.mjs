// Restores lockfile entries for Tailwind's platform binaries that the npm registry mirror on our build
// machines does not serve (404). `npm install` tolerates a missing optional package but leaves it out
// of package-lock.json, and `npm ci` then refuses the lockfile as out of sync. Each entry carries its
// os/cpu, so npm skips it on other platforms and fetches it from the public registry where it applies.
// Run after any `npm install` that rewrites the lockfile: `node scripts/fix-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const oxide = packages['node_modules/@tailwindcss/oxide'];
if (!oxide) throw new Error('No @tailwindcss/oxide in package-lock.json');

const PLATFORMS = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'freebsd-x64': { os: ['freebsd'], cpu: ['x64'] },
  'linux-arm-gnueabihf': { os: ['linux'], cpu: ['arm'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
};

let added = 0;
for (const dependency of Object.keys(oxide.optionalDependencies ?? {})) {
  const key = `node_modules/${dependency}`;
  const platform = PLATFORMS[dependency.replace('@tailwindcss/oxide-', '')];
  if (packages[key] || !platform) continue;
  const version = oxide.optionalDependencies[dependency];
  const file = dependency.split('/')[1];
  packages[key] = {
    version,
    resolved: `https://registry.npmjs.org/${dependency}/-/${file}-${version}.tgz`,
    ...platform,
    dev: true,
    license: 'MIT',
    optional: true,
    engines: { node: '>= 20' },
  };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `Restored ${added} optional platform entries in package-lock.json.` : 'package-lock.json already complete.');
