/**
 * An extension page (popup.html in an ordinary tab) that does what the popup does, without its UI: writes the vault
 * exactly as lib/vault.ts stores it, writes settings, and sends the popup's messages. Tests and the bench use it to
 * drive the REAL background paths (router, sender rule, schema, checks, executeScript, fetch) with exact inputs;
 * the popup's own UI is covered by popup.spec.ts.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { storedSettings, writesFor } from '../../lib/settings/layout';
import type { ConnectionReport } from '../../lib/connection/types';
import type { FillReport } from '../../lib/fill/types';
import type { FillResponse } from '../../lib/messages';
import type { RegionTld } from '../../lib/regions';
import type { Settings } from '../../lib/settings/model';
import { REPORT_KEY_PREFIX } from '../../lib/connection/report-store';
import { VAULT_KEY, VAULT_TOUCHED_KEY } from '../../lib/vault';
import { CONSOLE_ORIGINS, environment } from '../fixtures/environments';
import type { LaunchedExtension } from './harness';

/**
 * Settings with the demo's self-hosted consoles known (the e2e build holds their host permissions), and the demo's
 * AIC tenant filled before, as an admin's own tenant is: the first fill at a tenant of AIC's shared domain asks first
 * (lib/target), which test/e2e/environment-map.spec.ts proves at tenants of its own.
 */
export const DEMO_SETTINGS: Settings = {
  version: 1,
  tenants: [],
  selfHosted: [
    { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' },
    { origin: 'https://pf.demo.internal:9999', consoleId: 'pingfederate' },
  ],
  idleClearMinutes: 10,
  readClipboardOnOpen: false,
  uses: [
    { fingerprint: '0123456789abcdef', origin: CONSOLE_ORIGINS.aic, consoleId: 'aic', environmentId: environment('dev').id, at: Date.UTC(2026, 0, 5) },
  ],
  picked: [],
};

/**
 * The settings storage.local holds, put together as lib/settings/layout.ts reads them (rows from their own keys, or
 * the one-value layout as it is), read in any extension page; not repaired.
 */
export async function storedSettingsIn(page: Page): Promise<Settings> {
  return storedSettings((await page.evaluate(async () => chrome.storage.local.get(null))) as Record<string, unknown>) as Settings;
}

/** lib/vault.ts: the text it keeps under VAULT_KEY and its use time under VAULT_TOUCHED_KEY, in storage.session. */
export interface StoredVault {
  text: string;
  touchedAt: number;
}

/** One storage.session item, read in `page` (any extension page: this one or the popup). */
async function sessionItem<T>(page: Page, key: string): Promise<T | undefined> {
  return (await page.evaluate(async (key) => (await chrome.storage.session.get(key))[key], key)) as T | undefined;
}

/** The vault as the extension holds it, read in any extension page (the popup included); undefined without text. */
export async function storedVault(page: Page): Promise<StoredVault | undefined> {
  const stored = await page.evaluate(async (keys) => chrome.storage.session.get(keys), [VAULT_KEY, VAULT_TOUCHED_KEY]);
  const text = stored[VAULT_KEY] as string | undefined;
  return text === undefined ? undefined : { text, touchedAt: stored[VAULT_TOUCHED_KEY] as number };
}

/** Set the credential's use time, as if it had last been used at `touchedAt` (the idle clear counts from it). */
export async function ageVault(page: Page, touchedAt: number): Promise<void> {
  await page.evaluate(async ({ key, touchedAt }) => chrome.storage.session.set({ [key]: touchedAt }), { key: VAULT_TOUCHED_KEY, touchedAt });
}

/** The report of a fill the background carried out; a fill it refused (checks, not a console) fails the test, saying why. */
export function fillReportOf(response: FillResponse): FillReport {
  if (!response.ok) throw new Error(`fill failed: ${response.error} ${JSON.stringify(response.blockedBy ?? [])}`);
  return response.report;
}

export class ExtensionPage {
  /** The origin each console tab was opened at (openConsole), by tab id. */
  private readonly openedAt = new Map<number, string>();

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  static async open(extension: LaunchedExtension): Promise<ExtensionPage> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    return new ExtensionPage(page, extension.context);
  }

  /** Settings stored as the extension stores them, a key per tenant row (lib/settings/layout.ts), over whatever was there. */
  async setSettings(settings: Settings = DEMO_SETTINGS) {
    const { set } = writesFor(settings, {});
    await this.page.evaluate(async (items) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    }, set);
  }

  async setCredential(text: string) {
    await this.page.evaluate(
      async ({ keys, text }) => chrome.storage.session.set({ [keys.text]: text, [keys.touchedAt]: Date.now() }),
      { keys: { text: VAULT_KEY, touchedAt: VAULT_TOUCHED_KEY }, text },
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
    this.openedAt.set(tabId, new URL(url).origin);
    await page.waitForLoadState('load');
    if (appStateInTopFrame) await page.getByTestId('app-state').waitFor();
    return { page, tabId };
  }

  /**
   * `fill` as the popup sends it; `roundTripMs` is the admin's wait from the click to the report. The origin sent is
   * the one the popup would show: the tab's current one, read as the popup reads it (chrome.tabs.get, which gives the
   * URL only with a host permission for it). Without one, the origin openConsole opened the tab at, so the background
   * still gets to refuse the page itself.
   */
  async fill(tabId: number, options: { override?: boolean; name?: string } = {}) {
    return this.page.evaluate(
      async ({ request, openedAt }) => {
        const url = (await chrome.tabs.get(request.tabId)).url;
        const origin = url ? new URL(url).origin : openedAt;
        const started = performance.now();
        const response = (await chrome.runtime.sendMessage({ ...request, origin })) as FillResponse;
        return { response, roundTripMs: performance.now() - started };
      },
      {
        request: { type: 'fill', tabId, override: options.override ?? false, ...(options.name ? { name: options.name } : {}) },
        openedAt: this.openedAt.get(tabId),
      },
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

  /** The report in storage.session for `fingerprint` (lib/connection/report-store.ts writeReport), running or finished. */
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
