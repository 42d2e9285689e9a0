/**
 * The organisation's policy in real Firefox (twin of test/e2e/managed-policy.spec.ts): a real enterprise policies.json
 * naming the built extension's gecko id under `3rdparty` > `Extensions`
 * (https://mozilla.github.io/policy-templates/#3rdparty), which Firefox reads once at start-up and hands the extension
 * through storage.managed. On Linux Firefox reads `<SysConfD>/policies/policies.json` first, and only without it
 * `<install dir>/distribution/policies.json`
 * (https://searchfox.org/mozilla-esr140/source/toolkit/components/enterprisepolicies/EnterprisePoliciesParent.sys.mjs);
 * Debian's firefox-esr 153 has SysConfD = /etc/firefox (measured in its chrome context), so the file goes there.
 * Why this is safe on a machine other Firefox runs share: the file changes every Firefox that starts while it exists, so
 * it is written only when no Firefox process runs (waited for), before this spec's own Firefox starts, and removed
 * after each describe (afterAll runs on failure too), with the folders it created; the suite runs one test at a time
 * (playwright.firefox.config.ts). It refuses to start if a policies.json it did not write exists in either place.
 */
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { client, environment } from '../../fixtures/environments';
import type { FillResponse } from '../../../lib/messages';
import type { ConsoleTab, PopupDriver } from '../flows/driver';
import { appState, fillMessage, prepare } from '../flows/helpers';
import { LOCKED_PRODUCTION_POLICY, LOCKED_ROW_TEXT, MALFORMED_POLICY, MALFORMED_POLICY_ERRORS, OVERRIDE_FORBIDDEN } from '../flows/managed-policy';
import { FIREFOX, GECKO_ID, openExtensionPage, type FirefoxLaunch } from './firefox-driver';
import { expect, test } from './harness';

test.describe.configure({ mode: 'serial' });

const FIREFOX_BINARY = realpathSync(FIREFOX);
const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = path.join(POLICY_DIR, 'policies.json');
const DISTRIBUTION_FILE = path.join(path.dirname(FIREFOX_BINARY), 'distribution', 'policies.json');
const dev = environment('dev');
const production = environment('production');

/** Directories this file created, removed again (if empty) once the policy is gone. */
const created: string[] = [];

