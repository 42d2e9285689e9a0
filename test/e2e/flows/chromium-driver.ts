/** The flows' driver (./driver.ts) on Playwright's Chromium: the harness's launch, the real toolbar popup over a tab. */
import type { Page } from '@playwright/test';
import { ExtensionPage } from '../extension-page';
import type { LaunchedExtension } from '../harness';
import { PopupPage } from '../popup-page';
import type { FixtureServer } from '../../fixtures/server';
import type { ConsoleTab, Driver, PageDriver, PopupDriver } from './driver';

function chromiumPage(page: Page): PageDriver {
  return {
    click: (name) => page.getByRole('button', { name, exact: true }).click(),
    async text(selector) {
      const found = page.locator(selector).first();
      return (await found.count()) ? found.innerText() : '';
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    close: () => page.close(),
  };
}

function chromiumPopup(popup: PopupPage): PopupDriver {
  return { ...chromiumPage(popup.page), paste: (text) => popup.paste(text), close: () => popup.close() };
}

export function chromiumDriver(extension: LaunchedExtension, fixtures: FixtureServer): Driver {
  let extensionPage: Promise<ExtensionPage> | undefined;
  const pages = new Map<number, Page>();
  const opened = () => (extensionPage ??= ExtensionPage.open(extension));
  return {
    browser: 'chromium',
    fixtures,
    profileDir: extension.userDataDir,
    inExtension: async (fn, arg) => (await opened()).page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg) as never,
    async openConsole(url) {
      const { page, tabId } = await (await opened()).openConsole(url);
      pages.set(tabId, page);
      const tab: ConsoleTab = { tabId, url, evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never };
      return tab;
    },
    async openPopup(over) {
      const popup = new PopupPage(extension);
      if (over && extensionPage) {
        // PopupPage finds the toolbar popup by its URL, which the extension page (popup.html in a tab) shares: close it.
        await (await extensionPage).page.close();
        extensionPage = undefined;
      }
      await (over ? popup.openOver(pages.get(over.tabId)!) : popup.openInTab());
      return chromiumPopup(popup);
    },
    async openOptions() {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
      return chromiumPage(page);
    },
    shutdown: () => extension.context.close(),
  };
}
