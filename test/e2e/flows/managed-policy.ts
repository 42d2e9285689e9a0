/**
 * The organisation's policies the e2e installs, and the flows that prove them, written once for both browsers:
 * test/e2e/managed-policy.spec.ts (a Chromium policy file) and test/e2e/firefox/managed-policy.firefox.ts (Firefox's
 * policies.json) install the policy and run these on the BUILT extension. The format is lib/settings/README.md's.
 */
import { expect } from '@playwright/test';
import { client, CONSOLE_ORIGINS, environment } from '../../fixtures/environments';
import type { FillResponse } from '../../../lib/messages';
import type { ConsoleTab, Driver, PageDriver, PopupDriver } from './driver';
import { appState, prepare } from './helpers';

const dev = environment('dev');
const production = environment('production');

export const PRODUCTION_ROW = {
  origin: CONSOLE_ORIGINS.cloudflare,
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme production',
  expected: { environmentId: production.id },
};

/** A locked production tenant where "Fill anyway" is taken away. */
export const LOCKED_PRODUCTION_POLICY = { tenants: [PRODUCTION_ROW], allowFillAnywayOnProduction: false };

/** Options' line for PRODUCTION_ROW under "Set by your organisation". */
export const LOCKED_ROW_TEXT = `Acme production (${CONSOLE_ORIGINS.cloudflare}): Cloudflare Zero Trust, Production, ${production.id}. Locked: set by your organisation`;

/** The background's refusal, shown by the popup, when the policy forbids "Fill anyway" (lib/background/fill-path.ts). */
export const OVERRIDE_FORBIDDEN = 'Your organisation does not allow "Fill anyway" on a production tenant.';

/** Every part wrong in content but right in type, so Chromium's managed_schema passes it on as Firefox does. */
export const MALFORMED_POLICY = {
  tenants: [{ ...PRODUCTION_ROW, tier: 'prod', expected: { environmentId: 'not-an-environment' } }],
  idleClearMinutes: 0,
};

/** Options' "Policy errors", row by row, for MALFORMED_POLICY. */
export const MALFORMED_POLICY_ERRORS = [
  'tenants[0].tier: expected one of development, uat, staging, production, sandbox',
  'tenants[0].expected.environmentId: expected a UUID',
  'idleClearMinutes: at least 1 minute',
];

/** What the browser hands the extension through storage.managed. */
function managedStorage(driver: Driver): Promise<unknown> {
  return driver.inExtension(async () => (((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome).storage.managed.get(), undefined);
}

/** Options, once its "Set by your organisation" section is drawn (it is imported only when a policy exists). */
async function openOptionsWithPolicy(driver: Driver): Promise<PageDriver> {
  const options = await driver.openOptions();
  await expect.poll(() => options.evaluate(() => !!document.querySelector('#policy-heading'), undefined)).toBe(true);
  return options;
}

/** The popup's "Target console" as written (CSS upper-cases part of what it draws). */
function targetConsole(popup: PopupDriver): Promise<string> {
  return popup.evaluate(() => document.querySelector('[aria-label="Target console"]')?.textContent ?? '', undefined);
}

async function pasteDevCredentialOverCloudflare(driver: Driver): Promise<{ tab: ConsoleTab; popup: PopupDriver }> {
  await prepare(driver, undefined);
  const tab = await driver.openConsole(driver.fixtures.consoleUrl('cloudflare'));
  const popup = await driver.openPopup(tab);
  await popup.paste(driver.fixtures.samples.webAppDevCloudflareJson.text);
  await expect.poll(() => targetConsole(popup)).toContain('Cloudflare Zero Trust');
  return { tab, popup };
}

/** LOCKED_PRODUCTION_POLICY installed: a locked row in Options; a dev credential refused there, with no "Fill anyway". */
export async function lockedProductionRowBlocksDevCredential(driver: Driver) {
  expect(await managedStorage(driver)).toEqual(LOCKED_PRODUCTION_POLICY);
  const options = await openOptionsWithPolicy(driver);
  expect(await options.evaluate(() => [...document.querySelectorAll('ul[aria-label="Set by your organisation"] > li')].map((li) => li.textContent), undefined)).toEqual([
    LOCKED_ROW_TEXT,
  ]);
  // Locked: the admin's own table (with its Edit and Remove buttons) does not hold it.
  expect(await options.evaluate(() => document.querySelectorAll('table[aria-label="Console tenants"]').length, undefined)).toBe(0);
  // Nothing of the policy is written into the admin's own settings.
  expect(
    await driver.inExtension(async () => JSON.stringify(await (((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome).storage.local.get(null)), undefined),
  ).not.toContain(production.id);
  await options.close();

  const { tab, popup } = await pasteDevCredentialOverCloudflare(driver);
  expect(await targetConsole(popup)).toContain('Production');
  const mismatch = () =>
    popup.evaluate(() => {
      const item = [...document.querySelectorAll<HTMLElement>('section#checks li')].find((li) => li.textContent?.includes('This credential is for'));
      return item ? { level: item.dataset.level, text: item.textContent } : undefined;
    }, undefined);
  await expect.poll(async () => (await mismatch())?.level).toBe('error');
  expect((await mismatch())?.text).toContain(dev.id);

  await popup.click('Fill Cloudflare Zero Trust');
  // The refusal as its alert holds it: the message, and Cancel its only button.
  const refusal = () =>
    popup.evaluate(() => {
      const alert = [...document.querySelectorAll('[role="alert"]')].find((element) => element.textContent?.includes('Not filled'));
      return alert && { text: alert.textContent, buttons: [...alert.querySelectorAll('button')].map((button) => button.textContent?.trim()) };
    }, undefined);
  await expect.poll(async () => (await refusal())?.text).toContain(OVERRIDE_FORBIDDEN);
  expect((await refusal())?.buttons).toEqual(['Cancel']);
  // The background refuses the override itself, whatever a page asks.
  const forced = await popup.evaluate(
    async ({ tabId, origin }) =>
      (((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome).runtime.sendMessage({ type: 'fill', tabId, origin, override: true }) as Promise<FillResponse>,
    { tabId: tab.tabId, origin: new URL(tab.url).origin },
  );
  expect(forced).toMatchObject({ ok: false, overrideForbidden: true });
  expect((await appState(tab)).clientSecret ?? '').toBe('');
  await popup.close();
}

/** MALFORMED_POLICY installed: Options lists its errors row by row; its row is left out and the fill there is done. */
export async function malformedPolicyReportedFillStillWorks(driver: Driver) {
  expect(await managedStorage(driver)).toEqual(MALFORMED_POLICY);
  const options = await openOptionsWithPolicy(driver);
  await expect
    .poll(() => options.evaluate(() => [...document.querySelectorAll('[role="alert"][aria-label="Policy errors"] li')].map((li) => li.textContent), undefined))
    .toEqual(MALFORMED_POLICY_ERRORS);
  await options.close();

  const app = client('dev', 'web-app');
  const { tab, popup } = await pasteDevCredentialOverCloudflare(driver);
  // The malformed row is left out: the Cloudflare origin is no production tenant here.
  expect(await targetConsole(popup)).not.toMatch(/production/i);
  await popup.click('Fill Cloudflare Zero Trust');
  await expect.poll(() => popup.text('[aria-label="Fill report"]')).toContain('Client Secret: Filled');
  expect(await appState(tab)).toMatchObject({ clientId: app.clientId, clientSecret: app.clientSecret, environmentId: dev.id });
  await popup.close();
}
