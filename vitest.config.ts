import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Starts a throwaway PostgreSQL for the hub's real-database tests (PGlite runs them regardless).
    globalSetup: ['tests/server/global-setup.ts'],
    restoreMocks: true,
    // As the e2e tests do: in CI a test that failed once runs once more (the timing-heavy hub and
    // live-stream tests share two cores); a real failure fails twice.
    retry: process.env.CI ? 1 : 0,
  },
});
