// What Baton's Gmail content script costs a Gmail page load, in real Chromium with the production
// build: the saved Gmail thread (tests/fixtures/sites/gmail-thread.html, served at its real URL) is
// reloaded again and again, once under CDP's sampling profiler and once under a trace, and only the
// content script's own share of the page's main thread is counted. Figures go to bench/tmp/gmail.json;
// nothing here passes or fails on speed.
import { test, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, launchBaton, mustRequest, ROOT } from '../tests/e2e/support/baton.ts';
import { readExpected } from '../tests/e2e/support/expected.ts';
import { TMP } from './seed-store.ts';

const FIXTURE = 'gmail-thread';
const LOADS = Number(process.env.BATON_BENCH_LOADS ?? 20);
/** 50 µs: a content script's whole run is a few milliseconds, so the profiler's default (1 ms) would see little of it. */
const SAMPLING_US = 50;
/** After the Capture button is placed: the page watcher's debounce and the prompt fetch have run. */
const SETTLE_MS = 1000;

type Cost = { selfMs: number; withCallsMs: number; evaluationMs: number };
type ProfileModule = { scriptCost(profile: unknown, scriptUrl: string): Cost };
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** One reload of the Gmail tab, until the content script has placed its button and gone quiet. */
async function loadOnce(gmail: Page): Promise<void> {
  await gmail.reload({ waitUntil: 'load' });
  await gmail.locator('[data-baton-capture]').waitFor();
  await gmail.waitForTimeout(SETTLE_MS);
}

/** The sampling profiler around each of `LOADS` reloads: the script's share of each. */
async function profiledLoads(cdp: CDPSession, gmail: Page, scriptUrl: string, { scriptCost }: ProfileModule): Promise<Cost[]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  const costs: Cost[] = [];
  for (let i = 0; i < LOADS; i++) {
    await cdp.send('Profiler.start');
    await loadOnce(gmail);
    const { profile } = await cdp.send('Profiler.stop');
    costs.push(scriptCost(profile, scriptUrl));
    // The last one, to open in DevTools (Performance → Load profile) and see where the time went.
    if (i === LOADS - 1) writeFileSync(join(TMP, 'gmail.cpuprofile'), JSON.stringify(profile));
  }
  await cdp.send('Profiler.disable');
  return costs;
}

/**
 * A trace around each of `LOADS` reloads: how long the browser spent evaluating the script (its
 * compile and top-level run, `EvaluateScript`) and in the callbacks it called into it (`FunctionCall`).
 */
async function tracedLoads(cdp: CDPSession, gmail: Page, scriptUrl: string): Promise<{ evaluateMs: number; callbacksMs: number; callbacks: number }[]> {
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const events: TraceEvent[] = [];
    const collect = ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
    await loadOnce(gmail);
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const ours = (name: string) => events.filter((e) => e.name === name && e.ph === 'X' && e.args?.data?.url === scriptUrl);
    const ms = (list: TraceEvent[]) => list.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
    loads.push({ evaluateMs: ms(ours('EvaluateScript')), callbacksMs: ms(ours('FunctionCall')), callbacks: ours('FunctionCall').length });
  }
  return loads;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const quantiles = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { p50: at(0.5), p95: at(0.95), max: at(1), runs: samples.length };
};

test('Gmail content script figures', async () => {
  const profiles = (await import(pathToFileURL(join(ROOT, 'bench', 'cpu-profile.mjs')).href)) as ProfileModule;
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[]; js: string[] }[] };
  const script = manifest.content_scripts.find((cs) => cs.matches.some((m) => m.startsWith('https://mail.google.com/')))!.js[0]!;
  mkdirSync(TMP, { recursive: true });
  const baton = await launchBaton();
  try {
    // A page of a known client, as in daily use: the background matches it and answers.
    const options = await baton.openExtensionPage('options.html');
    await mustRequest(options, { type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    await options.close();
    const { url } = readExpected(FIXTURE);
    baton.server.setFixture(new URL(url).hostname, FIXTURE);
    const gmail = await baton.context.newPage();
    await gmail.goto(url);
    await gmail.locator('[data-baton-capture]').waitFor();
    const scriptUrl = `chrome-extension://${baton.extensionId}/${script}`;

    const cdp = await baton.context.newCDPSession(gmail);
    const sampled = await profiledLoads(cdp, gmail, scriptUrl, profiles);
    const traced = await tracedLoads(cdp, gmail, scriptUrl);
    await cdp.detach();

    const bytes = readFileSync(join(EXTENSION_DIR, script));
    const figures = {
      extension: relative(ROOT, EXTENSION_DIR),
      script,
      scriptBytes: bytes.length,
      fixture: `tests/fixtures/sites/${FIXTURE}.html`,
      loads: LOADS,
      profile: {
        samplingIntervalUs: SAMPLING_US,
        selfMs: quantiles(sampled.map((c) => c.selfMs)),
        withCallsMs: quantiles(sampled.map((c) => c.withCallsMs)),
        evaluationMs: quantiles(sampled.map((c) => c.evaluationMs)),
      },
      trace: {
        evaluateScriptMs: quantiles(traced.map((t) => t.evaluateMs)),
        callbacksMs: quantiles(traced.map((t) => t.callbacksMs)),
        callbacksPerLoad: quantiles(traced.map((t) => t.callbacks)),
      },
      method: `the production build in headless Chromium; ${FIXTURE}.html at its Gmail URL, one matching client in the store; after a first load, ${LOADS} reloads each under CDP Profiler (${SAMPLING_US} µs sampling) and ${LOADS} under a devtools.timeline trace, each until the Capture button is placed plus ${SETTLE_MS} ms. Profile: selfMs = samples in the content script's own functions; withCallsMs = plus the built-in and DOM functions it called; evaluationMs = its top-level run. Trace: EvaluateScript (compile + top-level run) and FunctionCall (callbacks into the script) events with the script's URL`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverage: round(loadavg()[0]!, 2),
      date: new Date().toISOString(),
    };
    console.error(JSON.stringify(figures, null, 2));
    writeFileSync(join(TMP, 'gmail.json'), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await baton.close();
  }
});
