/**
 * The environment map and promotion guard on the BUILT extension:
 * - a tenant mapped in Options (the Cloudflare look-alike -> production) blocks a dev credential pasted in the REAL
 *   toolbar popup over that console, with an error naming both environments, until "Fill anyway"; the console's
 *   React state then holds the values, and the promotion view shows production received a dev credential; the same
 *   credential then filled into the dev tenant (self-hosted PingFederate) is flagged as one credential on two tenants;
 * - the promotion view after filling the dev (AIC) and staging (self-hosted PingAccess) tenants: fingerprint and date
 *   per tier, production missing;
 * - importing a malformed file lists row-level errors and changes nothing;
 * - after each flow, neither storage.local nor storage.sync holds a secret (client secret, raw JWT, pasted text);
 * - a settings change in Options waits while the service worker holds the settings lock, then applies to what the
 *   worker stored meanwhile (no lost update between the background's fill records and the options page);
 * - sibling tenants on AIC's shared domain: a credential mapped to one tenant is refused on an unmapped
 *   sibling, naming both origins; the first fill at any unmapped tenant there asks once, naming the origin; the
 *   mapped tenant fills with no question.
 * The self-hosted PingAccess origin is added through the real Options flow: the e2e build already holds the demo
 * origins' host permissions, so permissions.request resolves without a prompt (headless Chromium cannot answer one,
 * test/README.md). That the request names exactly the origin, and that a refusal stores nothing, is unit-tested
 * (lib/settings/self-hosted.test.ts, components/options/SelfHostedOrigins.test.tsx).
 */
import { readFile } from 'node:fs/promises';
import { fingerprintCredential, readCredential } from '../../lib/credential';
import type { Settings } from '../../lib/settings/model';
import { SETTINGS_LOCK } from '../../lib/settings/store';
import { EXPORT_FORMAT } from '../../lib/settings/transfer';
import { CONSOLE_ORIGINS, client, environment } from '../fixtures/environments';
import { consoleUrl } from '../fixtures/pages';
import type { Sample } from '../fixtures/samples';
import type { BrowserContext } from '@playwright/test';
import { expect, test, type Page } from './harness';
import { DEMO_SETTINGS, storedSettingsIn, storedVault } from './extension-page';
import { storedSettings } from '../../lib/settings/layout';
import type { PopupPage } from './popup-page';

const dev = environment('dev');
const staging = environment('staging');
const production = environment('production');

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Environment map' })).toBeVisible();
}

async function storageText(page: Page): Promise<{ local: string; sync: string }> {
  return page.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    sync: JSON.stringify(await chrome.storage.sync.get(null)),
  }));
}

/** Every secret the flow handled: the pasted texts (a raw JWT, a JSON config holding a secret) and client secrets. */
async function expectNoSecretStored(page: Page, samples: readonly Sample[]) {
  const { local, sync } = await storageText(page);
  for (const sample of samples) {
    const read = readCredential(sample.text);
    if (!read.ok) throw new Error(read.error.message);
    const secrets = [sample.text, read.credential.raw, read.credential.clientSecret].filter((value): value is string => !!value);
    for (const secret of secrets) {
      expect(local, `${sample.key} in storage.local`).not.toContain(secret);
      expect(sync, `${sample.key} in storage.sync`).not.toContain(secret);
    }
    // The signature part alone is enough to tell a stored JWT.
    if (read.credential.source === 'jwt') expect(local).not.toContain(read.credential.raw.split('.')[2]!);
  }
  return local;
}

async function fingerprintOf(sample: Sample): Promise<string> {
  const read = readCredential(sample.text);
  if (!read.ok) throw new Error(read.error.message);
  return fingerprintCredential(read.credential);
}

