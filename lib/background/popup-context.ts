/**
 * What the popup draws at open, resolved here so the popup loads neither the settings nor their schemas: the
 * settings it needs with the organisation's policy applied (./tab-settings.ts: the tab's row alone where it decides),
 * the tab as the banner and the fill show it, and where fields may be picked.
 */
import { browser } from 'wxt/browser';
import type { PopupContext, ResponseFor, UiRequest } from '../messages';
import { httpsOriginOf } from '../origin';
import { popupTabOf } from '../popup-tab';
import { idleMsOf, type Settings } from '../settings/model';
import { pickedFor } from '../settings/picked';
import { imitationOf } from '../target';
import { settingsForTab } from './tab-settings';

/** Picking fields (lib/pick) on an https tab that does not dress as a hosted console; pick-path.ts checks again. */
function pickOn(tabUrl: string | undefined, settings: Settings): PopupContext['pick'] {
  const origin = tabUrl ? httpsOriginOf(tabUrl) : undefined;
  if (!origin || imitationOf(tabUrl!, settings)) return undefined;
  const picked = pickedFor(settings, origin);
  return { origin, ...(picked ? { picked: { fields: picked.fields.length, at: picked.at } } : {}) };
}

export async function popupContext(request: Extract<UiRequest, { type: 'popup.context' }>): Promise<ResponseFor['popup.context']> {
  const tab = request.tabId === undefined ? undefined : await browser.tabs.get(request.tabId).catch(() => undefined);
  // The tab's own row, not the whole map, where the tab is a mapped tenant: a team's map of thousands costs that popup
  // nothing (./tab-settings.ts).
  const { settings, notice } = await settingsForTab(tab?.url);
  const pick = pickOn(tab?.url, settings);
  return {
    ok: true,
    idleMs: idleMsOf(settings),
    readClipboardOnOpen: settings.readClipboardOnOpen,
    ...(notice ? { notice } : {}),
    target: popupTabOf(tab?.url, settings),
    ...(pick ? { pick } : {}),
  };
}
