/** What the flows do through any driver: the vault, settings and the popup's messages, sent as the popup sends them. */
import type { FillPlan } from '../../../lib/fill/types';
import type { FillResponse } from '../../../lib/messages';
import type { Settings } from '../../../lib/settings/model';
import { VAULT_KEY, VAULT_TOUCHED_KEY } from '../../../lib/vault';
import { DEMO_SETTINGS } from '../extension-page';
import type { ConsoleTab, Driver } from './driver';

export type { FillPlan };

/** storage.local settings and the vault's text exactly as lib/vault.ts keeps it in storage.session. */
export async function prepare(driver: Driver, credentialText: string | undefined, settings: Settings = DEMO_SETTINGS) {
  await driver.inExtension(
    async ({ settings, keys, text }) => {
      const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
      await api.storage.local.set({ settings });
      if (text !== undefined) await api.storage.session.set({ [keys.text]: text, [keys.touchedAt]: Date.now() });
    },
    { settings, keys: { text: VAULT_KEY, touchedAt: VAULT_TOUCHED_KEY }, text: credentialText },
  );
}

/** `fill` as the popup sends it, for the tab's origin as the popup reads it (or the one it was opened at). */
export async function fillMessage(driver: Driver, tab: ConsoleTab, override = false): Promise<FillResponse> {
  return driver.inExtension(
    async ({ tabId, override, openedAt }) => {
      const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
      const url = (await api.tabs.get(tabId)).url;
      return (await api.runtime.sendMessage({ type: 'fill', tabId, override, origin: url ? new URL(url).origin : openedAt })) as FillResponse;
    },
    { tabId: tab.tabId, override, openedAt: new URL(tab.url).origin },
  );
}

export async function appState(tab: ConsoleTab, testId = 'app-state'): Promise<Record<string, unknown>> {
  return JSON.parse((await tab.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? 'null', testId)) as string) as Record<
    string,
    unknown
  >;
}

/** Every text value the page's inputs and textareas hold. */
export function domValues(tab: ConsoleTab): Promise<string[]> {
  return tab.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]), textarea')].map((input) => input.value), undefined);
}