async function pasteInPopupOver(popup: PopupPage, consolePage: Page, text: string) {
  await popup.openOver(consolePage);
  await popup.paste(text);
  // The fill reads the credential from the vault: wait until the popup has stored it there.
  await expect
    .poll(async () => (await storedVault(popup.page))?.text)
    .toBe(text);
}

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? '{}') as Record<string, unknown>;
}

test('a tenant mapped to production blocks a dev credential until "Fill anyway"', async ({ context, extensionId, popup, fixtures }) => {
  const sample = fixtures.samples.webAppDevCloudflareJson;
  const app = client('dev', 'web-app');

  // Map the Cloudflare look-alike to the production environment, by hand, in Options.
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const form = options.getByRole('form', { name: 'Add a tenant' });
  await form.getByLabel('Console origin').fill(fixtures.consoleUrl('cloudflare'));
  await expect(form.getByLabel('Console', { exact: true })).toHaveValue('cloudflare');
  await form.getByLabel('Tier').selectOption('production');
  await form.getByLabel('Label').fill('Acme');
  await form.getByLabel('Expected environment ID').fill(production.id);
  await form.getByLabel('Environment name (optional)').fill(production.name);
  await form.getByLabel('Region (optional)').selectOption('eu');
  await form.getByRole('button', { name: 'Add tenant' }).click();
  const row = options.getByRole('table', { name: 'Console tenants' }).getByRole('row', { name: /one\.dash\.cloudflare\.com/ });
  await expect(row).toContainText('Cloudflare Zero Trust');
  await expect(row).toContainText('Production');
  await expect(row).toContainText(production.id);

  // The dev OIDC application, pasted in the real toolbar popup over the Cloudflare console.
  const cloudflare = await context.newPage();
  await cloudflare.goto(fixtures.consoleUrl('cloudflare'));
  await pasteInPopupOver(popup, cloudflare, sample.text);
  await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText('Production');
  const mismatch = (await popup.allChecks()).getByRole('listitem').filter({ hasText: 'This credential is for' });
  await expect(mismatch).toHaveAttribute('data-level', 'error');
  await expect(mismatch).toContainText(dev.id);
  await expect(mismatch).toContainText(`Acme (production) expects '${production.name}' (eu)`);

  // Fill is refused by the background with the same error; "Fill anyway" overrides it.
  await popup.button('Fill Cloudflare Zero Trust').click();
  const refused = popup.page.getByRole('alert').filter({ hasText: 'Not filled' });
  await expect(refused).toContainText(`${dev.id}' (region unknown) but Acme (production) expects '${production.name}' (eu)`);
  expect((await appState(cloudflare)).clientSecret ?? '').toBe('');
  await popup.button('Fill anyway').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Client Secret: Filled');
  expect(await appState(cloudflare)).toMatchObject({ clientId: app.clientId, clientSecret: app.clientSecret, environmentId: dev.id });
  await popup.close();

  // The fill was recorded by fingerprint: production received a credential from another environment.
  await options.reload();
  const group = options.getByRole('region', { name: 'Acme' });
  const fingerprint = await fingerprintOf(sample);
  await expect(group.getByRole('row', { name: /Production/ })).toContainText(fingerprint);
  await expect(options.getByRole('list', { name: 'Warnings for Acme' })).toContainText(
    `last received a credential (${fingerprint}) from environment ${dev.id}, but is mapped to ${production.id}`,
  );

  // The same dev credential then goes, rightly, to the dev tenant (a self-hosted PingFederate): the popup warns that
  // it was used elsewhere, and the promotion view warns that two tenants now hold one credential.
  await options.bringToFront(); // a background tab's animation frames are throttled, which slows Playwright's clicks
  const addOrigin = options.getByRole('form', { name: 'Add a console origin' });
  await addOrigin.getByLabel('Console origin').fill(CONSOLE_ORIGINS.pingfederate);
  await addOrigin.getByLabel('Console', { exact: true }).selectOption({ label: 'PingFederate' });
  await addOrigin.getByRole('button', { name: 'Add console origin' }).click();
  await expect(options.getByText(`Added ${CONSOLE_ORIGINS.pingfederate} with access granted.`)).toBeVisible();
  await form.getByLabel('Console origin').fill(CONSOLE_ORIGINS.pingfederate);
  await expect(form.getByLabel('Console', { exact: true })).toHaveValue('pingfederate');
  await form.getByLabel('Tier').selectOption('development');
  await form.getByLabel('Label').fill('Acme');
  await form.getByLabel('Expected environment ID').fill(dev.id);
  await form.getByRole('button', { name: 'Add tenant' }).click();
  await expect(options.getByRole('table', { name: 'Console tenants' }).getByRole('row')).toHaveCount(3);

  const pingFederate = await context.newPage();
  await pingFederate.goto(fixtures.consoleUrl('pingfederate'));
  await pasteInPopupOver(popup, pingFederate, sample.text);
  await expect((await popup.allChecks()).getByRole('listitem').filter({ hasText: 'Matches the environment Acme (development) expects' })).toBeVisible();
  const reuse = (await popup.allChecks()).getByRole('listitem').filter({ hasText: 'This credential was already used on' });
  await expect(reuse).toHaveAttribute('data-level', 'warning');
  await expect(reuse).toContainText(`${CONSOLE_ORIGINS.cloudflare} (Acme)`);
  await popup.button('Fill PingFederate').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Client Secret: Filled');
  await popup.close();

  await expect(group.getByRole('row', { name: /Development/ })).toContainText(fingerprint);
  await expect(options.getByRole('list', { name: 'Warnings for Acme' })).toContainText(
    `The same credential (${fingerprint}) went to 2 tenants: Acme development (${CONSOLE_ORIGINS.pingfederate}), Acme production (${CONSOLE_ORIGINS.cloudflare}).`,
  );

  const local = await expectNoSecretStored(options, [sample]);
  expect(local).toContain(fingerprint); // the search above looked at the storage that holds the history
});

