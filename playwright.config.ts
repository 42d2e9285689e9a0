import { defineConfig } from '@playwright/test';

/**
 * E2E over the BUILT extension in Debian Chromium. Each spec file launches its own persistent context (see
 * test/e2e/harness.ts), so files are isolated; one worker because the machine has 2 cores and every context
 * is a full Chromium.
 */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
