// What each part of the built extension loads: every page's and script's JavaScript, followed through
// its static imports, with sizes. Used by the bench (figures) and an e2e test (which library is where).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A string that survives minification in Chart.js and nowhere else: its own error message. */
export const CHART_JS_MARKER = 'Canvas is already in use';

const importsOf = (code) => [...code.matchAll(/(?:import|export)\s*(?:[^'"`;]*?from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]);

/** The JavaScript files an entry loads, the entry file first, each once. */
function closure(dir, file) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !existsSync(join(dir, path))) return;
    seen.add(path);
    const code = readFileSync(join(dir, path), 'utf8');
    const base = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const spec of importsOf(code)) visit(spec.startsWith('/') ? spec.slice(1) : new URL(spec, `file:///${base}`).pathname.slice(1));
  };
  visit(file);
  return [...seen];
}

/** Every entry of the built extension (pages, background, content scripts) and what it loads. */
export function entryBundles(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entries = {};
  const pages = ['popup.html', 'options.html', 'sidepanel.html', 'dashboard.html'].filter((p) => existsSync(join(dir, p)));
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="\/?([^"]+)"/g)].map((m) => m[1]);
    entries[page.replace('.html', '')] = [...new Set(scripts.flatMap((s) => closure(dir, s)))];
  }
  const worker = manifest.background?.service_worker;
  if (worker) entries.background = closure(dir, worker);
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) entries[`content:${js}`] = closure(dir, js);
  // Content scripts registered at run time (the ad-platform reader) are in the package, not the manifest.
  const runtimeScripts = existsSync(join(dir, 'content-scripts')) ? readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js')) : [];
  for (const file of runtimeScripts) entries[`content:content-scripts/${file}`] ??= closure(dir, `content-scripts/${file}`);
  return Object.fromEntries(
    Object.entries(entries).map(([name, files]) => {
      const bytes = files.map((f) => readFileSync(join(dir, f)));
      return [name, { files, bytes: bytes.reduce((n, b) => n + b.length, 0), gzipBytes: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) }];
    }),
  );
}

/** The built files that contain a string. */
export function filesContaining(dir, files, marker) {
  return files.filter((f) => readFileSync(join(dir, f), 'utf8').includes(marker));
}
