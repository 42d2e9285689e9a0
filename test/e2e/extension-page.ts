/**
 * An extension page (popup.html in an ordinary tab) that does what the popup does, without its UI: writes the vault
 * exactly as lib/vault.ts stores it, writes settings, and sends the popup's messages. Tests and the bench use it to
 * drive the REAL background paths (router, sender rule, schema, checks, executeScript, fetch) with exact inputs;
 * the popup's own UI is covered by popup.spec.ts.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { ConnectionReport } from '../../lib/connection/types';
import type { FillReport } from '../../lib/fill/types';
import type { FillResponse } from '../../lib/messages';
import type { RegionTld } from '../../lib/regions';
import type { Settings } from '../../lib/settings';
import { REPORT_KEY_PREFIX, VAULT_KEY } from '../../lib/vault';
import type { LaunchedExtension } from './harness';

/** Settings with the demo's self-hosted consoles known (the e2e build holds their host permissions). */
export const DEMO_SETTINGS: Settings = {
  version: 1,
  tenants: [],
  selfHosted: [
    { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' },
    { origin: 'https://pf.demo.internal:9999', consoleId: 'pingfederate' },
  ],
  idleClearMinutes: 10,
  readClipboardOnOpen: false,
  uses: [],
};

/** lib/vault.ts: the entry it keeps under VAULT_KEY in storage.session. */
export interface StoredVault {
  text: string;
  touchedAt: number;
}

/** One storage.session item, read in `page` (any extension page: this one or the popup). */
async function sessionItem<T>(page: Page, key: string): Promise<T | undefined> {
  return (await page.evaluate(async (key) => (await chrome.storage.session.get(key))[key], key)) as T | undefined;
}

/** The vault entry as the extension holds it, read in any extension page (the popup included). */
export function storedVault(page: Page): Promise<StoredVault | undefined> {
  return sessionItem<StoredVault>(page, VAULT_KEY);
}

/** The report of a fill the background carried out; a fill it refused (checks, not a console) fails the test, saying why. */
export function fillReportOf(response: FillResponse): FillReport {
  if (!response.ok) throw new Error(`fill failed: ${response.error} ${JSON.stringify(response.blockedBy ?? [])}`);
  return response.report;
}

export class ExtensionPage {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  static async open(extension: LaunchedExtension): Promise<ExtensionPage> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    return new ExtensionPage(page, extension.context);
  }

  async setSettings(settings: Settings = DEMO_SETTINGS) {
    await this.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), settings);
  }

  async setCredential(text: string) {
    await this.page.evaluate(
      async ({ key, text }) => {
        const entry: StoredVault = { text, touchedAt: Date.now() };
        await chrome.storage.session.set({ [key]: entry });
      },
      { key: VAULT_KEY, text },
    );
  }

  /**
   * A console in a new tab opened by the extension, so the test knows its tab id as the popup would. It is ready when
   * its app state shows; `appStateInTopFrame: false` for a page whose form (and app state) sits in a frame.
   */
  async openConsole(url: string, { appStateInTopFrame = true } = {}): Promise<{ page: Page; tabId: number }> {
    const [page, tabId] = await Promise.all([
      this.context.waitForEvent('page'),
      this.page.evaluate(async (url) => (await chrome.tabs.create({ url, active: true })).id!, url),
    ]);
    await page.waitForLoadState('load');
    if (appStateInTopFrame) await page.getByTestId('app-state').waitFor();
    return { page, tabId };
  }

  /** `fill` as the popup sends it; `roundTripMs` is the admin's wait from the click to the report. */
  async fill(tabId: number, options: { override?: boolean; name?: string } = {}) {
    return this.page.evaluate(
      async (request) => {
        const started = performance.now();
        const response = (await chrome.runtime.sendMessage(request)) as FillResponse;
        return { response, roundTripMs: performance.now() - started };
      },
      { type: 'fill', tabId, override: options.override ?? false, ...(options.name ? { name: options.name } : {}) },
    );
  }

  /** `connection.start` as the popup sends it, without waiting: the fingerprint the background keeps the report under. */
  async startConnection(regionTld?: RegionTld): Promise<string> {
    const start = (await this.page.evaluate(
      async (regionTld) => chrome.runtime.sendMessage(regionTld ? { type: 'connection.start', regionTld } : { type: 'connection.start' }),
      regionTld,
    )) as { ok: true; fingerprint: string } | { ok: false; error: string };
    if (!start.ok) throw new Error(`connection.start refused: ${start.error}`);
    return start.fingerprint;
  }

  /** The report in storage.session for `fingerprint` (lib/vault.ts writeReport), running or finished. */
  storedReport(fingerprint: string): Promise<ConnectionReport | undefined> {
    return sessionItem<ConnectionReport>(this.page, REPORT_KEY_PREFIX + fingerprint);
  }

  async finishedReport(fingerprint: string, timeoutMs = 30_000): Promise<ConnectionReport> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const report = await this.storedReport(fingerprint);
      if (report?.finishedAt !== undefined) return report;
      if (Date.now() > deadline) throw new Error(`no finished connection report within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Start a connection test and wait for its finished report. */
  async testConnection(regionTld?: RegionTld, timeoutMs = 30_000): Promise<ConnectionReport> {
    return this.finishedReport(await this.startConnection(regionTld), timeoutMs);
  }
}