test('the promotion view after filling the dev and staging tenants', async ({ context, extensionId, popup, fixtures }) => {
  const productDev = fixtures.samples.productDev;
  const gatewayStaging = fixtures.samples.gatewayStaging;
  const options = await context.newPage();
  await openOptions(options, extensionId);

  // One application at three tiers: AIC dev, self-hosted PingAccess staging, Cloudflare production.
  const file = {
    format: EXPORT_FORMAT,
    version: 1,
    tenants: [
      { origin: CONSOLE_ORIGINS.aic, consoleId: 'aic', tier: 'development', label: 'Acme', expected: { environmentId: dev.id, environmentName: dev.name, regionTld: 'com' } },
      { origin: CONSOLE_ORIGINS.pingaccess, consoleId: 'pingaccess', tier: 'staging', label: 'Acme', expected: { environmentId: staging.id, environmentName: staging.name } },
      { origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } },
    ],
  };
  await options.getByLabel('Import settings file').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(options.getByText('Imported acme.json: 3 tenants and 0 console origins.')).toBeVisible();

  // The self-hosted PingAccess origin, added through the real flow: permissions.request from the click. The e2e build
  // already holds this origin's host permission, so Chromium grants it without a prompt (a prompt would never be
  // answered headless: test/README.md).
  const addOrigin = options.getByRole('form', { name: 'Add a console origin' });
  await addOrigin.getByLabel('Console origin').fill(`${CONSOLE_ORIGINS.pingaccess}/`);
  await addOrigin.getByLabel('Console', { exact: true }).selectOption({ label: 'PingAccess' });
  await addOrigin.getByRole('button', { name: 'Add console origin' }).click();
  await expect(options.getByText(`Added ${CONSOLE_ORIGINS.pingaccess} with access granted.`)).toBeVisible();
  await expect(options.getByRole('list', { name: 'Console origins' }).getByRole('listitem')).toHaveText([/PingAccess.*Access granted/]);
  const promotion = options.getByRole('region', { name: 'Acme' });
  await expect(promotion.getByText('Missing: Development, Staging, Production')).toBeVisible();

  const aic = await context.newPage();
  await aic.goto(fixtures.consoleUrl('aic'));
  await aic.getByRole('button', { name: 'Add PingOne Integration' }).click();
  await pasteInPopupOver(popup, aic, productDev.text);
  await expect((await popup.allChecks()).getByRole('listitem').filter({ hasText: `Matches the environment Acme (development) expects` })).toBeVisible();
  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential (step 1): Filled');
  expect(await appState(aic)).toMatchObject({ step: 1, credential: productDev.text });
  await popup.close();

  const pingAccess = await context.newPage();
  await pingAccess.goto(fixtures.consoleUrl('pingaccess'));
  await pasteInPopupOver(popup, pingAccess, gatewayStaging.text);
  await expect((await popup.allChecks()).getByRole('listitem').filter({ hasText: `Matches the environment Acme (staging) expects` })).toBeVisible();
  await popup.button('Fill PingAccess').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toBeVisible();
  expect(await appState(pingAccess)).toMatchObject({ credential: gatewayStaging.text });
  await popup.close();

  // The options page follows the fills as the background records them (storage.onChanged), no reload needed.
  const rows = promotion.getByRole('table', { name: 'Promotion of Acme' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Development' })).toContainText(await fingerprintOf(productDev));
  await expect(rows.filter({ hasText: 'Staging' })).toContainText(await fingerprintOf(gatewayStaging));
  await expect(rows.filter({ hasText: 'Development' }).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(rows.filter({ hasText: 'Production' })).toContainText('Missing: no credential filled yet');
  await expect(promotion.getByText('Missing: Production', { exact: true })).toBeVisible();
  await expect(options.getByRole('list', { name: 'Warnings for Acme' })).toHaveCount(0);

  await expectNoSecretStored(options, [productDev, gatewayStaging]);

  // The export holds the map and the console origin, not the fill history and never a secret.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Copy settings JSON' }).click();
  await expect(options.getByText('Settings JSON copied.')).toBeVisible();
  const exported = await options.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(exported)).toEqual({ ...file, selfHosted: [{ origin: CONSOLE_ORIGINS.pingaccess, consoleId: 'pingaccess' }], idleClearMinutes: 10, readClipboardOnOpen: false, picked: [] });
  for (const secret of [productDev.text, gatewayStaging.text, await fingerprintOf(productDev)]) expect(exported).not.toContain(secret);
});

test('importing a malformed file lists row-level errors and changes nothing', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const form = options.getByRole('form', { name: 'Add a tenant' });
  await form.getByLabel('Console origin').fill(CONSOLE_ORIGINS.aic);
  await form.getByLabel('Label').fill('Acme');
  await form.getByLabel('Expected environment ID').fill(dev.id);
  await form.getByRole('button', { name: 'Add tenant' }).click();
  await expect(options.getByRole('table', { name: 'Console tenants' }).getByRole('row')).toHaveCount(2);
  const before = (await storageText(options)).local;

  const malformed = {
    version: 1,
    tenants: [
      { origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } },
      { origin: 'http://pa.demo.internal:9000', consoleId: 'pingaccess', tier: 'staging', label: 'Acme', expected: { environmentId: 'staging' } },
      { origin: CONSOLE_ORIGINS.pingfederate, consoleId: 'pingfederate', tier: 'qa', label: 'Acme', expected: { environmentId: dev.id } },
    ],
  };
  await options.getByLabel('Import settings file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(malformed, null, 2)) });
  const alert = options.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toContainText('Nothing was imported: 3 problems found. Your settings are unchanged.');
  await expect(alert.getByRole('listitem')).toHaveText([
    'tenants[1].origin: expected an https origin like https://host or https://host:port (no path)',
    'tenants[1].expected.environmentId: expected a UUID',
    'tenants[2].tier: expected one of development, uat, staging, production, sandbox',
  ]);

  // A file carrying a secret is refused as a whole, naming the field.
  const withSecret = { version: 1, tenants: [{ ...malformed.tenants[0], clientSecret: client('production', 'web-app').clientSecret }] };
  await options.getByLabel('Import settings file').setInputFiles({ name: 'secret.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withSecret)) });
  await expect(alert.getByRole('listitem')).toHaveText([
    'tenants[0].clientSecret: looks like a secret; a settings file never holds secrets: remove this field and import again',
  ]);

  // Not valid JSON at all: the position is named.
  await options.getByLabel('Import settings file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": 1\n  "tenants": []\n}') });
  await expect(alert.getByRole('listitem')).toHaveText([/^\(file\): not valid JSON at line 3, column 3/]);

  expect((await storageText(options)).local).toBe(before);

  // The file the page downloads is the stored map, ready to import elsewhere. (Downloaded before any toolbar popup is
  // opened: the popup's DevTools connection takes over the browser's download folder.)
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download settings file' }).click()]);
  expect(download.suggestedFilename()).toBe('pingone-connection-helper-settings.json');
  const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(downloaded).toMatchObject({ format: EXPORT_FORMAT, version: 1, tenants: (storedSettings(JSON.parse(before)) as Settings).tenants });
  await expect(options.getByRole('table', { name: 'Console tenants' }).getByRole('row')).toHaveCount(2);
  await options.reload();
  await expect(options.getByRole('table', { name: 'Console tenants' }).getByRole('row')).toHaveCount(2);
  await expect(options.getByRole('table', { name: 'Console tenants' })).toContainText(CONSOLE_ORIGINS.aic);
});

