/**
 * The organisation's policy in real Chromium: a policy file in /etc/chromium/policies/managed/ for this build's
 * extension id (https://www.chromium.org/administrators/linux-quick-start/ ; the `3rdparty.extensions.<id>` section,
 * https://www.chromium.org/administrators/configuring-policy-for-extensions/), read at launch through
 * storage.managed. The file is machine-wide, so these tests run alone and serially, write it before Chromium starts
 * and remove it after. It names only the id of the extension at this checkout's path, which no other checkout has.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONSOLE_ORIGINS, client, environment } from '../fixtures/environments';
import { EXTENSION_DIR, expect, test, type Page } from './harness';
import { storedVault } from './extension-page';

test.describe.configure({ mode: 'serial' });

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'pingone-connection-helper-e2e.json');
const dev = environment('dev');
const production = environment('production');

/** Chromium's id of an unpacked extension: SHA-256 of its absolute path, the first 32 hex digits written a-p. */
const UNPACKED_ID = [...createHash('sha256').update(EXTENSION_DIR).digest('hex').slice(0, 32)]
  .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
  .join('');

const PRODUCTION_ROW = {
  origin: CONSOLE_ORIGINS.cloudflare,
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme production',
  expected: { environmentId: production.id },
};

/** Directories this file created, removed again (if empty) once the policy is gone. */
const created: string[] = [];

async function installPolicy(policy: unknown) {
  for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      await mkdir(dir);
      created.push(dir);
    }
  }
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [UNPACKED_ID]: policy } } }));
}

async function removePolicy() {
  await rm(POLICY_FILE, { force: true });
  for (const dir of created.splice(0).reverse()) await rmdir(dir).catch(() => undefined);
}

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? '{}') as Record<string, unknown>;
}

test.describe('a policy that maps a production tenant and forbids "Fill anyway" there', () => {
  test.beforeAll(() => installPolicy({ tenants: [PRODUCTION_ROW], allowFillAnywayOnProduction: false }));
  test.afterAll(removePolicy);

  test('shows a locked row; a dev credential is blocked on that tenant with no "Fill anyway"', async ({ context, extensionId, popup, fixtures }) => {
    expect(extensionId).toBe(UNPACKED_ID);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const row = options.getByRole('list', { name: 'Set by your organisation' }).getByRole('listitem');
    await expect(row).toHaveText(
      `Acme production (${CONSOLE_ORIGINS.cloudflare}): Cloudflare Zero Trust, Production, ${production.id}. Locked: set by your organisation`,
    );
    // Locked: the admin's own table (with its Edit and Remove buttons) does not hold it.
    await expect(options.getByRole('table', { name: 'Console tenants' })).toHaveCount(0);
    // Writes keep the policy out of the admin's own settings.
    expect(await options.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).not.toContain(production.id);

    const sample = fixtures.samples.webAppDevCloudflareJson;
    const cloudflare = await context.newPage();
    await cloudflare.goto(fixtures.consoleUrl('cloudflare'));
    await popup.openOver(cloudflare);
    await popup.paste(sample.text);
    await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(sample.text);
    await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText('Production');
    const mismatch = popup.checks.getByRole('listitem').filter({ hasText: 'This credential is for' });
    await expect(mismatch).toHaveAttribute('data-level', 'error');
    await expect(mismatch).toContainText(dev.id);

    await popup.button('Fill Cloudflare Zero Trust').click();
    const refused = popup.page.getByRole('alert').filter({ hasText: 'Not filled' });
    await expect(refused).toContainText('Your organisation does not allow "Fill anyway" on a production tenant.');
    await expect(refused.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(popup.page.getByRole('button', { name: 'Fill anyway' })).toHaveCount(0);
    // The background refuses the override itself, whatever a page asks.
    const tabId = await popup.page.evaluate(async (url) => (await chrome.tabs.query({ url: `${url}/*` }))[0]?.id, CONSOLE_ORIGINS.cloudflare);
    const forced = await popup.page.evaluate(
      async ({ tabId, origin }) => chrome.runtime.sendMessage({ type: 'fill', tabId, origin, override: true }),
      { tabId: tabId!, origin: CONSOLE_ORIGINS.cloudflare },
    );
    expect(forced).toMatchObject({ ok: false, overrideForbidden: true });
    expect((await appState(cloudflare)).clientSecret ?? '').toBe('');
    await popup.close();
  });
});

test.describe('a malformed policy', () => {
  test.beforeAll(() =>
    installPolicy({
      tenants: [{ ...PRODUCTION_ROW, tier: 'prod', expected: { environmentId: 'not-an-environment' } }],
      idleClearMinutes: 0,
    }),
  );
  test.afterAll(removePolicy);

  test('shows its errors row by row, and the extension still fills', async ({ context, extensionId, popup, fixtures }) => {
    expect(extensionId).toBe(UNPACKED_ID);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const errors = options.getByRole('alert', { name: 'Policy errors' }).getByRole('listitem');
    await expect(errors).toHaveText([
      'tenants[0].tier: expected one of development, uat, staging, production, sandbox',
      'tenants[0].expected.environmentId: expected a UUID',
      'idleClearMinutes: at least 1 minute',
    ]);

    const sample = fixtures.samples.webAppDevCloudflareJson;
    const app = client('dev', 'web-app');
    const cloudflare = await context.newPage();
    await cloudflare.goto(fixtures.consoleUrl('cloudflare'));
    await popup.openOver(cloudflare);
    await popup.paste(sample.text);
    await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(sample.text);
    await popup.button('Fill Cloudflare Zero Trust').click();
    await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Client Secret: Filled');
    expect(await appState(cloudflare)).toMatchObject({ clientId: app.clientId, clientSecret: app.clientSecret, environmentId: dev.id });
    await popup.close();
  });
});
