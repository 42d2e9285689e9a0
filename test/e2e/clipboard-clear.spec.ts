/**
 * A secret copied from the popup does not outstay its use, on the BUILT extension in Chromium: the
 * extension takes it off the clipboard after 30 s, on Clear and when the vault's idle time runs out, with the popup
 * open or long closed (then an offscreen document does it), and only while the clipboard still holds what was copied.
 * The clipboard is the browser's own, read with `navigator.clipboard` in an extension page (clipboardRead).
 * The 30 s alarm and the idle alarm are fired early, as the background's own alarms, rather than waited for.
 */
import { client } from '../fixtures/environments';
import { COPIED_SECRET_ALARM } from '../../lib/copied-secret';
import { VAULT_IDLE_ALARM } from '../../lib/vault';
import { storedVault } from './extension-page';
import { expect, test, type Page } from './harness';
import type { PopupPage } from './popup-page';

const secret = client('dev', 'web-app').clientSecret;

async function clipboardText(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The OIDC application in the popup, then its client secret copied with the Copy button next to it. */
async function copyClientSecret(popup: PopupPage, text: string) {
  await popup.openInTab();
  await popup.page.bringToFront();
  await popup.paste(text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(text);
  const group = await popup.secret('Client secret');
  await group.getByRole('button', { name: 'Copy' }).click();
  await expect(group.getByRole('status')).toContainText('Copied');
}

/** An extension page to read the clipboard with once the popup is closed. */
async function reader(popup: PopupPage, extensionId: string): Promise<Page> {
  const page = await popup.page.context().newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test.beforeEach(async ({ context }) => {
  // Granted for every origin: CDP's Browser.grantPermissions refuses a chrome-extension:// origin ("opaque origins").
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a copied secret leaves the clipboard when the admin clicks Clear', async ({ popup, fixtures }) => {
  await copyClientSecret(popup, fixtures.samples.webAppDevLines.text);
  await popup.button('Clear').click();
  await expect.poll(() => clipboardText(popup.page)).not.toBe(secret);
});

test('figure: from Clear to the secret gone from the clipboard (offscreen document opened, read, cleared, closed)', async ({ popup, fixtures }) => {
  await copyClientSecret(popup, fixtures.samples.webAppDevLines.text);
  const clearedMs = await popup.page.evaluate(async (secret) => {
    const clear = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Clear')!;
    const started = performance.now();
    clear.click();
    while ((await navigator.clipboard.readText()) === secret) {
      if (performance.now() - started > 10_000) return Number.POSITIVE_INFINITY;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return performance.now() - started;
  }, secret);
  expect(clearedMs).toBeLessThan(10_000);
  test.info().annotations.push({ type: 'clear-to-clipboard-cleared-ms', description: clearedMs.toFixed(1) });
  console.log(`clear to clipboard cleared: ${clearedMs.toFixed(1)} ms`);
});

test('a copied secret leaves the clipboard when its 30 s are up, the popup long closed', async ({ popup, serviceWorker, extensionId, fixtures }) => {
  const copiedAt = Date.now();
  await copyClientSecret(popup, fixtures.samples.webAppDevLines.text);
  const scheduled = await popup.page.evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime, COPIED_SECRET_ALARM);
  await popup.close();

  const page = await reader(popup, extensionId);
  expect(await clipboardText(page)).toBe(secret);
  await serviceWorker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 50 }), COPIED_SECRET_ALARM);
  await expect.poll(() => clipboardText(page)).not.toBe(secret);
  // The alarm fired early above had been set for 30 s after the copy.
  expect(scheduled).toBeGreaterThanOrEqual(copiedAt + 30_000);
  expect(scheduled).toBeLessThan(Date.now() + 30_000);
});

test('a copied secret leaves the clipboard when the vault’s idle time runs out', async ({ popup, serviceWorker, extensionId, fixtures }) => {
  await copyClientSecret(popup, fixtures.samples.webAppDevLines.text);
  await popup.close();
  const page = await reader(popup, extensionId);
  await serviceWorker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() + 50 }), VAULT_IDLE_ALARM);
  await expect.poll(() => storedVault(page)).toBeUndefined();
  await expect.poll(() => clipboardText(page)).not.toBe(secret);
});

test('within its 30 s the copied secret stays, and what the admin copies after it is never cleared', async ({ popup, serviceWorker, fixtures }) => {
  await copyClientSecret(popup, fixtures.samples.webAppDevLines.text);
  // Said next to the Copy button.
  await expect((await popup.secret('Client secret')).getByRole('status')).toHaveText(
    'Copied: cleared from the clipboard in 30 s',
  );
  expect(await clipboardText(popup.page)).toBe(secret);

  const later = 'https://docs.pingidentity.com/ (copied by the admin after the secret)';
  await popup.page.evaluate((text) => navigator.clipboard.writeText(text), later);
  await popup.button('Clear').click();
  await serviceWorker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 50 }), COPIED_SECRET_ALARM);
  // The background is done once it has forgotten the copy (lib/copied-secret.ts: it forgets after each attempt).
  await expect.poll(() => popup.page.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).toEqual([]);
  expect(await clipboardText(popup.page)).toBe(later);
});
