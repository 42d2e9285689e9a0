/**
 * The popup fits its window: at 400 x 600 px, for each kind of credential over each console (and over no console),
 * right after the paste and without scrolling, what was read, the verdict line and the primary action are in view,
 * every error's message and hint too, and the primary action is at most 2 Tab presses away. Light and dark
 * screenshots of each state (the viewport only: what the admin sees) go to .output/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { consoleById } from '../../lib/consoles';
import type { ConsoleId } from '../../lib/consoles/types';
import { readCredential } from '../../lib/credential';
import type { SampleKey } from '../fixtures/samples';
import { DEMO_SETTINGS } from './extension-page';
import { expect, test, type Page } from './harness';
import type { Locator } from '@playwright/test';

const OUT = path.resolve('.output/screenshots');
const VIEWPORT = { width: 400, height: 600 };

const KINDS: { kind: string; key: SampleKey }[] = [
  { kind: 'gateway JWT', key: 'gatewayDev' },
  { kind: 'product JWT', key: 'productDev' },
  { kind: 'OIDC app lines', key: 'webAppDevLines' },
  { kind: 'Cloudflare JSON', key: 'webAppDevCloudflareJson' },
];

const CONSOLES: { id: ConsoleId | 'none'; name: string }[] = [
  { id: 'none', name: 'no console' },
  { id: 'cloudflare', name: 'Cloudflare Zero Trust' },
  { id: 'aic', name: 'Advanced Identity Cloud' },
  { id: 'pingaccess', name: 'PingAccess' },
  { id: 'pingfederate', name: 'PingFederate' },
];

test.beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
});

/** The element's whole box is inside the viewport. */
async function expectInView(page: Page, locator: Locator, what: string) {
  const height = await page.evaluate(() => window.innerHeight);
  expect(height, 'the popup is at most 600 px high').toBeLessThanOrEqual(VIEWPORT.height);
  const box = await locator.boundingBox();
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.y, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends inside the viewport`).toBeLessThanOrEqual(height);
  expect(box!.x + box!.width, `${what} ends inside the 400 px viewport`).toBeLessThanOrEqual(VIEWPORT.width);
}

for (const { kind, key } of KINDS) {
  for (const target of CONSOLES) {
    test(`${kind} over ${target.name}: what it is, the verdict and the primary action in one 400 x 600 screen`, async ({ popup, context, fixtures }) => {
      await popup.openInTab();
      if (target.id !== 'none') {
        await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
        await popup.close();
        const tab = await context.newPage();
        await tab.goto(fixtures.consoleUrl(target.id));
        await popup.openOver(tab);
      }
      const page = popup.page;
      // The real toolbar popup is its own window, which Chromium caps at 600 px high (no emulation reaches it): its
      // viewport is the one measured. Over no console, the popup as a tab is set to 400 x 600.
      if (target.id === 'none') await page.setViewportSize(VIEWPORT);
      await popup.paste(fixtures.samples[key].text);

      // No console: no fill ("why not" is said beside its button); Test connection is the action.
      const primary = popup.button(target.id === 'none' ? 'Test connection' : `Fill ${target.name}`, true);
      await expect(primary).toBeEnabled();
      // The box folded to one line; focus on its "Change"; the primary action within 2 Tab presses.
      await expect(page.locator('.credential-folded')).toContainText(/characters/);
      await expect(popup.button('Change', true)).toBeFocused();
      let tabs = 0;
      while (tabs < 2 && !(await primary.evaluate((element) => element === document.activeElement))) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      await expect(primary).toBeFocused();
      // Focus moved without scrolling: the check below is of the screen the admin got.
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

      await expectInView(page, primary, 'the primary action');
      if (target.id === 'none') await expectInView(page, page.locator('#fill-reason'), 'why there is no fill');
      await expectInView(page, page.locator('.identity'), 'what was read');
      await expectInView(page, page.locator('.checks-counts'), 'the verdict line');
      await expect(page.locator('.checks-counts')).toHaveText(/\d+ (passed|errors?|warnings?|notes?)/);
      if (target.id !== 'none') await expectInView(page, page.locator('.target .tier, .target-line').first(), 'the tenant line');
      const errors = popup.checks.locator('[data-level="error"]');
      for (const error of await errors.all()) {
        await expectInView(page, error.locator('.check-message'), 'an error’s message');
        const hint = error.locator('.check-hint');
        if (await hint.count()) await expectInView(page, hint, 'an error’s hint');
      }
      // A kind the console does not take is an error: here the error branch above is sure to have run.
      const read = readCredential(fixtures.samples[key].text);
      if (!read.ok) throw new Error(read.error.message);
      if (target.id !== 'none' && !consoleById(target.id).accepts.includes(read.credential.kind)) expect(await errors.count()).toBeGreaterThan(0);

      const name = `fits-${key}-${target.id}`;
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}.png`) });
      }
    });
  }
}

test('with no script run at all, popup.html itself draws the empty popup: its heading, the Credential box (focused) and "Paste from clipboard"', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  // Chromium runs no script in this page (https://chromedevtools.github.io/devtools-protocol/tot/Emulation/#method-setScriptExecutionDisabled):
  // what shows is the first paint before main.tsx, from the HTML and CSS alone.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Credential' });
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  await expect(page.getByRole('button', { name: 'Paste from clipboard' })).toBeVisible();
  // The script's own parts are absent: it did not run.
  await expect(page.getByRole('button', { name: /^Options/ })).toHaveCount(0);
  // What the admin types there is what the script will find (entrypoints/popup/early-input.ts, and its test).
  await box.fill('typed before the script');
  await expect(box).toHaveValue('typed before the script');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `fits-before-script-${colorScheme}.png`) });
  }
});

test('a credential pasted while the popup\'s script is held back is read once the script runs', async ({ context, extensionId, fixtures }) => {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  // The entry chunk is held at the network layer until the paste is done (https://chromedevtools.github.io/devtools-protocol/tot/Fetch/):
  // the admin's text lands in popup.html's own box, before main.tsx exists.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/chunks/popup-*.js' }] });
  const held = new Promise<string>((resolve) => cdp.once('Fetch.requestPaused', ({ requestId }) => resolve(requestId)));
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  const requestId = await held;
  const box = page.getByRole('textbox', { name: 'Credential' });
  await box.fill(fixtures.samples.gatewayDev.text);
  // Still held: none of the script's own parts is drawn yet.
  await expect(page.getByRole('button', { name: /^Options/ })).toHaveCount(0);
  await cdp.send('Fetch.continueRequest', { requestId });
  await expect(page.locator('.checks-counts')).toContainText('Checks');
  await expect(page.getByText('gateway JWT · 1,052 characters')).toBeVisible();
});
