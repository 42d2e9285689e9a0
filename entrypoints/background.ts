import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearerInPage, clearerOffscreen, type OffscreenApis } from '../lib/background/clipboard-clearer';
import { answering } from '../lib/answer-message';
import { abandonConnectionTest, recoverInterruptedTests } from '../lib/background/connection-path';
import { installNoOriginRule } from '../lib/background/no-origin-rule';
import { openInspector, type InspectorApis } from '../lib/background/open-inspector';
import { routeMessage } from '../lib/background/router';
import { acceptWatchPort } from '../lib/background/watch-port';
import { watchToolbar, type ActionApi } from '../lib/background/toolbar-state';
import { clearCopiedSecret, COPIED_SECRET_ALARM } from '../lib/copied-secret';
import { idleMsOf } from '../lib/settings/model';
import { loadSettingsFor } from '../lib/settings/managed';
import { moveRowsToOwnKeys, watchSettings } from '../lib/settings/store';
import { armDraftExpiry, clearDraft, DRAFT_IDLE_ALARM, selectionSource, writeDraft } from '../lib/selection-draft';
import { clearVault, onVaultCleared, rearmVault, VAULT_IDLE_ALARM } from '../lib/vault';

const INSPECT_MENU_ID = 'inspect-selection';

export default defineBackground(() => {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener(answering((message, sender: Browser.runtime.MessageSender) => routeMessage(message, sender, extension)));
  // An open popup holds a port here: when this worker stops, the port closes and the popup says so (lib/worker-watch.ts).
  browser.runtime.onConnect.addListener((port) => void acceptWatchPort(port, extension));

  // The toolbar button's badge and title say whether a credential is loaded and whether it fits the tab's tenant.
  const toolbar = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  watchToolbar((import.meta.env.FIREFOX ? toolbar.browserAction : toolbar.action)!);

  // The connection test asks PingOne as a console's server does, with no Origin header (lib/background/no-origin-rule.ts).
  void installNoOriginRule(browser.declarativeNetRequest, new URL(extension.origin).host);

  // A worker that starts has no test running: any unfinished report was left by a worker the browser stopped.
  void recoverInterruptedTests();

  // A secret copied from the popup leaves the clipboard through this, popup open or not (lib/copied-secret.ts).
  // Firefox's background is a page with a DOM; Chrome's service worker has none and opens an offscreen document.
  // A build-time choice (WXT's import.meta.env.FIREFOX), so each build carries only its own way.
  const clearClipboard = import.meta.env.FIREFOX
    ? clearerInPage(document)
    : clearerOffscreen({
        offscreen: (browser as unknown as Pick<OffscreenApis, 'offscreen'>).offscreen,
        sendMessage: (message) => browser.runtime.sendMessage(message),
      });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VAULT_IDLE_ALARM) void clearVault();
    if (alarm.name === DRAFT_IDLE_ALARM) void clearDraft();
    if (alarm.name === COPIED_SECRET_ALARM) void clearCopiedSecret(clearClipboard);
  });

  // Clear (in any page) or the idle alarm wiped the credential: a test still running must not write its report back,
  // and a secret copied from it leaves the clipboard now rather than at its alarm.
  onVaultCleared(() => {
    void abandonConnectionTest();
    void clearCopiedSecret(clearClipboard);
  });

  // An update from a build that kept the map as one value: its rows move to their own keys once, at the update
  // (https://developer.chrome.com/docs/extensions/reference/api/runtime#event-onInstalled).
  browser.runtime.onInstalled.addListener(() => void moveRowsToOwnKeys());

  // The idle time the settings ask for: a worker woken by the menu click below may not have read them yet.
  const idleTime = loadSettingsFor(undefined).then(({ settings }) => idleMsOf(settings));
  // A new idle time applies to the credential and the draft already stored, counted from their last use or arrival
  // (the options page saves it, or the organisation's policy sets it).
  watchSettings(
    () =>
      void loadSettingsFor(undefined).then(({ settings }) => {
        const idleMs = idleMsOf(settings);
        void rearmVault(idleMs);
        void armDraftExpiry(idleMs);
      }),
  );

  // One code path for both builds: Firefox never persists menus of a persistent background page, so they are created
  // at every start (MDN, menus.create: "Call menus.create unconditionally from the top level"), and it fires neither
  // runtime.onInstalled nor onStartup when the add-on is re-enabled. Chrome does persist them, so removeAll first
  // keeps the re-creation at each worker start from failing on a duplicate id.
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: INSPECT_MENU_ID, title: 'Inspect as PingOne credential', contexts: ['selection'] });
  });

  // The selection becomes a draft beside the vault, never the vault's credential: the page chose it (its contextmenu
  // handler may have swapped the selection, lib/selection-draft.ts). Then the popup opens on it (or the popup page in
  // a tab). Nothing is awaited before openPopup: Firefox honours browserAction.openPopup only while the click is being
  // handled, and the first await ends that (MDN, "User actions"). The draft write is issued first, so its
  // storage.session.set reaches the browser before the popup exists, let alone reads the draft on load.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== INSPECT_MENU_ID || !info.selectionText) return;
    const source = selectionSource(info.frameUrl ?? info.pageUrl ?? tab?.url);
    const written = writeDraft({ text: info.selectionText, origin: source, at: Date.now() });
    const apis = browser as unknown as Pick<InspectorApis, 'action' | 'browserAction'>;
    void openInspector({
      action: apis.action,
      browserAction: apis.browserAction,
      openTab: (url) => browser.tabs.create({ url }),
      popupUrl: browser.runtime.getURL('/popup.html'),
    });
    void Promise.all([idleTime, written]).then(([idleMs]) => armDraftExpiry(idleMs));
  });
});
