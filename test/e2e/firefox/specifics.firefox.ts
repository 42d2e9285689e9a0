/**
 * What only Firefox's build does, proven in Firefox on the built extension. Where the admin would act on Firefox's own
 * window (its permission prompt, its context menu, a key pressed in the browser), the tests act there too: in
 * browser.xhtml through WebDriver BiDi's chrome contexts (FirefoxLaunch.inBrowserWindow), never by calling the
 * extension's listeners themselves.
 * - optional_permissions: Options asks Firefox for the self-hosted console's host (on any port: Firefox patterns take
 *   none); Deny in Firefox's prompt stores nothing and PingAccess there stays unfilled, Allow grants it and the popup
 *   fills it (the production build, which holds no demo origin).
 * - The context menu: a real right-click, "Inspect as PingOne credential" chosen in Firefox's menu, and the
 *   background's browserAction.openPopup opening the real toolbar popup on the draft.
 * - The keyboard shortcut: Alt+Shift+P typed into the browser window opens the real toolbar popup over the console,
 *   at its own 400 px, and its Fill button fills the console.
 * - storage.session: the credential is there, never in storage.local, outlives the background page stopping and
 *   starting, and no file of the running profile holds it.
 */
import { readCredential } from '../../../lib/credential';
import { DRAFT_KEY } from '../../../lib/selection-draft';
import { VAULT_KEY } from '../../../lib/vault';
import { CONSOLE_ORIGINS } from '../../fixtures/environments';
import { hitsOnDisk } from '../flows/secrets-at-rest';
import { appState, fillMessage, prepare } from '../flows/helpers';
import { EXTENSION_ORIGIN, FIREFOX_PRODUCTION_DIR, GECKO_ID, navigate, type FirefoxLaunch } from './firefox-driver';
import { expect, test } from './harness';

/** An extension page's window as extension.getViews returns it. */
type PopupView = { innerWidth: number; innerHeight: number; document: Document };
type WebExtensionGlobal = {
  browser: Omit<typeof chrome, 'extension'> & { browserAction: { openPopup(): Promise<void> }; extension: { getViews(filter: { type: string }): PopupView[] } };
};

/** The parts of Firefox's own window (browser.xhtml) these tests touch; none of it is web API. */
type FirefoxWindow = {
  document: Document;
  ChromeUtils: { importESModule(url: string): Record<string, unknown> };
  Cc: Record<string, { createInstance(iface: unknown): TextInputProcessor }>;
  Ci: Record<string, unknown>;
};
type TextInputProcessor = { beginInputTransactionForTests(window: unknown): boolean; keydown(event: KeyboardEvent): number; keyup(event: KeyboardEvent): boolean };
type XulElement = HTMLElement & { label: string; state: string; activateItem(item: Element): void };
type PopupNotification = HTMLElement & { button: HTMLElement; secondaryButton: HTMLElement };

/** The toolbar popup's document text once it has drawn `selector`, or '' when no toolbar popup is open. */
function toolbarPopupText(firefox: FirefoxLaunch, selector: string): Promise<string> {
  return firefox.inExtension(async (selector) => {
    const view = (globalThis as unknown as WebExtensionGlobal).browser.extension.getViews({ type: 'popup' })[0];
    return view?.document.querySelector(selector) ? view.document.body.innerText : '';
  }, selector);
}

/** Firefox's add-on permission prompt, once it shows: its text, then Allow or Deny clicked as the admin does. */
async function answerPermissionPrompt(firefox: FirefoxLaunch, answer: 'Allow' | 'Deny'): Promise<string> {
  await expect
    .poll(() => firefox.inBrowserWindow(() => (globalThis as unknown as FirefoxWindow).document.getElementById('notification-popup')?.getAttribute('panelopen') ?? '', undefined))
    .toBe('true');
  return firefox.inBrowserWindow((answer) => {
    // The prompt ExtensionsUI shows for permissions.request (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request).
    const prompt = (globalThis as unknown as FirefoxWindow).document.getElementById('addon-webext-permissions-notification') as PopupNotification;
    const button = answer === 'Allow' ? prompt.button : prompt.secondaryButton;
    if (button.getAttribute('label') !== answer) throw new Error(`The prompt's button reads ${button.getAttribute('label')}, not ${answer}`);
    const text = prompt.textContent!.replace(/\s+/g, ' ');
    button.click();
    return text;
  }, answer);
}

