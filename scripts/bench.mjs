// `npm run bench`: prints Baton's size and speed figures with the machine noted and writes them to
// bench/results.json. Figures, never a pass/fail: a slow machine does not fail a build.
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumHelp, findChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = `${root}bench/tmp/`;
mkdirSync(tmp, { recursive: true });
const round = (n, digits = 3) => Number(n.toFixed(digits));

function machine(chromiumVersion) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    date: new Date().toISOString(),
  };
}

function contentScriptSizes() {
  if (process.env.BATON_SKIP_BUILD !== '1') execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
  const dir = `${root}.output/chrome-mv3/content-scripts/`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => {
        const bytes = readFileSync(dir + f);
        return [f, { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }];
      }),
  );
}

async function readPageInChromium(executablePath) {
  await build({
    entryPoints: [`${root}lib/sites/index.ts`],
    bundle: true,
    format: 'iife',
    globalName: 'BatonSites',
    outfile: `${tmp}sites.js`,
    logLevel: 'error',
  });
  const fixture = `${root}tests/fixtures/sites/gmail-thread`;
  const html = readFileSync(`${fixture}.html`, 'utf8');
  const { url } = JSON.parse(readFileSync(`${fixture}.expected.json`, 'utf8'));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ path: `${tmp}sites.js` });
    // Chromium coarsens performance.now() to 100 µs, so calls are timed in batches of 20 and each
    // sample is a batch's mean.
    const result = await page.evaluate(
      ({ url, batch, samples }) => {
        const { readPage } = globalThis.BatonSites;
        const ctx = readPage(url, document);
        for (let i = 0; i < 200; i++) readPage(url, document);
        const times = [];
        for (let s = 0; s < samples; s++) {
          const start = performance.now();
          for (let i = 0; i < batch; i++) readPage(url, document);
          times.push((performance.now() - start) / batch);
        }
        return {
          times,
          nodes: document.getElementsByTagName('*').length,
          participants: ctx?.thread?.participants.length ?? 0,
          messages: ctx?.thread?.messageIds.length ?? 0,
        };
      },
      { url, batch: 20, samples: 250 },
    );
    const sorted = result.times.sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      fixture: 'tests/fixtures/sites/gmail-thread.html',
      htmlBytes: html.length,
      domElements: result.nodes,
      participants: result.participants,
      messages: result.messages,
      medianMs: round(at(0.5), 4),
      p95Ms: round(at(0.95), 4),
      method: 'mean of 20 calls per sample, 250 samples, after 200 warm-up calls',
      version: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

