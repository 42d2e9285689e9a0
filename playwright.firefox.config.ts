import { defineConfig } from '@playwright/test';

/**
 * E2E over the BUILT Firefox extension (`npm run build:firefox-e2e` and `npm run build:firefox` first) in Debian's firefox-esr, launched by
 * puppeteer-core over WebDriver BiDi (test/e2e/firefox/firefox-driver.ts) under Playwright's runner, so both
 * browsers report alike. One worker: 2 cores, and each test starts its own Firefox.
 */
export default defineConfig({
  testDir: 'test/e2e/firefox',
  testMatch: '**/*.firefox.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/firefox',
});