test('corrupt stored settings open as a repaired page with a notice, stored repaired once dismissed', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.evaluate(
    async ([origin, environmentId]) => {
      await chrome.storage.local.set({
        settings: {
          version: 1,
          tenants: [
            { origin, consoleId: 'aic', tier: 'development', label: 'Acme', expected: { environmentId } },
            { origin: 'https://broken.example', consoleId: 'aic', tier: 'development', label: 'Broken', expected: { environmentId: 'nope' } },
          ],
          idleClearMinutes: 'ten',
        },
      });
    },
    [CONSOLE_ORIGINS.aic, dev.id] as const,
  );
  await options.reload();
  const notice = options.getByRole('status', { name: 'Settings notice' });
  await expect(notice).toContainText('tenants: 1 entry was dropped (tenants[1].expected.environmentId: expected a UUID)');
  await expect(notice).toContainText('idleClearMinutes (expected a number of minutes) was reset to 10');
  await expect(options.getByRole('table', { name: 'Console tenants' })).toContainText(CONSOLE_ORIGINS.aic);
  await expect(options.getByLabel('Forget the credential after this many idle minutes')).toHaveValue('10');

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await options.reload();
  await expect(options.getByRole('table', { name: 'Console tenants' })).toContainText(CONSOLE_ORIGINS.aic);
  await expect(options.getByRole('status', { name: 'Settings notice' })).toHaveCount(0);
  expect(await storedSettingsIn(options)).toMatchObject({ idleClearMinutes: 10, tenants: [{ origin: CONSOLE_ORIGINS.aic }] });
});

