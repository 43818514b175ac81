// `npm run bench`: prints Baton's size and speed figures with the machine noted and writes them to
// bench/results.json. Figures, never a pass/fail: a slow machine does not fail a build.
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { esbuildModules, summarizeProfile } from '../bench/cpu-profile.mjs';
import { CHART_JS_MARKER, entryBundles, filesContaining } from './bundles.mjs';
import { chromiumHelp, findChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = `${root}bench/tmp/`;
mkdirSync(tmp, { recursive: true });
const round = (n, digits = 3) => Number(n.toFixed(digits));
// Other work on the machine slows every figure: the 1-minute load average when the bench starts and ends.
const loadAtStart = round(loadavg()[0], 2);

function machine(chromiumVersion) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: { start: loadAtStart, end: round(loadavg()[0], 2) },
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

const quantiles = (samples, digits = 1) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))], digits);
  return { p50: at(0.5), p95: at(0.95), max: at(1), runs: samples.length };
};

/**
 * The manager's metrics for 100,000 events in Chromium (bench/metrics-page.ts in a blank page): the
 * fold (collectFacts) and the computation (computeMetrics) for a 90-day period, cold and warm, and a
 * warm recompute for one client. Then, in a fresh browser, a CPU profile of a cold and of warm runs.
 */
async function metricsInChromium(executablePath) {
  const script = await bundle('bench/metrics-page.ts', 'metrics-page.js', { format: 'iife', platform: 'browser' });
  const launch = () => chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const openPage = async (browser) => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>Baton metrics bench</title>');
    await page.addScriptTag({ path: script });
    return page;
  };
  let timed;
  let browser = await launch();
  try {
    timed = await (await openPage(browser)).evaluate(() => globalThis.BatonMetricsBench.run(10, 20));
  } finally {
    await browser.close();
  }
  const module = esbuildModules(readFileSync(script, 'utf8'));
  const where = (url, line) => module(line);
  const profiles = {};
  browser = await launch();
  try {
    const page = await openPage(browser);
    await page.evaluate(() => void globalThis.BatonMetricsBench.prepare());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (const [name, runs] of [['cold', 1], ['warm', 5]]) {
      await cdp.send('Profiler.start');
      await page.evaluate((n) => {
        for (let i = 0; i < n; i++) globalThis.BatonMetricsBench.runOnce();
      }, runs);
      const { profile } = await cdp.send('Profiler.stop');
      profiles[name] = { runs, ...summarizeProfile(profile, { where }) };
    }
    await cdp.detach();
  } finally {
    await browser.close();
  }
  const [cold, ...warm] = timed.runs;
  const pick = (key) => warm.map((r) => r[key]);
  return {
    events: timed.events,
    logSpan: timed.logSpan,
    query: timed.query,
    now: timed.now,
    generateLogMs: round(timed.generateMs, 1),
    coldMs: { fold: round(cold.foldMs, 1), compute: round(cold.computeMs, 1), total: round(cold.totalMs, 1) },
    warmMs: { fold: quantiles(pick('foldMs')), compute: quantiles(pick('computeMs')), total: quantiles(pick('totalMs')) },
    clientRecomputeMs: { clientId: timed.clientQuery.clientId, first: round(timed.clientRecomputeMs[0], 1), ...quantiles(timed.clientRecomputeMs.slice(1)) },
    shape: timed.shape,
    budgetMs: 200,
    method:
      'bench/metrics-page.ts in a blank Chromium page: agencyLog() generated in the page, then collectFacts (fold) + computeMetrics (compute) timed with performance.now(); cold = the first run in a fresh page, warm = the 10 runs after it; client recompute = computeMetrics alone with clientId on the warm facts (first call, then 19 more)',
    profile: { method: 'CDP Profiler, 100 µs sampling, in a fresh browser: one cold run, then 5 warm runs; self time by function (source module)', ...profiles },
  };
}

/** What each entry of the production build loads, and which of those files carry Chart.js. */
function bundleFigures() {
  const dir = `${root}.output/chrome-mv3/`;
  const entries = entryBundles(dir);
  const chartJs = Object.fromEntries(Object.entries(entries).map(([name, b]) => [name, filesContaining(dir, b.files, CHART_JS_MARKER)]).filter(([, files]) => files.length));
  const own = entries.dashboard?.files[0];
  const ownBytes = own ? readFileSync(dir + own) : undefined;
  return {
    dir: '.output/chrome-mv3',
    entries,
    dashboardChunk: own ? { file: own, bytes: ownBytes.length, gzipBytes: gzipSync(ownBytes, { level: 9 }).length } : null,
    chartJs: { marker: CHART_JS_MARKER, entries: chartJs, onlyDashboard: Object.keys(chartJs).join() === 'dashboard' },
  };
}

