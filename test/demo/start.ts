/**
 * `npm start`: the product, for a person to try. Starts the fake PingOne and the look-alike consoles, then opens a
 * HEADED Chromium with the extension (e2e build: the demo's self-hosted consoles are pre-granted) and the demo guide.
 * Without a display it says so and points at `npm run demo:headless`, which walks the flow by itself.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSOLE_ORIGINS } from '../fixtures/environments';
import { fixtureChromiumArgs } from '../fixtures/chromium-args';
import { startFixtureServer } from '../fixtures/server';
import { CHROMIUM, EXTENSION_DIR } from '../e2e/harness';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'npm start needs a display to show Chromium, and this machine has none (DISPLAY is not set).',
      'Run `npm run demo:headless` instead: it walks the main flow by itself and writes screenshots to a folder it names.',
    ].join('\n'),
  );
  process.exit(2);
}

const server = await startFixtureServer();
const userDataDir = await mkdtemp(path.join(tmpdir(), 'pch-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    ...fixtureChromiumArgs(server),
  ],
});
const guide = context.pages()[0] ?? (await context.newPage());
await guide.goto(`${CONSOLE_ORIGINS.demo}/`);

console.log('PingOne Connection Helper demo is running.');
console.log(`  guide:     ${CONSOLE_ORIGINS.demo}/`);
console.log(`  consoles:  ${CONSOLE_ORIGINS.cloudflare}, ${CONSOLE_ORIGINS.aic}, ${CONSOLE_ORIGINS.pingaccess}, ${CONSOLE_ORIGINS.pingfederate}`);
console.log('  fake PingOne: auth.pingone.com / auth.pingone.eu (and api.*), all local.');
console.log('Close the browser window or press Ctrl+C to stop.');

async function shutdown() {
  await context.close().catch(() => undefined);
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
  process.exit(0);
}
context.on('close', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