test('keyboard only: add a tenant with Tab and Enter, every stop with a visible focus ring; dark theme', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const focused = () =>
    options.evaluate(() => {
      const element = document.activeElement as HTMLInputElement;
      const style = getComputedStyle(element);
      return { id: element.id, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
  await options.getByRole('form', { name: 'Add a tenant' }).getByLabel('Console origin').focus();
  await options.keyboard.insertText(CONSOLE_ORIGINS.aic);
  const stops: { id: string; ring: boolean }[] = [];
  for (const _ of ['console', 'tier', 'label', 'environment id']) {
    await options.keyboard.press('Tab');
    stops.push(await focused());
  }
  expect(stops.map((stop) => stop.id)).toEqual(['add-tenant-console', 'add-tenant-tier', 'add-tenant-label', 'add-tenant-environmentId']);
  expect(stops.every((stop) => stop.ring)).toBe(true);
  await options.keyboard.insertText(dev.id);
  await options.keyboard.press('Enter');
  const row = options.getByRole('table', { name: 'Console tenants' }).getByRole('row', { name: /openam-demo\.forgeblocks\.com/ });
  await expect(row).toContainText('Advanced Identity Cloud');
  await expect(row).toContainText('Production'); // openam-demo names no tier: guessed production, the careful side

  const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  await options.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(22, 25, 30)');
});

test('an Options change waits for the settings lock the service worker holds, and keeps what the worker stored', async ({ context, extensionId, serviceWorker }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  // The service worker takes the lock as the background's fill path does, and keeps it until told to let go.
  await serviceWorker.evaluate(
    (name) =>
      new Promise<void>((held) => {
        void navigator.locks.request(name, () => {
          held();
          return new Promise<void>((release) => ((globalThis as { releaseSettings?: () => void }).releaseSettings = release));
        });
      }),
    SETTINGS_LOCK,
  );
  await options.getByLabel('Read the clipboard when the popup opens').check();
  // The options page's write is queued behind the worker's lock (Web Locks are shared by the extension's origin).
  await expect
    .poll(() => serviceWorker.evaluate(async (name) => ((await navigator.locks.query()).pending ?? []).map((lock) => lock.name), SETTINGS_LOCK))
    .toEqual([SETTINGS_LOCK]);
  const tenant = { origin: CONSOLE_ORIGINS.aic, consoleId: 'aic', tier: 'development', label: 'Acme', expected: { environmentId: dev.id } };
  await serviceWorker.evaluate(async (row) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.local.set({
      settings: { version: 1, selfHosted: [], idleClearMinutes: 10, readClipboardOnOpen: false, uses: [], ...settings, tenants: [row] },
    });
    (globalThis as { releaseSettings?: () => void }).releaseSettings?.();
  }, tenant);
  await expect(options.getByText('Saved.')).toBeVisible();
  expect(await storedSettingsIn(options)).toMatchObject({ readClipboardOnOpen: true, tenants: [tenant] });
  await expect(options.getByRole('table', { name: 'Console tenants' })).toContainText(CONSOLE_ORIGINS.aic);
});

/*
 * Sibling tenants on Advanced Identity Cloud's shared domain: every customer's tenant is a subdomain of
 * forgeblocks.com (or id.forgerock.io), so the tenant next to the admin's may be another company's. The fixture
 * server serves the AIC look-alike at two such tenants: openam-acme (which the tests map to production) and
 * openam-acme-prod (mapped to nothing).
 */
const ACME_PRODUCTION_TENANT = {
  origin: CONSOLE_ORIGINS.aicAcme,
  consoleId: 'aic',
  tier: 'production',
  label: 'Acme',
  expected: { environmentId: production.id, environmentName: production.name, regionTld: 'eu' },
} as const;

/** The settings and the credential in the vault, as the admin left them, then the popup closed. */
async function prepare(popup: PopupPage, settings: Settings, text: string) {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), settings);
  await popup.paste(text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(text);
  await popup.close();
}

