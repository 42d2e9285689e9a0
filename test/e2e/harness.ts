/**
 * The e2e harness: the BUILT extension (.output/chrome-mv3-e2e) in Debian Chromium, headless, a fresh profile per
 * test, with the fixture server's real host names mapped to it (test/README.md: --host-resolver-rules + the
 * certificate's SPKI). Modelled on WXT's e2e example: fixtures hand tests the context, the extension id, the service
 * worker and a popup page object.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FixtureServer } from '../fixtures/server';
import { serveFixtures } from './fixture-server-fixture';
import { fixtureChromiumArgs } from '../fixtures/chromium-args';
import { PopupPage } from './popup-page';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** The DevTools port, used to reach the real toolbar popup (Playwright's persistent context does not list it). */
  debuggingPort: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `extensionDir`: another copy of the built extension (the bench adds a baseline page to one). */
export async function launchExtension(server: FixtureServer, options: { colorScheme?: 'light' | 'dark'; extensionDir?: string } = {}) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build --mode e2e\` (or \`npm run build:e2e\`) first.`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'pch-e2e-'));
  const debuggingPort = await freePort();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--remote-debugging-port=${debuggingPort}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...fixtureChromiumArgs(server),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const launched: LaunchedExtension = { context, extensionId, serviceWorker, userDataDir, debuggingPort };
  return launched;
}

export async function closeExtension(launched: LaunchedExtension) {
  await launched.context.close();
  await rm(launched.userDataDir, { recursive: true, force: true });
}

interface TestFixtures {
  extension: LaunchedExtension;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  popup: PopupPage;
}

interface WorkerFixtures {
  fixtures: FixtureServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtures: [serveFixtures, { scope: 'worker' }],
  extension: async ({ fixtures }, use) => {
    const launched = await launchExtension(fixtures);
    await use(launched);
    await closeExtension(launched);
  },
  context: async ({ extension }, use) => use(extension.context),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  serviceWorker: async ({ extension }, use) => use(extension.serviceWorker),
  popup: async ({ extension }, use) => use(new PopupPage(extension)),
});

export { expect } from '@playwright/test';
export type { Page };
