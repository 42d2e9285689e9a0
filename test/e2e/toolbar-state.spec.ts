/**
 * The toolbar button's badge and title, per tab, as the browser holds them (chrome.action.getBadgeText/getTitle read
 * in the service worker): nothing before a paste, a verdict on a mapped tenant after one, the verdict following the
 * tab between a tenant mapped to the credential's environment and one mapped to another, and nothing after Clear.
 * And the popup's footer names the key that opens it.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { CONSOLE_ORIGINS, environment } from '../fixtures/environments';
import { DEMO_SETTINGS } from './extension-page';
import { expect, test } from './harness';

const dev = environment('dev');
const production = environment('production');

/** Cloudflare mapped to production, the self-hosted PingFederate to dev: where a dev credential does and does not go. */
const MAPPED = {
  ...DEMO_SETTINGS,
  tenants: [
    { origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', label: 'Acme', tier: 'production', expected: { environmentId: production.id } },
    { origin: CONSOLE_ORIGINS.pingfederate, consoleId: 'pingfederate', label: 'Acme', tier: 'development', expected: { environmentId: dev.id } },
  ],
} satisfies typeof DEMO_SETTINGS;

/** The button of the tab showing `page`, found by its URL (the extension holds host permissions for every console here). */
async function toolbarOf(worker: Worker, page: Page): Promise<{ badge: string; title: string }> {
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) return { badge: '(no tab)', title: '' };
    return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, page.url());
}

/** A console in a new tab (ordinary tabs only: the popup page object finds the toolbar popup by its URL). */
async function openConsole(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('app-state').waitFor();
  return page;
}

test('the badge and title follow the credential and the tab’s tenant', async ({ context, serviceWorker, popup, fixtures }) => {
  await serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), MAPPED);
  const sample = fixtures.samples.webAppDevCloudflareJson;

  const cloudflare = await openConsole(context, fixtures.consoleUrl('cloudflare'));
  await expect.poll(() => toolbarOf(serviceWorker, cloudflare)).toEqual({ badge: '', title: 'PingOne Connection Helper: no credential' });

  // Pasted in the real toolbar popup over the production tenant: the map blocks the fill, and the button says so.
  await popup.openOver(cloudflare);
  await popup.paste(sample.text);
  await expect.poll(() => toolbarOf(serviceWorker, cloudflare)).toEqual({
    badge: 'NO',
    title:
      'PingOne Connection Helper: Development credential, production tenant: OIDC application blocked on Cloudflare Zero Trust at one.dash.cloudflare.com (a check fails)',
  });
  // Nothing secret in the title: neither the client secret nor the pasted text.
  const { title } = await toolbarOf(serviceWorker, cloudflare);
  expect(title).not.toContain(JSON.parse(sample.text).client_secret ?? '(none)');
  await popup.close();

  // The same tab moves to the tenant mapped to the credential's environment, then back.
  await cloudflare.goto(fixtures.consoleUrl('pingfederate'));
  await expect.poll(() => toolbarOf(serviceWorker, cloudflare)).toEqual({
    badge: 'OK',
    title: 'PingOne Connection Helper: OIDC application fits PingFederate at pf.demo.internal:9999',
  });
  await cloudflare.goto(fixtures.consoleUrl('cloudflare'));
  await expect.poll(async () => (await toolbarOf(serviceWorker, cloudflare)).badge).toBe('NO');

  // Switching tabs: a second tab on the dev tenant has its own verdict, and the first keeps its own.
  const pingFederate = await openConsole(context, fixtures.consoleUrl('pingfederate'));
  await expect.poll(async () => (await toolbarOf(serviceWorker, pingFederate)).badge).toBe('OK');
  expect((await toolbarOf(serviceWorker, cloudflare)).badge).toBe('NO');

  // A page that is no console (its URL hidden from the extension): the button says only that a credential is loaded.
  const guide = await context.newPage();
  await guide.goto(`${CONSOLE_ORIGINS.demo}/`);
  const activeTab = () =>
    serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return { badge: await chrome.action.getBadgeText({ tabId: tab!.id! }), title: await chrome.action.getTitle({ tabId: tab!.id! }) };
    });
  await expect.poll(activeTab).toEqual({ badge: '•', title: 'PingOne Connection Helper: OIDC application loaded' });
  await pingFederate.bringToFront();

  // Clear in the popup: every tab the admin looks at says there is no credential.
  await popup.openOver(pingFederate);
  // The vault's credential, once read, folds the box to one line with its own Clear (the box's Clear hides).
  await expect(popup.page.locator('.credential-line')).toBeVisible();
  await popup.button('Clear').click();
  await expect.poll(() => toolbarOf(serviceWorker, pingFederate)).toEqual({ badge: '', title: 'PingOne Connection Helper: no credential' });
  await popup.close();
  await cloudflare.bringToFront();
  await expect.poll(() => toolbarOf(serviceWorker, cloudflare)).toEqual({ badge: '', title: 'PingOne Connection Helper: no credential' });
});

test('the popup names the key that opens it, as the admin set it', async ({ context, extensionId, popup }) => {
  // Chromium leaves the suggested key unassigned for an extension loaded from the command line; the admin's own way
  // to set one is chrome://extensions/shortcuts, whose page API is used here as its key field would.
  const shortcuts = await context.newPage();
  await shortcuts.goto('chrome://extensions/shortcuts');
  await shortcuts.evaluate(
    (extensionId) =>
      (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionCommand(update: object): Promise<void> } } }).chrome.developerPrivate.updateExtensionCommand(
        { extensionId, commandName: '_execute_action', keybinding: 'Alt+Shift+Y' },
      ),
    extensionId,
  );
  await popup.openInTab();
  await expect(popup.page.getByRole('contentinfo')).toContainText('Open with Alt+Shift+Y');
});