/** The AIC look-alike at `origin`, its "Add PingOne Integration" modal open on step 1. */
async function openAicTenant(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl('aic', undefined, origin));
  await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
  return page;
}

/** Whatever the popup's Fill ended in: a report, or the background's refusal. */
function fillOutcome(popup: PopupPage) {
  return popup.page.getByRole('region', { name: 'Fill report' }).or(popup.page.getByRole('alert').filter({ hasText: 'Not filled' }));
}

test('a credential whose environment is mapped to another AIC tenant is refused on an unmapped sibling, naming both origins', async ({ context, popup, fixtures }) => {
  const sample = fixtures.samples.productProduction;
  await prepare(popup, { ...DEMO_SETTINGS, tenants: [ACME_PRODUCTION_TENANT] }, sample.text);
  const sibling = await openAicTenant(context, CONSOLE_ORIGINS.aicAcmeProd);
  await popup.openOver(sibling);

  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(fillOutcome(popup)).toBeVisible();
  // The production credential did not reach the other tenant.
  expect((await appState(sibling)).credential).toBe('');
  const blocking = popup.page.getByRole('alert').filter({ hasText: 'Not filled' }).getByRole('list', { name: 'Blocking checks' });
  await expect(blocking).toContainText(
    `The environment of this credential, '${production.name}' (eu), is mapped to ${CONSOLE_ORIGINS.aicAcme} (Acme, production), not to ${CONSOLE_ORIGINS.aicAcmeProd}.`,
  );
  // The popup said so before the click: its checks and the background's gate use the same context (lib/target).
  const elsewhere = popup.checks.locator('[data-check-id="mapping.elsewhere"]');
  await expect(elsewhere).toHaveAttribute('data-level', 'error');
  await expect(elsewhere).toContainText(CONSOLE_ORIGINS.aicAcme);
  await popup.close();
});

