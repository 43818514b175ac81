import { defineConfig } from '@playwright/test';

// The Firefox smoke suite: Playwright's runner only (no Playwright browser), each spec driving real
// Firefox ESR through puppeteer-core over WebDriver BiDi. Run it with `npm run test:firefox`, which
// finds Firefox and builds the add-on first.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/firefox',
  // One Firefox at a time: two cores do not run two of them well.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
});
