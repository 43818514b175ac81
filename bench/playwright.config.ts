import { defineConfig } from '@playwright/test';

// The side-panel benchmarks (bench/panel.bench.spec.ts) run in real Chromium with the e2e build, through
// Playwright so they share the e2e harness; `npm run bench` runs them and prints the figures.
export default defineConfig({
  testDir: '.',
  testMatch: /\.bench\.spec\.ts$/,
  outputDir: '../test-results/bench',
  workers: 1,
  reporter: 'line',
  timeout: 600_000,
});
