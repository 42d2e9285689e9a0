/** Playwright's runner, Firefox's browser: fixtures hand each test a fresh Firefox with the built extension (./firefox-driver.ts). */
import { test as base } from '@playwright/test';
import { startConnectProxy, type ConnectProxy } from '../../fixtures/connect-proxy';
import type { FixtureServer } from '../../fixtures/server';
import { serveFixtures } from '../fixture-server-fixture';
import { closeFirefox, FIREFOX_EXTENSION_DIR, launchFirefox, type FirefoxLaunch } from './firefox-driver';

/**
 * `firefox`: a fresh Firefox and profile per test. `sharedFirefox`: one per worker, for tests that only open tabs of
 * their own and read what the fill did there (the refusal variants), since each launch costs seconds on 2 cores.
 */
export const test = base.extend<{ firefox: FirefoxLaunch; extensionDir: string }, { fixtures: FixtureServer; connectProxy: ConnectProxy; sharedFirefox: FirefoxLaunch }>({
  fixtures: [serveFixtures, { scope: 'worker' }],
  connectProxy: [
    async ({ fixtures }, use) => {
      const proxy = await startConnectProxy(fixtures.hostResolverRules);
      await use(proxy);
      await proxy.close();
    },
    { scope: 'worker' },
  ],
  sharedFirefox: [
    async ({ fixtures, connectProxy }, use) => {
      const launched = await launchFirefox(fixtures, connectProxy);
      await use(launched);
      await closeFirefox(launched);
    },
    { scope: 'worker' },
  ],
  /** Which build `firefox` installs: the e2e flavour unless a test asks for another (`test.use`). */
  extensionDir: [FIREFOX_EXTENSION_DIR, { option: true }],
  firefox: async ({ fixtures, connectProxy, extensionDir }, use) => {
    const launched = await launchFirefox(fixtures, connectProxy, extensionDir);
    await use(launched);
    await closeFirefox(launched);
  },
});

export { expect } from '@playwright/test';