/** Process ids of running Firefox processes (any user's, any profile). */
function firefoxProcesses(): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/exe`) === FIREFOX_BINARY;
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    });
}

async function installPolicy(policy: unknown) {
  for (const file of [POLICY_FILE, DISTRIBUTION_FILE]) {
    if (existsSync(file)) throw new Error(`${file} exists and this test did not write it: not touching the machine's Firefox policy.`);
  }
  const deadline = Date.now() + 60_000;
  while (firefoxProcesses().length > 0) {
    if (Date.now() > deadline) throw new Error(`Firefox is running (pids ${firefoxProcesses().join(', ')}): a policy now would reach it on its next start.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const dir of ['/etc/firefox', POLICY_DIR]) {
    if (!existsSync(dir)) {
      await mkdir(dir);
      created.push(dir);
    }
  }
  await writeFile(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }), { flag: 'wx' });
}

async function removePolicy() {
  await rm(POLICY_FILE, { force: true });
  for (const dir of created.splice(0).reverse()) await rmdir(dir).catch(() => undefined);
}

/** What Firefox hands the extension, and whether its policy engine runs (Services.policies.status 1: ACTIVE). */
async function policyAsFirefoxReadsIt(firefox: FirefoxLaunch) {
  const managed = await firefox.inExtension(async () => (globalThis as unknown as { browser: typeof chrome }).browser.storage.managed.get(), undefined);
  const status = await firefox.inBrowserWindow(() => (globalThis as unknown as { Services: { policies: { status: number } } }).Services.policies.status, null);
  return { managed, status };
}

async function openOptions(firefox: FirefoxLaunch): Promise<PopupDriver> {
  return openExtensionPage(firefox, 'options.html', `!!document.querySelector('#policy-heading')`);
}

/** The popup's "Target console" as written: its drawn text is upper-cased by CSS. */
function targetConsole(popup: PopupDriver): Promise<string> {
  return popup.evaluate(() => document.querySelector('[aria-label="Target console"]')?.textContent ?? '', undefined);
}

async function pasteDevCredentialOverCloudflare(firefox: FirefoxLaunch): Promise<{ tab: ConsoleTab; popup: PopupDriver }> {
  const sample = firefox.fixtures.samples.webAppDevCloudflareJson;
  await prepare(firefox, undefined);
  const tab = await firefox.openConsole(firefox.fixtures.consoleUrl('cloudflare'));
  const popup = await firefox.openPopup(tab);
  await popup.paste(sample.text);
  await expect.poll(() => targetConsole(popup)).toContain('Cloudflare Zero Trust');
  return { tab, popup };
}

test.describe('a policy that maps a production tenant and forbids "Fill anyway" there', () => {
  test.beforeAll(() => installPolicy(LOCKED_PRODUCTION_POLICY));
  test.afterAll(removePolicy);

  test('shows a locked row; a dev credential is blocked on that tenant with no "Fill anyway"', async ({ firefox }) => {
    expect(await policyAsFirefoxReadsIt(firefox)).toEqual({ managed: LOCKED_PRODUCTION_POLICY, status: 1 });

    const options = await openOptions(firefox);
    expect(await options.evaluate(() => [...document.querySelectorAll('ul[aria-label="Set by your organisation"] > li')].map((li) => li.textContent), undefined)).toEqual([
      LOCKED_ROW_TEXT,
    ]);
    // Locked: the admin's own table (with its Edit and Remove buttons) does not hold it.
    expect(await options.evaluate(() => document.querySelectorAll('table[aria-label="Console tenants"]').length, undefined)).toBe(0);
    // Nothing of the policy is written into the admin's own settings.
    expect(await firefox.inExtension(async () => JSON.stringify(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(null)), undefined)).not.toContain(
      production.id,
    );
    await options.close();

    const { tab, popup } = await pasteDevCredentialOverCloudflare(firefox);
    expect(await targetConsole(popup)).toContain('Production');
    const mismatch = () =>
      popup.evaluate(() => {
        const item = [...document.querySelectorAll<HTMLElement>('section#checks li')].find((li) => li.textContent?.includes('This credential is for'));
        return item ? { level: item.dataset.level, text: item.textContent } : undefined;
      }, undefined);
    await expect.poll(async () => (await mismatch())?.level).toBe('error');
    expect((await mismatch())?.text).toContain(dev.id);

    await popup.click('Fill Cloudflare Zero Trust');
    // The refusal, as its alert holds it: the message and the alert's buttons.
    const refusal = () =>
      popup.evaluate(() => {
        const alert = [...document.querySelectorAll('[role="alert"]')].find((element) => element.textContent?.includes('Not filled'));
        return alert && { text: alert.textContent, buttons: [...alert.querySelectorAll('button')].map((button) => button.textContent?.trim()) };
      }, undefined);
    await expect.poll(async () => (await refusal())?.text).toContain(OVERRIDE_FORBIDDEN);
    expect((await refusal())?.buttons).toEqual(['Cancel']);
    // The background refuses the override itself, whatever a page asks.
    expect(await fillMessage(firefox, tab, true)).toMatchObject({ ok: false, overrideForbidden: true } satisfies Partial<FillResponse>);
    expect((await appState(tab)).clientSecret ?? '').toBe('');
    await popup.close();
  });
});

test.describe('a malformed policy', () => {
  test.beforeAll(() => installPolicy(MALFORMED_POLICY));
  test.afterAll(removePolicy);

  test('shows its errors row by row, and the extension still fills', async ({ firefox }) => {
    expect(await policyAsFirefoxReadsIt(firefox)).toEqual({ managed: MALFORMED_POLICY, status: 1 });

    const options = await openOptions(firefox);
    await expect
      .poll(() => options.evaluate(() => [...document.querySelectorAll('[role="alert"][aria-label="Policy errors"] li')].map((li) => li.textContent), undefined))
      .toEqual(MALFORMED_POLICY_ERRORS);
    await options.close();

    const app = client('dev', 'web-app');
    const { tab, popup } = await pasteDevCredentialOverCloudflare(firefox);
    // The malformed row is left out: the Cloudflare origin is no production tenant here.
    expect(await targetConsole(popup)).not.toMatch(/production/i);
    await popup.click('Fill Cloudflare Zero Trust');
    await expect.poll(() => popup.text('[aria-label="Fill report"]')).toContain('Client Secret: Filled');
    expect(await appState(tab)).toMatchObject({ clientId: app.clientId, clientSecret: app.clientSecret, environmentId: dev.id });
    await popup.close();
  });
});
