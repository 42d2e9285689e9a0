import { defineConfig } from '@playwright/test';

/**
 * E2E over the BUILT extension (`npx wxt build --mode e2e` first) in Debian Chromium (test/e2e/harness.ts).
 * One worker: the machine has 2 cores and every test launches a full Chromium with a fresh profile; the fixture
 * server (fake PingOne + look-alike consoles) is started once per worker.
 */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
});
