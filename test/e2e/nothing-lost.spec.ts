/**
 * Faults the admin meets on a bad day, in the built extension: the background worker stopped while the popup is open
 * and a test is running, and storage areas that refuse a write because their quota is full. Each is said where the
 * admin is looking; nothing waits on a dead worker; nothing secret moves to another store.
 */
import { chromium, type Page } from '@playwright/test';
import { INTERRUPTED_MESSAGE } from '../../lib/connection/interrupted';
import { client, environment } from '../fixtures/environments';
import { expect, test, type LaunchedExtension } from './harness';

/** An OIDC worker app's three lines without the issuer: it names no region, so the popup lets the admin choose one. */
function workerWithoutRegion(): string {
  const worker = client('dev', 'worker');
  return [`Client ID: ${worker.clientId}`, `Client Secret: ${worker.clientSecret}`, `Environment ID: ${environment('dev').id}`].join('\n');
}

/**
 * Stop the extension's service worker as the browser does: close its DevTools target, the way Chrome's own guide to
 * testing worker termination does it
 * (https://developer.chrome.com/docs/extensions/how-to/test/test-serviceworker-termination-with-puppeteer).
 */
async function stopServiceWorker(extension: LaunchedExtension): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${extension.debuggingPort}`);
  try {
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extension.extensionId}/`));
    if (!worker) throw new Error('no service worker target');
    await session.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await browser.close();
  }
}

/** Fill a storage area of the extension to the brim with large, non-secret values, from one of its pages. */
async function fillToQuota(page: Page, area: 'session' | 'local'): Promise<void> {
  await page.evaluate(async (area) => {
    const storage = chrome.storage[area];
    // Halving piece sizes: each size is written until the browser refuses it, so not one more byte fits.
    for (let size = 1 << 20, n = 0; size >= 1; size >>= 1) {
      for (;;) {
        try {
          await storage.set({ [`filler-${n++}`]: 'x'.repeat(size) });
        } catch {
          break;
        }
      }
    }
  }, area);
}

test('the worker stopped during a test: the open popup says interrupted at once, offers the test again, and the next test passes', async ({
  popup,
  extension,
}) => {
  await popup.openInTab();
  await popup.paste(workerWithoutRegion());
  const regionChoice = popup.page.getByRole('combobox', { name: 'Region for the test' });
  // auth.pingone.sg is the fixture host that never answers: the test stays on its first step until its timeout.
  await regionChoice.selectOption('sg');
  await popup.button('Test connection').click();
  const report = popup.page.getByRole('region', { name: 'Connection test' });
  await expect(report.getByRole('listitem').first()).toContainText('Running');

  await stopServiceWorker(extension);
  await expect(report.getByRole('listitem').first()).toContainText(INTERRUPTED_MESSAGE);
  await expect(report.getByText('Running')).toHaveCount(0);
  await expect(popup.button('Test connection')).toBeEnabled();
  await expect(popup.button('Cancel test')).toHaveCount(0);

  await regionChoice.selectOption('com');
  await popup.button('Test connection').click();
  await expect(report).toContainText('Finished without failures.', { timeout: 30_000 });
  await expect(report.getByRole('listitem')).toHaveText([/^✓Passed Environment/, /^✓Passed Client authentication/, /^✓Passed Environment read/]);
});

test('storage.local full: Options says which row was not saved, and the map is unchanged', async ({ context, extensionId, fixtures }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Environment map' })).toBeVisible();
  await fillToQuota(options, 'local');

  const origin = fixtures.consoleUrl('cloudflare');
  const form = options.getByRole('form', { name: 'Add a tenant' });
  await form.getByLabel('Console origin').fill(origin);
  await form.getByLabel('Tier').selectOption('production');
  await form.getByLabel('Label').fill('Acme');
  await form.getByLabel('Expected environment ID').fill(environment('production').id);
  await form.getByRole('button', { name: 'Add tenant' }).click();
  await expect(form.getByText(/^Not saved: /)).toHaveText(
    new RegExp(`^Not saved: ${new URL(origin).origin.replace(/[.]/g, '\\.')}: the browser's storage for this extension is full \\(`),
  );
  await expect(options.getByRole('table', { name: 'Console tenants' })).toHaveCount(0);
});
