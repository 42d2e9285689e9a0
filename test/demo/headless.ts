/**
 * `npm run demo:headless`: the demo for a machine without a display. It walks the admin's main flow by itself in
 * headless Chromium, with the built extension (e2e flavour) and the local fixtures, and writes a screenshot of every
 * step: the demo guide, the Cloudflare look-alike console, the REAL toolbar popup over it (PopupPage.openOver) with a
 * sample credential pasted, the fill and what the console's React state received, and the connection test against
 * the fake PingOne. It stops at the first step that fails, with a screenshot of where it stood, and exits 1.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { closeExtension, launchExtension } from '../e2e/harness';
import { PopupPage } from '../e2e/popup-page';
import { CONSOLE_ORIGINS } from '../fixtures/environments';
import { startFixtureServer } from '../fixtures/server';
import { LISTING_SCREENSHOTS, SCREENSHOT_SIZE } from '../../lib/listing/listing';
import { writeListingShot } from './listing-shot';

const SCREENSHOTS = path.resolve('.output/demo-screenshots');
/** `--listing <dir>` (npm run store): the console at 1280 x 800, and the store listing's screenshots written there too. */
const listingAt = process.argv.indexOf('--listing');
const LISTING = listingAt > 0 ? path.resolve(process.argv[listingAt + 1]!) : undefined;
/** The credential the walk pastes: the Acme Dev web app as copied from PingOne (its Issuer line names the region). */
const SAMPLE = 'webAppDevLines';
const STEP_TIMEOUT_MS = 30_000;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

await rm(SCREENSHOTS, { recursive: true, force: true });
await mkdir(SCREENSHOTS, { recursive: true });
if (LISTING) await rm(LISTING, { recursive: true, force: true }).then(() => mkdir(LISTING, { recursive: true }));
const written: string[] = [];
async function screenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, `${String(written.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  written.push(file);
}

/** Resolves once the console's own record of what React received (its app-state) holds a client id. */
async function waitForFilledClientId(page: Page) {
  await page.waitForFunction(
    () => {
      const state = JSON.parse(document.querySelector('[data-testid="app-state"]')?.textContent ?? '{}') as { clientId?: string };
      return Boolean(state.clientId);
    },
    undefined,
    { timeout: STEP_TIMEOUT_MS },
  );
}

const server = await startFixtureServer();
const extension = await launchExtension(server);
const popup = new PopupPage(extension);
const sample = server.samples[SAMPLE];
let current: Page | undefined;
let failed = false;

async function step(title: string, run: () => Promise<void>) {
  process.stdout.write(`- ${title} ... `);
  await run();
  console.log(`done (${elapsed()})`);
}

try {
  const guide = extension.context.pages()[0] ?? (await extension.context.newPage());
  current = guide;
  await step('open the demo guide', async () => {
    await guide.goto(`${CONSOLE_ORIGINS.demo}/`);
    await screenshot(guide, 'demo-guide');
  });

  const console_ = await extension.context.newPage();
  current = console_;
  if (LISTING) await console_.setViewportSize(SCREENSHOT_SIZE);
  const listingShot = async (name: (typeof LISTING_SCREENSHOTS)[number], region?: string) => {
    const shown = region ? popup.page.getByRole('region', { name: region }) : undefined;
    if (LISTING) await writeListingShot(console_, popup.page, path.join(LISTING, name), shown);
  };
  await step('open the Cloudflare Zero Trust look-alike at one.dash.cloudflare.com', async () => {
    await console_.goto(server.consoleUrl('cloudflare'));
    await console_.getByTestId('app-state').waitFor();
    await screenshot(console_, 'cloudflare-console');
  });

  await step(`open the extension's toolbar popup over it and paste "${sample.title}"`, async () => {
    await popup.openOver(console_);
    current = popup.page;
    await popup.paste(sample.text);
    await popup.checks.waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(popup.page, 'popup-credential-read');
    await listingShot('1-credential-checked.png');
  });

  await step('click "Fill Cloudflare Zero Trust"', async () => {
    await popup.button('Fill Cloudflare Zero Trust').click();
    await popup.page.getByRole('region', { name: 'Fill report' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(popup.page, 'popup-fill-report');
    current = console_;
    await waitForFilledClientId(console_);
    await screenshot(console_, 'cloudflare-console-filled');
    await listingShot('2-console-filled.png', 'Fill report');
  });

  await step('click "Test connection" (the fake PingOne answers)', async () => {
    current = popup.page;
    await popup.button('Test connection').click();
    await popup.page
      .getByRole('region', { name: 'Connection test' })
      .getByText(/Finished without failures|found a problem/)
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(popup.page, 'popup-connection-test');
    await listingShot('3-connection-tested.png', 'Connection test');
  });

  await step('click Save on the console: it shows what its React state received', async () => {
    current = console_;
    await console_.bringToFront();
    await console_.getByRole('button', { name: 'Save' }).click();
    await console_.getByTestId('saved-state').waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(console_, 'cloudflare-console-saved');
  });
} catch (error) {
  failed = true;
  console.log('FAILED');
  console.error(error instanceof Error ? error.message : String(error));
  if (current && !current.isClosed()) await screenshot(current, 'where-it-stopped').catch(() => undefined);
} finally {
  await popup.close().catch(() => undefined);
  await closeExtension(extension);
  await server.close();
}

console.log(`\n${failed ? 'The walk stopped early' : 'The walk finished'} in ${elapsed()}. Screenshots (${written.length}) in ${SCREENSHOTS}:`);
for (const file of written) console.log(`  ${path.basename(file)}`);
process.exit(failed ? 1 : 0);
