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

/**
 * Fill a storage area of the extension until the browser refuses a write, from one of its pages, with large non-secret
 * values in halving sizes down to `smallest` characters. Returns the bytes still free, as the browser counts them.
 */
async function fillToQuota(page: Page, area: 'session' | 'local', smallest: number): Promise<number> {
  return page.evaluate(
    async ([area, smallest]) => {
      const storage = chrome.storage[area];
      for (let size = 1 << 20, n = 0; size >= smallest; size >>= 1) {
        for (;;) {
          try {
            await storage.set({ [`filler-${n++}`]: 'x'.repeat(size) });
          } catch {
            break;
          }
        }
      }
      return storage.QUOTA_BYTES - (await storage.getBytesInUse(null));
    },
    [area, smallest] as const,
  );
}

/** The bytes storage.session counts for `text` as the vault's value (measured under a key of the same length). */
async function sessionBytesOf(page: Page, text: string): Promise<number> {
  return page.evaluate(async (text) => {
    const probe = 'probe'; // as long as 'vault' (lib/vault.ts VAULT_KEY)
    await chrome.storage.session.set({ [probe]: text });
    const bytes = await chrome.storage.session.getBytesInUse(probe);
    await chrome.storage.session.remove(probe);
    return bytes;
  }, text);
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
  // The bar: within a second of the worker's stop, not after the step's timeout.
  await expect(report.getByRole('listitem').first()).toContainText(INTERRUPTED_MESSAGE, { timeout: 1_000 });
  await expect(report.getByText('Running')).toHaveCount(0);
  await expect(popup.button('Test connection')).toBeEnabled();
  await expect(popup.button('Cancel test')).toHaveCount(0);

  await regionChoice.selectOption('com');
  await popup.button('Test connection').click();
  await expect(report).toContainText('Finished without failures.', { timeout: 30_000 });
  await expect(report.getByRole('listitem')).toHaveText([/^✓Passed Environment/, /^✓Passed Client authentication/, /^✓Passed Environment read/]);
});

test('storage.session full: a paste is shown, said to be kept in this popup only, and written nowhere else', async ({ popup, fixtures }) => {
  await popup.openInTab();
  const first = fixtures.samples.workerDevLines.text;
  await popup.paste(first);
  const notice = popup.page.getByRole('alert').filter({ hasText: 'Kept in this popup only' });
  // Twin: with room in storage.session the credential is kept there and nothing is said.
  await expect.poll(() => popup.page.evaluate(async () => (await chrome.storage.session.get('vault')).vault)).toBe(first);
  await expect(notice).toHaveCount(0);

  // The second paste replaces the first: it needs the difference of their sizes, measured as the browser counts them.
  // Chrome counts a value's heap memory (a string of up to 22 characters counts 0 bytes, one of 100 counts 104), so
  // the fill stops at 32-character pieces and the room left is measured, not assumed.
  const second = fixtures.samples.gatewayDev.text;
  const needed = (await sessionBytesOf(popup.page, second)) - (await popup.page.evaluate(() => chrome.storage.session.getBytesInUse('vault')));
  const free = await fillToQuota(popup.page, 'session', 32);
  expect(free, `free ${free} B must be less than the ${needed} B the second credential needs`).toBeLessThan(needed);

  await popup.paste(second);
  await expect(notice).toHaveText("Kept in this popup only: the browser's session storage is full; it will be gone when the popup closes.");
  // Still decoded and checked on screen.
  await expect(popup.checks).toBeVisible();
  // The older credential left the vault too, so no fill or test can use it in place of the one shown.
  const stored = await popup.page.evaluate(async () => ({
    vault: (await chrome.storage.session.get('vault')).vault as unknown,
    local: JSON.stringify(await chrome.storage.local.get(null)),
  }));
  expect(stored.vault).toBeUndefined();
  expect(stored.local).not.toContain(second);
  expect(stored.local).not.toContain(client('dev', 'worker').clientSecret);
  // Fill and Test connection say why they cannot run instead of using what the background does not hold.
  await popup.button('Test connection').click();
  await expect(popup.page.getByRole('region', { name: 'Connection test' })).toContainText('Kept in this popup only, so the background cannot use it');
});

test('storage.local full: Options says which row was not saved, and the map is unchanged', async ({ context, extensionId, fixtures }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Environment map' })).toBeVisible();
  await fillToQuota(options, 'local', 1);

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
