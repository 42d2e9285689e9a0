/**
 * One driver interface, two browsers: the flows in this folder are written once against it and run on the BUILT
 * extension in Chromium (Playwright, ./chromium-driver.ts) and in Firefox (puppeteer-core over WebDriver BiDi,
 * ../firefox/firefox-driver.ts). Functions handed to `evaluate` run in the page and are serialised, so they close
 * over nothing; in extension pages they reach the extension API as `browser` (Firefox) or `chrome` (Chromium).
 */
import type { FixtureServer } from '../../fixtures/server';

export type BrowserName = 'chromium' | 'firefox';

/** A console tab the extension opened (tabs.create), as the popup would target it. */
export interface ConsoleTab {
  tabId: number;
  /** The URL it was opened at. */
  url: string;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

/** An extension page in a tab of its own (options.html). */
export interface PageDriver {
  /** Click the button whose accessible name is exactly `name`. */
  click(name: string): Promise<void>;
  /** The drawn text of the first element matching `selector`, '' when there is none. */
  text(selector: string): Promise<string>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

/** The popup: over a console tab (it targets that tab) or on its own. */
export interface PopupDriver extends PageDriver {
  /** Put `text` in the Credential box as a paste does (value, then an input event). */
  paste(text: string): Promise<void>;
}

export interface Driver {
  readonly browser: BrowserName;
  readonly fixtures: FixtureServer;
  /** The browser profile on disk, searched after shutdown. */
  readonly profileDir: string;
  /** Run `fn` in an extension page (popup.html in a tab of its own). */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  openConsole(url: string): Promise<ConsoleTab>;
  openPopup(over?: ConsoleTab): Promise<PopupDriver>;
  /** The options page in a tab of its own, loaded. */
  openOptions(): Promise<PageDriver>;
  /** Close the browser: everything it keeps is flushed to the profile. */
  shutdown(): Promise<void>;
}
