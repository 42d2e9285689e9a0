/**
 * The BUILT Firefox extension (.output/firefox-mv2-e2e) in Debian's firefox-esr, headless, driven over WebDriver BiDi
 * with puppeteer-core (Playwright cannot load extensions into Firefox): a fresh profile per test, installed as a
 * temporary add-on at a moz-extension UUID we choose. Every https request goes through a local CONNECT proxy that
 * routes by the fixture server's host rules (test/fixtures/connect-proxy.ts); `acceptInsecureCerts` trusts the
 * fixture certificate for the whole session, the background page's requests included.
 * Firefox lists no toolbar popup over BiDi, so "the popup over a tab" is popup.html loaded in a background tab while
 * the console tab is the active one: its tabs.query({ active: true, currentWindow: true }) then finds the console.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ConnectProxy } from '../../fixtures/connect-proxy';
import type { FixtureServer } from '../../fixtures/server';
import type { ConsoleTab, Driver, PopupDriver } from '../flows/driver';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2-e2e');
/** The production build (`npm run build:firefox`): no host permission for the demo's self-hosted consoles. */
export const FIREFOX_PRODUCTION_DIR = path.resolve('.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'pingone-connection-helper@example.org';
/** The moz-extension:// host, fixed by pref so tests can open the extension's pages. */
export const EXTENSION_UUID = '3f0c6a2e-6d1b-4b8e-9f57-1c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Navigate and wait for load: puppeteer's page.goto never resolves for moz-extension:// pages. */
export async function navigate(page: Page, url: string) {
  // A BiDi frame carries its browsingContext; puppeteer's public Frame type does not declare it.
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
  await frame.browsingContext.navigate(url, 'complete');
}

/** Poll in the page: a background tab runs no animation frames, so puppeteer's own waits never fire there. */
async function waitInPage(page: Page, fn: string) {
  await page.waitForFunction(fn, { polling: 100, timeout: 15_000 });
}

function firefoxPopup(page: Page): PopupDriver {
  return {
    async paste(text) {
      await page.evaluate((text) => {
        const box = document.querySelector<HTMLTextAreaElement>('#credential')!;
        box.focus();
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, text);
    },
    async click(name) {
      await waitInPage(page, `[...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === ${JSON.stringify(name)} && !b.disabled)`);
      await page.evaluate((name) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)!.click(), name);
    },
    text: (selector) => page.evaluate((selector) => document.querySelector<HTMLElement>(selector)?.innerText ?? '', selector),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    close: () => page.close(),
  };
}

export interface FirefoxLaunch extends Driver {
  browserInstance: Browser;
  extensionPage: Page;
  /**
   * Run `fn` in Firefox's own window (browser.xhtml: its permission prompts, context menu and key bindings), which
   * WebDriver BiDi lists as a "chrome" context because the session allows system access
   * (https://bugzilla.mozilla.org/show_bug.cgi?id=1851788). `fn` and its result travel as JSON.
   */
  inBrowserWindow<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

export async function launchFirefox(fixtures: FixtureServer, proxy: ConnectProxy, extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxLaunch> {
  const build = extensionDir === FIREFOX_PRODUCTION_DIR ? 'build:firefox' : 'build:firefox-e2e';
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run ${build}\` first.`);
  const profileDir = await mkdtemp(path.join(tmpdir(), 'pch-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profileDir,
    acceptInsecureCerts: true,
    // Without it Firefox refuses to navigate a BiDi session to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  await browser.installExtension(extensionDir);
  const extensionPage = (await browser.pages())[0] ?? (await browser.newPage());
  await navigate(extensionPage, `${EXTENSION_ORIGIN}/popup.html`);
  // The raw BiDi connection: puppeteer's BiDi browser has it, its public Browser type does not say so.
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const browserWindow = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml')!.context;

  let closed = false;
  const driver: FirefoxLaunch = {
    browser: 'firefox',
    fixtures,
    profileDir,
    browserInstance: browser,
    extensionPage,
    inExtension: (fn, arg) => extensionPage.evaluate(fn as (arg: unknown) => Promise<unknown>, arg) as never,
    async inBrowserWindow(fn, arg) {
      const expression = `(async () => JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg)}) ?? null))()`;
      const { result } = (await bidi.send('script.evaluate', { expression, target: { context: browserWindow }, awaitPromise: true })) as {
        result: { type: 'success'; result: { value: string } } | { type: 'exception'; exceptionDetails: { text: string } };
      };
      if (result.type === 'exception') throw new Error(`In Firefox's window: ${result.exceptionDetails.text}`);
      return JSON.parse(result.result.value) as never;
    },
    async openConsole(url) {
      const created = browser.waitForTarget((target) => target.url() === url, { timeout: 15_000 });
      const tabId = await extensionPage.evaluate(async (url) => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url, active: true })).id!, url);
      const page = (await (await created).page())!;
      await waitInPage(page, `document.readyState === 'complete' && !!document.querySelector('[data-testid="app-state"]')`);
      const tab: ConsoleTab = { tabId, url, evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never };
      return tab;
    },
    async openPopup(over) {
      const page = await browser.newPage();
      if (over) await extensionPage.evaluate(async (tabId) => void (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.update(tabId, { active: true })), over.tabId);
      await navigate(page, `${EXTENSION_ORIGIN}/popup.html`);
      await waitInPage(page, `!!document.querySelector('#credential')`);
      return firefoxPopup(page);
    },
    async shutdown() {
      if (closed) return;
      closed = true;
      await browser.close();
    },
  };
  return driver;
}

export async function closeFirefox(driver: FirefoxLaunch) {
  await driver.shutdown();
  await rm(driver.profileDir, { recursive: true, force: true });
}
