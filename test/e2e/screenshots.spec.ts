/**
 * Screenshots of the popup from the BUILT extension, light and dark, for each kind of credential, an error, the real
 * toolbar popup over consoles (fill report, blocked fill, PingFederate's extra scopes) and a finished connection
 * test, saved to .output/screenshots/ for people to look at. Each state is also checked for horizontal overflow at 400 px.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SampleKey } from '../fixtures/samples';
import { DEMO_SETTINGS, storedVault } from './extension-page';
import { expect, test, type Page } from './harness';

const OUT = path.resolve('.output/screenshots');

test.beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
});

/** Both themes of the same state: prefers-color-scheme is emulated, the popup's CSS follows it. */
async function shoot(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} (${colorScheme}) scrolls sideways`).toBe(0);
    await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}.png`), fullPage: true });
  }
}

test('empty popup and an error', async ({ popup }) => {
  await popup.openInTab();
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await shoot(popup.page, 'popup-empty');
  await popup.paste('eyJhbGciOiJSUzI1NiJ9.@@not-base64@@.c2ln');
  await expect(popup.page.getByRole('alert').first()).not.toBeEmpty();
  await shoot(popup.page, 'popup-error');
});

const KINDS: SampleKey[] = ['gatewayDev', 'productDev', 'webAppDevCloudflareJson', 'webAppProductionLines'];
for (const key of KINDS) {
  test(`popup with ${key}`, async ({ popup, fixtures }) => {
    await popup.openInTab();
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.paste(fixtures.samples[key].text);
    await expect(popup.checks).toBeVisible();
    // Read, the box folds to one line: its text is not drawn at all.
    await expect(popup.button('Change', true)).toBeVisible();
    await shoot(popup.page, `popup-${key}`);
  });
}

test('connection test report', async ({ popup, fixtures }) => {
  await popup.openInTab();
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.paste(fixtures.samples.workerDevLines.text);
  await expect.poll(async () => (await storedVault(popup.page)) !== undefined).toBe(true);
  await popup.button('Test connection').click();
  const region = popup.page.getByRole('region', { name: 'Connection test' });
  await expect(region).toContainText(/Finished without failures|found a problem/, { timeout: 30_000 });
  await shoot(popup.page, 'popup-connection-test');
});

test('toolbar popup over consoles: fill report, then a blocked fill', async ({ popup, context, fixtures }) => {
  await popup.openInTab();
  await popup.paste(fixtures.samples.webAppDevCloudflareJson.text);
  await expect.poll(async () => (await storedVault(popup.page)) !== undefined).toBe(true);
  await popup.close();

  const cloudflare = await context.newPage();
  await cloudflare.goto(fixtures.consoleUrl('cloudflare'));
  await popup.openOver(cloudflare);
  await popup.button('Remember this tenant uses this environment').click();
  await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText('Expects environment');
  await popup.button('Fill Cloudflare Zero Trust').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toBeVisible();
  await shoot(popup.page, 'popup-over-cloudflare-filled');
  await popup.close();

  // A gateway credential on Advanced Identity Cloud: the wrong kind blocks the fill until the admin overrides.
  const aic = await context.newPage();
  await aic.goto(fixtures.consoleUrl('aic'));
  await popup.openOver(aic);
  await popup.paste(fixtures.samples.gatewayDev.text);
  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(popup.button('Fill anyway')).toBeVisible();
  await shoot(popup.page, 'popup-over-aic-blocked');
  await popup.close();
});

test('toolbar popup over PingFederate: the extra scopes', async ({ popup, context, fixtures }) => {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
  await popup.paste(fixtures.samples.webAppDevLines.text);
  await expect.poll(async () => (await storedVault(popup.page)) !== undefined).toBe(true);
  await popup.close();

  const pingFederate = await context.newPage();
  await pingFederate.goto(fixtures.consoleUrl('pingfederate'));
  await popup.openOver(pingFederate);
  await (await popup.fillOption('Extra scopes')).fill('profile email');
  await expect(popup.page.getByText('Scopes filled: openid profile email')).toBeVisible();
  await shoot(popup.page, 'popup-over-pingfederate-scopes');
  await popup.close();
});
