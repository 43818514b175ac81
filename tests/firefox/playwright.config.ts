import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config.ts';

// The Firefox smoke suite: Playwright's runner only (no Playwright browser), each spec driving real
// Firefox ESR through puppeteer-core over WebDriver BiDi. Run it with `npm run test:firefox`, which
// finds Firefox and builds the add-on first. Everything else (one worker, retries in CI, reporter,
// timeouts) as the Chromium end-to-end tests have it.
export default defineConfig(e2e, {
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/firefox',
});