test.describe('the production build, which holds no demo origin', () => {
  test.use({ extensionDir: FIREFOX_PRODUCTION_DIR });

  test("a self-hosted PingAccess origin added in Options: Firefox's prompt names it; Deny stores nothing and nothing is filled there, Allow grants it and the popup fills it", async ({ firefox }) => {
    const { pingaccess: origin } = CONSOLE_ORIGINS;
    const sample = firefox.fixtures.samples.gatewayDev;
    const options = await firefox.browserInstance.newPage();
    await navigate(options, `${EXTENSION_ORIGIN}/options.html`);
    await options.bringToFront();
    await options.waitForFunction(() => !!document.querySelector('#self-hosted-origin'), { polling: 100 });
    const addOrigin = async () => {
      await options.evaluate((origin) => {
        const box = document.querySelector<HTMLInputElement>('#self-hosted-origin')!;
        box.value = origin;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
        const select = document.querySelector<HTMLSelectElement>('#self-hosted-console')!;
        select.value = 'pingaccess';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, origin);
      // A real click: Firefox honours permissions.request only in the handler of a user action.
      await (await options.$('form[aria-label="Add a console origin"] button[type="submit"]'))!.click();
    };
    const status = () => options.evaluate(() => document.querySelector('.add-origin ~ [role="status"]')?.textContent ?? '');
    const granted = () => firefox.inExtension((origins) => (globalThis as unknown as WebExtensionGlobal).browser.permissions.contains({ origins }), ['https://pa.demo.internal/*']);
    const storedOrigins = () => firefox.inExtension(async () => ((await (globalThis as unknown as WebExtensionGlobal).browser.storage.local.get('settings')).settings as { selfHosted?: { origin: string }[] } | undefined)?.selfHosted?.map((row) => row.origin) ?? [], undefined);

    await addOrigin();
    expect(await answerPermissionPrompt(firefox, 'Deny')).toContain('Access your data for sites in pa.demo.internal domain');
    await expect.poll(status).toBe(`Access to ${origin} was not granted, so it was not added.`);
    expect(await granted()).toBe(false);
    expect(await storedOrigins()).toEqual([]);

    const pingAccess = await firefox.openConsole(firefox.fixtures.consoleUrl('pingaccess'));
    let popup = await firefox.openPopup(pingAccess);
    await popup.paste(sample.text);
    await expect.poll(() => firefox.inExtension(async (key) => (await (globalThis as unknown as WebExtensionGlobal).browser.storage.session.get(key))[key], VAULT_KEY)).toBe(sample.text);
    // Without the grant Firefox hides the tab's URL from the extension: the popup has no target, its Fill is disabled,
    // and the fill request the popup would send is refused by the background.
    expect(await popup.evaluate(() => [...document.querySelectorAll('button')].filter((button) => button.textContent?.startsWith('Fill')).map((button) => `${button.textContent} ${button.disabled}`), undefined)).toEqual(['Fill page true']);
    expect(await firefox.inExtension(async (id) => (await (globalThis as unknown as WebExtensionGlobal).browser.tabs.get(id)).url ?? null, pingAccess.tabId)).toBeNull();
    const refused = await fillMessage(firefox, pingAccess);
    expect(refused.ok).toBe(false);
    expect((await appState(pingAccess)).credential ?? '').toBe('');
    await popup.close();

    await options.bringToFront();
    await addOrigin();
    expect(await answerPermissionPrompt(firefox, 'Allow')).toContain('Access your data for sites in pa.demo.internal domain');
    await expect.poll(status).toBe(`Added ${origin} with access granted.`);
    expect(await granted()).toBe(true);
    expect(await storedOrigins()).toEqual([origin]);

    popup = await firefox.openPopup(pingAccess);
    await popup.click('Fill PingAccess');
    await expect.poll(async () => (await appState(pingAccess)).credential).toBe(sample.text);
  });
});

test('"Inspect as PingOne credential" chosen in Firefox\'s own context menu after a real right-click opens the toolbar popup on the draft', async ({ firefox }) => {
  const admin = firefox.fixtures.samples.gatewayDev;
  const chosen = firefox.fixtures.samples.webAppDevLines;
  await prepare(firefox, admin.text);
  const guide = await firefox.browserInstance.newPage();
  await navigate(guide, `${CONSOLE_ORIGINS.demo}/`);
  await guide.bringToFront();
  const box = (await guide.$(`#sample-${chosen.key}`))!;
  await box.evaluate((textarea) => (textarea as HTMLTextAreaElement).select());
  await box.click({ button: 'right' });

  const items = await firefox.inBrowserWindow(async () => {
    const menu = (globalThis as unknown as FirefoxWindow).document.getElementById('contentAreaContextMenu') as XulElement;
    for (let waited = 0; menu.state !== 'open' && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = [...menu.querySelectorAll<XulElement>('menuitem')].filter((item) => !item.hidden);
    const inspect = shown.find((item) => item.label === 'Inspect as PingOne credential');
    // What the admin's click on the item does; the extension hears it as menus.onClicked (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/menus/onClicked).
    if (inspect) menu.activateItem(inspect);
    return shown.map((item) => item.label);
  }, undefined);
  expect(items).toContain('Inspect as PingOne credential');

  await expect.poll(() => toolbarPopupText(firefox, '#draft-heading')).toContain(`Text selected on ${CONSOLE_ORIGINS.demo}: not your credential until you use it.`);
  expect(await firefox.inExtension(async (key) => ((await (globalThis as unknown as WebExtensionGlobal).browser.storage.session.get(key))[key] as { text?: string } | undefined)?.text, DRAFT_KEY)).toBe(chosen.text);
  // A draft beside the vault: the admin's credential stays where it was.
  expect(await firefox.inExtension(async (key) => (await (globalThis as unknown as WebExtensionGlobal).browser.storage.session.get(key))[key], VAULT_KEY)).toBe(admin.text);
  expect(await firefox.inExtension(async () => (globalThis as unknown as WebExtensionGlobal).browser.extension.getViews({ type: 'popup' }).length, undefined)).toBe(1);
});

test('Alt+Shift+P typed into the browser window opens the real toolbar popup over the console, at its own 400 px, and its Fill fills the console', async ({ firefox }) => {
  const sample = firefox.fixtures.samples.webAppDevCloudflareJson;
  const read = readCredential(sample.text);
  if (!read.ok) throw new Error(read.error.message);
  await prepare(firefox, sample.text);
  const cloudflare = await firefox.openConsole(firefox.fixtures.consoleUrl('cloudflare'));
  expect(await firefox.inExtension(async () => (globalThis as unknown as WebExtensionGlobal).browser.extension.getViews({ type: 'popup' }).length, undefined)).toBe(0);

  await firefox.inBrowserWindow(() => {
    // Keys typed as the widget would deliver them to the focused window, so Firefox's own key bindings run
    // (commands: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/commands).
    const window = globalThis as unknown as FirefoxWindow;
    const keys = window.Cc['@mozilla.org/text-input-processor;1']!.createInstance(window.Ci.nsITextInputProcessor);
    keys.beginInputTransactionForTests(window);
    const key = (key: string, code: string, keyCode: number) => new KeyboardEvent('', { key, code, keyCode });
    const alt = key('Alt', 'AltLeft', 18);
    const shift = key('Shift', 'ShiftLeft', 16);
    const p = key('P', 'KeyP', 80);
    for (const down of [alt, shift, p]) keys.keydown(down);
    for (const up of [p, shift, alt]) keys.keyup(up);
  }, undefined);

  await expect.poll(() => toolbarPopupText(firefox, '#credential')).toContain('Fill Cloudflare Zero Trust');
  const size = await firefox.inExtension(async () => {
    const view = (globalThis as unknown as WebExtensionGlobal).browser.extension.getViews({ type: 'popup' })[0]!;
    return { width: view.innerWidth, height: view.innerHeight, horizontalScroll: view.document.documentElement.scrollWidth > view.innerWidth };
  }, undefined);
  console.log('toolbar popup opened by Alt+Shift+P in Firefox:', JSON.stringify(size));
  // The popup's own 400 px width (components/popup/popup.css), not a tab's; Firefox caps a popup at 800 x 600.
  expect(size).toMatchObject({ width: 400, horizontalScroll: false });
  expect(size.height).toBeGreaterThan(100);
  expect(size.height).toBeLessThanOrEqual(600);

  await firefox.inExtension(async () => {
    const view = (globalThis as unknown as WebExtensionGlobal).browser.extension.getViews({ type: 'popup' })[0]!;
    [...view.document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Fill Cloudflare Zero Trust')!.click();
  }, undefined);
  await expect.poll(async () => (await appState(cloudflare)).clientSecret).toBe(read.credential.clientSecret);
});

test('the pasted credential lives in storage.session, never in storage.local, outlives the background page stopping and starting, and no file of the running profile holds it', async ({ firefox }) => {
  const sample = firefox.fixtures.samples.webAppDevCloudflareJson;
  const read = readCredential(sample.text);
  if (!read.ok) throw new Error(read.error.message);
  await prepare(firefox, undefined);
  const cloudflare = await firefox.openConsole(firefox.fixtures.consoleUrl('cloudflare'));
  let popup = await firefox.openPopup(cloudflare);
  await popup.paste(sample.text);
  const inSession = () => firefox.inExtension(async (key) => (await (globalThis as unknown as WebExtensionGlobal).browser.storage.session.get(key))[key], VAULT_KEY);
  await expect.poll(inSession).toBe(sample.text);
  expect(await firefox.inExtension(async () => JSON.stringify(await (globalThis as unknown as WebExtensionGlobal).browser.storage.local.get(null)), undefined)).not.toContain(read.credential.clientSecret!);
  await popup.close();

  // Firefox's own stop and start of the background page (what about:debugging's "Terminate background script" and
  // the next event do, https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Background_scripts).
  const states = await firefox.inBrowserWindow(async (id) => {
    const { ExtensionParent } = (globalThis as unknown as FirefoxWindow).ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs') as {
      ExtensionParent: { GlobalManager: { getExtension(id: string): { backgroundState: string; terminateBackground(): Promise<void>; wakeupBackground(): Promise<void> } } };
    };
    const extension = ExtensionParent.GlobalManager.getExtension(id);
    await extension.terminateBackground();
    const stopped = extension.backgroundState;
    await extension.wakeupBackground();
    return [stopped, extension.backgroundState];
  }, GECKO_ID);
  expect(states).toEqual(['stopped', 'running']);
  expect(await inSession()).toBe(sample.text);

  // The background that started afresh reads the credential from storage.session for the fill.
  popup = await firefox.openPopup(cloudflare);
  await popup.click('Fill Cloudflare Zero Trust');
  await expect.poll(async () => (await appState(cloudflare)).clientSecret).toBe(read.credential.clientSecret);

  // On disk while Firefox runs: the settings written to storage.local reach the profile (the search's control),
  // the credential never does.
  await expect.poll(() => hitsOnDisk(firefox.profileDir, { 'settings key': 'readClipboardOnOpen' }).length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(hitsOnDisk(firefox.profileDir, { 'pasted text': sample.text, 'client secret': read.credential.clientSecret! })).toEqual([]);
});

test('browserAction.openPopup opens the real toolbar popup, drawn at its own size', async ({ firefox }) => {
  const opened = await firefox.inExtension(async () => {
    const browser = (globalThis as unknown as WebExtensionGlobal).browser;
    const before = browser.extension.getViews({ type: 'popup' }).length;
    const result = await browser.browserAction.openPopup().then(
      () => 'resolved',
      (error: unknown) => `rejected: ${String(error)}`,
    );
    const popupView = () => browser.extension.getViews({ type: 'popup' })[0];
    // The view exists at once; Preact draws the popup into it a moment later (the footer is the app's own: the box is
    // in popup.html's static markup, there before Firefox sizes the panel to the drawn popup).
    for (let waited = 0; waited < 10_000 && !popupView()?.document.querySelector('.footer'); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const view = popupView();
    return {
      before,
      result,
      popups: browser.extension.getViews({ type: 'popup' }).length,
      credentialBox: !!view?.document.querySelector('#credential'),
      width: view?.innerWidth,
      height: view?.innerHeight,
      horizontalScroll: view ? view.document.documentElement.scrollWidth > view.innerWidth : undefined,
    };
  }, undefined);
  console.log('browserAction.openPopup in Firefox:', JSON.stringify(opened));
  expect(opened).toMatchObject({ before: 0, result: 'resolved', popups: 1, credentialBox: true, horizontalScroll: false });
  // The popup's own 400 px width (components/popup/popup.css), not a tab's.
  expect(opened.width).toBe(400);
  expect(opened.height).toBeGreaterThan(100);
});
