import { defineConfig } from '@playwright/test';

// End-to-end tests: the built extension (`npm run build:e2e`) in Chromium against local fixture
// pages. Run them with `npm run test:e2e`, which finds Chromium and builds first.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Each test launches its own browser; two cores do not run two of them well.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The tests launch their own browser (tests/e2e/support/test.ts), which keeps a trace and
  // screenshots of every tab when a test fails.
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