/**
 * The side panel and the dashboard with the built extension, through Playwright's runner: the panel
 * (bench/panel.bench.spec.ts) in the test build, whose ad hosts are granted up front, built into a
 * folder of its own so a test run beside the bench keeps its .output/e2e; the dashboard
 * (bench/dashboard.bench.spec.ts) in the production build made above, since the test build bundles
 * React's development build.
 */
function extensionFigures() {
  const e2eOut = '.output/bench-e2e';
  if (process.env.BATON_SKIP_BUILD !== '1') execSync('npm run build:e2e --silent', { cwd: root, stdio: 'inherit', env: { ...process.env, BATON_OUT_DIR: e2eOut } });
  return { panel: runBenchSpec('panel', { BATON_EXTENSION_DIR: `${root}${e2eOut}/chrome-mv3` }), dashboard: runBenchSpec('dashboard', { BATON_EXTENSION_DIR: `${root}.output/chrome-mv3` }) };
}

/** Runs bench/<spec>.bench.spec.ts through Playwright's runner; its figures (bench/tmp/<spec>.json). */
function runBenchSpec(spec, env = {}) {
  const cli = `${root}node_modules/@playwright/test/cli.js`;
  rmSync(`${tmp}${spec}.json`, { force: true });
  execFileSync(process.execPath, [cli, 'test', '--config', 'bench/playwright.config.ts', `bench/${spec}.bench.spec.ts`], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  return JSON.parse(readFileSync(`${tmp}${spec}.json`, 'utf8'));
}

/** What the Gmail content script costs a page load, in the production build made above (bench/gmail.bench.spec.ts). */
const gmailContentScriptFigures = () => runBenchSpec('gmail', { BATON_EXTENSION_DIR: `${root}.output/chrome-mv3` });

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

function printSizes(sizes, bundles) {
  console.log('\nContent scripts (gzipped, budget 20 KB each)');
  for (const [name, s] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${kb(s.gzipBytes).padStart(9)}  (${kb(s.bytes)} raw)`);
  console.log('\nExtension entries, production build (each with every file it loads, gzipped)');
  for (const [name, b] of Object.entries(bundles.entries)) console.log(`  ${name.padEnd(34)} ${kb(b.gzipBytes).padStart(9)}  (${kb(b.bytes)} raw, ${b.files.length} file${b.files.length === 1 ? '' : 's'})`);
  if (bundles.dashboardChunk) console.log(`  the dashboard's own chunk (${bundles.dashboardChunk.file}): ${kb(bundles.dashboardChunk.gzipBytes)} gzipped (${kb(bundles.dashboardChunk.bytes)} raw)`);
  const chartIn = Object.entries(bundles.chartJs.entries).map(([name, files]) => `${name} (${files.join(', ')})`);
  console.log(`  Chart.js ("${bundles.chartJs.marker}") is loaded by: ${chartIn.join('; ') || 'no entry'}${bundles.chartJs.onlyDashboard ? ' — the dashboard only' : ' — NOT the dashboard alone'}`);
}

function printGmailContentScript(g) {
  const q = (f) => `p50 ${f.p50} ms   p95 ${f.p95} ms`;
  console.log(`\nGmail content script per page load (${g.script}, production build, ${g.fixture}, ${g.loads} reloads, load average ${g.loadAverage})`);
  console.log(`  profile: own functions                 ${q(g.profile.selfMs)}`);
  console.log(`  profile: with the built-ins it calls   ${q(g.profile.withCallsMs)}`);
  console.log(`  profile: top-level run (evaluation)    ${q(g.profile.evaluationMs)}`);
  console.log(`  trace: EvaluateScript (compile + run)  ${q(g.trace.evaluateScriptMs)}`);
  console.log(`  trace: callbacks into the script       ${q(g.trace.callbacksMs)}   (${g.trace.callbacksPerLoad.p50} per load)`);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(chromiumHelp());
  process.exit(1);
}
function printStore(store) {
  const { sizes: n } = store.chromium;
  console.log(`\nLocal store, ${n.clients} clients, ${n.handoffs} handoffs, ${n.events} events`);
  for (const s of [store.chromium, store.node]) {
    const i = s.interleavedMs;
    console.log(`  ${s.label}`);
    console.log(`    client view (open handoffs + last ${s.clientViewShape.timeline} history)  median ${round(s.clientViewMs.median, 2)} ms   p95 ${round(s.clientViewMs.p95, 2)} ms`);
    console.log(`    append one event                                      median ${round(s.appendMs.median, 2)} ms   p95 ${round(s.appendMs.p95, 2)} ms`);
    console.log(`    rebuild every view from the log                       ${s.rebuildMs} ms`);
    if (i) console.log(`    absorb one interleaved event: re-order from it        median ${round(i.incremental.median, 2)} ms   p95 ${round(i.incremental.p95, 2)} ms   (full rebuild, as before: ${i.fullRebuild} ms)`);
  }
}

// `npm run bench -- --store`: only the local store (Node and Chromium), printed, bench/results.json untouched.
if (process.argv.includes('--store')) {
  const started = loadavg()[0];
  printStore(await storeFigures(executablePath));
  console.log(`\nLoad average (1 min): ${round(started, 2)} at the start, ${round(loadavg()[0], 2)} at the end`);
  process.exit(0);
}
// `npm run bench -- --content-scripts`: only the content scripts (sizes from a fresh production build,
// and the Gmail one's cost per page load), merged into the last full run's bench/results.json.
if (process.argv.includes('--content-scripts')) {
  const sizes = contentScriptSizes();
  const bundles = bundleFigures();
  const gmailContentScript = gmailContentScriptFigures();
  const previous = JSON.parse(readFileSync(`${root}bench/results.json`, 'utf8'));
  // The full run's order: these figures after the machine, the rest as they were.
  const merged = { machine: previous.machine, contentScripts: sizes, bundles, gmailContentScript };
  for (const [key, value] of Object.entries(previous)) merged[key] ??= value;
  writeFileSync(`${root}bench/results.json`, `${JSON.stringify(merged, null, 2)}\n`);
  printSizes(sizes, bundles);
  printGmailContentScript(gmailContentScript);
  console.log('\nUpdated contentScripts, bundles and gmailContentScript in bench/results.json');
  process.exit(0);
}
const sizes = contentScriptSizes();
const bundles = bundleFigures();
const readPageFigures = await readPageInChromium(executablePath);
const matcher = await matcherFigures();
const store = await storeFigures(executablePath);
const hub = await hubFigures();
const metrics = await metricsInChromium(executablePath);
const { panel, dashboard } = extensionFigures();
const gmailContentScript = gmailContentScriptFigures();
const results = { machine: machine(readPageFigures.version), contentScripts: sizes, bundles, gmailContentScript, readPage: readPageFigures, matcher, store, hub, panel, metrics, dashboard };
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nBaton benchmarks — ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.os}, Node ${results.machine.node}, Chromium ${results.machine.chromium}`);
printSizes(sizes, bundles);
printGmailContentScript(gmailContentScript);
console.log(`\nreadPage on the full-size Gmail thread (${kb(readPageFigures.htmlBytes)} HTML, ${readPageFigures.domElements} elements), in Chromium`);
console.log(`  median ${readPageFigures.medianMs} ms   p95 ${readPageFigures.p95Ms} ms   (per call, from 250 samples of 20 calls each; ${readPageFigures.participants} participants, ${readPageFigures.messages} messages)`);
console.log(`\nMatcher, ${matcher.clients} clients × ${matcher.identifiersPerClient} identifiers (Node)`);
console.log(`  index build  median ${round(matcher.indexBuildMs.median, 2)} ms   p95 ${round(matcher.indexBuildMs.p95, 2)} ms`);
console.log(`  lookup       median ${round(matcher.lookupUs.median, 2)} µs   p95 ${round(matcher.lookupUs.p95, 2)} µs   (${matcher.pageIdentifiers} page identifiers)`);
printStore(store);
console.log('\nTeam hub (its own process, loopback)');
for (const kind of ['pglite', 'postgres']) {
  const h = hub[kind];
  if (!h || h.skipped || h.error) {
    console.log(`  ${kind}: ${h?.skipped ?? h?.error ?? 'not run'}`);
    continue;
  }
  console.log(`  ${kind}: ${h.eventsPerSecond.batch1} events/s in batches of 1, ${h.eventsPerSecond.batch100} in batches of 100`);
  for (const [members, l] of Object.entries(h.latencyMs)) console.log(`    delivery to ${members.padStart(3)} members  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms`);
  const sc = h.scale;
  if (sc) {
    const a = sc.announce2000;
    console.log(`    one workspace, single-event pushes from many members: ${sc.singleEventPushesPerSecond}/s (answer p50 ${sc.pushAnswerMs.p50} ms, p95 ${sc.pushAnswerMs.p95} ms)`);
    console.log(`    2,000 sockets, ${a.achievedPushesPerSecond} pushes/s: push → announcement p50 ${a.p50} ms  p95 ${a.p95} ms  p99 ${a.p99} ms (${a.missed} missed); hub RSS peak ${sc.rssMiB2000.peak} MiB, ${sc.rssMiB2000.afterGc} after GC`);
  }
}
console.log(`  memory (${hub.memory.database}): ${hub.memory.rssMiB.idle} MiB RSS idle, ${hub.memory.rssMiB.connections500} MiB with 500 connections (heap ${hub.memory.heapMiB.idle} → ${hub.memory.heapMiB.connections500} MiB)`);
console.log(`\nSide panel, built extension in Chromium, ${panel.store.handoffs} handoffs / ${panel.store.events} events in the store`);
console.log(`  first render (client + open handoffs)   p50 ${panel.firstRenderMs.p50} ms   p95 ${panel.firstRenderMs.p95} ms   (${panel.firstRenderMs.runs} runs)`);
console.log(`  Gmail navigation → panel shows client   p50 ${panel.gmailNavigationToPanelMs.p50} ms   p95 ${panel.gmailNavigationToPanelMs.p95} ms   (${panel.gmailNavigationToPanelMs.runs} navigations)`);
const top = (p, n = 5) => p.topFunctions.slice(0, n).map((f) => `${f.name} ${f.share}%`).join(', ');
console.log(`\nMetrics, ${metrics.events} events (${metrics.shape.failures} failures) over ${metrics.logSpan.days} days, ${metrics.query.from} – ${metrics.query.to} ${metrics.query.timeZone}, in Chromium (budget ${metrics.budgetMs} ms)`);
console.log(`  cold (first run)                      fold ${metrics.coldMs.fold} ms + compute ${metrics.coldMs.compute} ms = ${metrics.coldMs.total} ms`);
const w = metrics.warmMs;
console.log(`  warm                                  fold p50 ${w.fold.p50} ms   compute p50 ${w.compute.p50} ms   total p50 ${w.total.p50} ms   p95 ${w.total.p95} ms   (${w.total.runs} runs)`);
console.log(`  filter change (client ${metrics.clientRecomputeMs.clientId}, compute only)   first ${metrics.clientRecomputeMs.first} ms   p50 ${metrics.clientRecomputeMs.p50} ms   p95 ${metrics.clientRecomputeMs.p95} ms   (${metrics.clientRecomputeMs.runs} runs)`);
console.log(`  profile, cold run (self time): ${top(metrics.profile.cold)}`);
console.log(`  profile, warm runs (self time): ${top(metrics.profile.warm)}`);
const d = dashboard;
console.log(`\nDashboard, built extension in Chromium, ${d.store.events} events (${d.store.handoffs} handoffs, ${d.store.failures} failures) in the store, ${d.url.replace(/^.*\?/, '')} (budget ${d.budgetMs} ms)`);
console.log(`  first render (KPI tiles + 4 charts drawn)   p50 ${d.firstRenderMs.p50} ms   p95 ${d.firstRenderMs.p95} ms   max ${d.firstRenderMs.max} ms   (${d.firstRenderMs.runs} reloads; first open ${d.firstOpenMs.ready} ms)`);
const sp = d.split;
console.log(`  of which (p50): React mounted at ${sp.toReactMountMs.p50} ms, saved facts read and checked at ${sp.app.savedRead.p50} ms, events since folded at ${sp.app.ready.p50} ms, metrics computed at ${sp.app.computed.p50} ms, charts ${sp.chartsMs.p50} ms after the tiles`);
console.log(`  what the saved facts spare: the whole log, plain IndexedDB in the page (${d.rawReadMs.getAll.runs} runs), getAll of every record p50 ${d.rawReadMs.getAll.p50} ms, getAllKeys p50 ${d.rawReadMs.getAllKeys.p50} ms`);
console.log(`  profile, one reload (self time by script): ${d.profile.byScript.slice(0, 5).map((f) => `${f.name} ${f.share}%`).join(', ')}`);
console.log(`  profile, one reload (self time): ${top(d.profile)}`);
console.log('\nWrote bench/results.json');
