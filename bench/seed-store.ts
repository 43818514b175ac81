// Shared by the Playwright benchmarks (bench/*.bench.spec.ts): fills a freshly launched Baton's local
// store with the benchmark agency (bench/panel-seed.ts: 200 clients, 10,000 handoffs, 100,000 events),
// from its options page, then stops the service worker so it reads the seeded store afresh.
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Baton } from '../tests/e2e/support/baton.ts';

export const TMP = join(ROOT, 'bench', 'tmp');

export type Reply = { ok: boolean; data?: unknown; error?: { message: string } };

export interface Seeded {
  /** The options page the store was seeded from, still open: the caller closes it. */
  options: Page;
  /** Sends one request to the background from that page. */
  send(message: unknown): Promise<Reply>;
  store: { events: number; handoffs: number; clients: number; failures: number };
  seedMs: number;
}

/** Figures a benchmark reports for a set of samples. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), max: at(1), runs: samples.length };
}

/** `failures`: how many of the log's closing call summaries become failures (see agencyLog). */
export async function seedAgency(baton: Baton, options: { failures?: number } = {}): Promise<Seeded> {
  mkdirSync(TMP, { recursive: true });
  await build({ entryPoints: [join(ROOT, 'bench', 'panel-seed.ts')], bundle: true, format: 'iife', outfile: join(TMP, 'panel-seed.js'), logLevel: 'error' });
  // Seed from an extension page: same origin as the background, so the same IndexedDB.
  const page = await baton.openExtensionPage('options.html');
  const send = (message: unknown) => page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<Reply>;
  await send({ type: 'me/get' }); // opens the local workspace
  await page.evaluate(readFileSync(join(TMP, 'panel-seed.js'), 'utf8'));
  const seedStart = Date.now();
  const store = await page.evaluate((o) => (globalThis as unknown as { seedBaton(o: { failures?: number }): Promise<Seeded['store']> }).seedBaton(o), options);
  const seedMs = Date.now() - seedStart;
  console.error(`seeded ${JSON.stringify(store)} in ${seedMs} ms`);
  // The worker caches its matcher: stop it, as Chrome does when idle, so it reads the seeded store.
  const cdp = await baton.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  return { options: page, send, store, seedMs };
}