async function matcherFigures() {
  await build({
    entryPoints: [`${root}bench/matcher.bench.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: `${tmp}matcher.bench.mjs`,
    logLevel: 'error',
  });
  return JSON.parse(execFileSync(process.execPath, [`${tmp}matcher.bench.mjs`], { encoding: 'utf8' }).trim());
}

async function bundle(entry, outfile, options) {
  await build({ entryPoints: [`${root}${entry}`], bundle: true, outfile: `${tmp}${outfile}`, logLevel: 'error', ...options });
  return `${tmp}${outfile}`;
}

/** The store at agency scale: in Node with fake-indexeddb, and in Chromium's real IndexedDB. */
async function storeFigures(executablePath) {
  const node = await bundle('bench/store-node.ts', 'store-node.mjs', { platform: 'node', format: 'esm' });
  const inNode = JSON.parse(execFileSync(process.execPath, [node], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim());
  const script = readFileSync(await bundle('bench/store-browser.ts', 'store-browser.js', { format: 'iife', platform: 'browser' }));
  // IndexedDB needs a real origin: a throwaway page on loopback.
  const server = createServer((req, res) => {
    if (req.url === '/store.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Baton store bench</title><script src="/store.js"></script>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const inChromium = await page.evaluate(() => globalThis.runStoreBench('Chromium, IndexedDB'));
    return { node: inNode, chromium: inChromium };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The hub: accepted events per second, live delivery latency at 1/50/500 members, memory (bench/hub.bench.ts). */
async function hubFigures() {
  const file = await bundle('bench/hub.bench.ts', 'hub.bench.mjs', { platform: 'node', format: 'esm', packages: 'external' });
  return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).trim());
}

/** The side panel with the built extension (bench/panel.bench.spec.ts, through Playwright's runner). */
function panelFigures() {
  if (process.env.BATON_SKIP_BUILD !== '1') execSync('npm run build:e2e --silent', { cwd: root, stdio: 'inherit' });
  const cli = `${root}node_modules/@playwright/test/cli.js`;
  execFileSync(process.execPath, [cli, 'test', '--config', 'bench/playwright.config.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return JSON.parse(readFileSync(`${tmp}panel.json`, 'utf8'));
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(chromiumHelp());
  process.exit(1);
}
const sizes = contentScriptSizes();
const readPageFigures = await readPageInChromium(executablePath);
const matcher = await matcherFigures();
const store = await storeFigures(executablePath);
const hub = await hubFigures();
const panel = panelFigures();
const results = { machine: machine(readPageFigures.version), contentScripts: sizes, readPage: readPageFigures, matcher, store, hub, panel };
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`\nBaton benchmarks — ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.os}, Node ${results.machine.node}, Chromium ${results.machine.chromium}`);
console.log('\nContent scripts (gzipped, budget 20 KB each)');
for (const [name, s] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${kb(s.gzipBytes).padStart(9)}  (${kb(s.bytes)} raw)`);
console.log(`\nreadPage on the full-size Gmail thread (${kb(readPageFigures.htmlBytes)} HTML, ${readPageFigures.domElements} elements), in Chromium`);
console.log(`  median ${readPageFigures.medianMs} ms   p95 ${readPageFigures.p95Ms} ms   (per call, from 250 samples of 20 calls each; ${readPageFigures.participants} participants, ${readPageFigures.messages} messages)`);
console.log(`\nMatcher, ${matcher.clients} clients × ${matcher.identifiersPerClient} identifiers (Node)`);
console.log(`  index build  median ${round(matcher.indexBuildMs.median, 2)} ms   p95 ${round(matcher.indexBuildMs.p95, 2)} ms`);
console.log(`  lookup       median ${round(matcher.lookupUs.median, 2)} µs   p95 ${round(matcher.lookupUs.p95, 2)} µs   (${matcher.pageIdentifiers} page identifiers)`);
const { sizes: n } = store.chromium;
console.log(`\nLocal store, ${n.clients} clients, ${n.handoffs} handoffs, ${n.events} events`);
for (const s of [store.chromium, store.node]) {
  console.log(`  ${s.label}`);
  console.log(`    client view (open handoffs + last ${s.clientViewShape.timeline} history)  median ${round(s.clientViewMs.median, 2)} ms   p95 ${round(s.clientViewMs.p95, 2)} ms`);
  console.log(`    append one event                                      median ${round(s.appendMs.median, 2)} ms   p95 ${round(s.appendMs.p95, 2)} ms`);
  console.log(`    rebuild every view from the log                       ${s.rebuildMs} ms`);
}
console.log('\nTeam hub (its own process, loopback)');
for (const kind of ['pglite', 'postgres']) {
  const h = hub[kind];
  if (!h || h.skipped || h.error) {
    console.log(`  ${kind}: ${h?.skipped ?? h?.error ?? 'not run'}`);
    continue;
  }
  console.log(`  ${kind}: ${h.eventsPerSecond.batch1} events/s in batches of 1, ${h.eventsPerSecond.batch100} in batches of 100`);
  for (const [members, l] of Object.entries(h.latencyMs)) console.log(`    delivery to ${members.padStart(3)} members  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms`);
}
console.log(`  memory (${hub.memory.database}): ${hub.memory.rssMiB.idle} MiB RSS idle, ${hub.memory.rssMiB.connections500} MiB with 500 connections (heap ${hub.memory.heapMiB.idle} → ${hub.memory.heapMiB.connections500} MiB)`);
console.log(`\nSide panel, built extension in Chromium, ${panel.store.handoffs} handoffs / ${panel.store.events} events in the store`);
console.log(`  first render (client + open handoffs)   p50 ${panel.firstRenderMs.p50} ms   p95 ${panel.firstRenderMs.p95} ms   (${panel.firstRenderMs.runs} runs)`);
console.log(`  Gmail navigation → panel shows client   p50 ${panel.gmailNavigationToPanelMs.p50} ms   p95 ${panel.gmailNavigationToPanelMs.p95} ms   (${panel.gmailNavigationToPanelMs.runs} navigations)`);
console.log('\nWrote bench/results.json');