test('the first fill at an unmapped forgeblocks.com tenant asks once, naming the origin; the next fill does not', async ({ context, popup, fixtures }) => {
  const sample = fixtures.samples.productDev;
  await prepare(popup, DEMO_SETTINGS, sample.text);
  const tenant = await openAicTenant(context, CONSOLE_ORIGINS.aicAcmeProd);
  await popup.openOver(tenant);

  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(fillOutcome(popup)).toBeVisible();
  expect((await appState(tenant)).credential).toBe('');
  const question = popup.page.getByRole('alert').filter({ hasText: 'Not filled' });
  await expect(question.getByRole('list', { name: 'Blocking checks' })).toContainText(`First fill at ${CONSOLE_ORIGINS.aicAcmeProd}:`);
  await question.getByRole('button', { name: 'Fill anyway' }).click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential (step 1): Filled');
  expect((await appState(tenant)).credential).toBe(sample.text);
  await popup.close();

  // A fresh form at the same tenant: the origin is remembered, the fill goes through without asking.
  await tenant.reload();
  await tenant.getByRole('button', { name: 'Add PingOne Integration' }).click();
  await popup.openOver(tenant);
  await expect((await popup.allChecks()).getByRole('listitem').first()).toBeVisible();
  await expect(popup.checks.locator('[data-check-id="tenant.first-fill"]')).toHaveCount(0);
  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential (step 1): Filled');
  await expect(popup.page.getByRole('alert').filter({ hasText: 'Not filled' })).toHaveCount(0);
  expect((await appState(tenant)).credential).toBe(sample.text);
  await popup.close();
});

test('the mapped AIC tenant fills with no prompt', async ({ context, popup, fixtures }) => {
  const sample = fixtures.samples.productProduction;
  await prepare(popup, { ...DEMO_SETTINGS, tenants: [ACME_PRODUCTION_TENANT] }, sample.text);
  const tenant = await openAicTenant(context, CONSOLE_ORIGINS.aicAcme);
  await popup.openOver(tenant);
  await expect((await popup.allChecks()).getByRole('listitem').filter({ hasText: 'Matches the environment Acme (production) expects' })).toBeVisible();
  await expect(popup.checks.locator('[data-level="error"]')).toHaveCount(0);

  await popup.button('Fill Advanced Identity Cloud').click();
  await expect(fillOutcome(popup)).toBeVisible();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential (step 1): Filled');
  expect((await appState(tenant)).credential).toBe(sample.text);
  await popup.close();
});
