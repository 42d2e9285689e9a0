import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openInspector, type InspectorApis } from '../lib/background/open-inspector';
import { routeMessage } from '../lib/background/router';
import { loadSettings } from '../lib/settings';
import { clearVault, VAULT_IDLE_ALARM, writeVault } from '../lib/vault';

const INSPECT_MENU_ID = 'inspect-selection';

export default defineBackground(() => {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, extension));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VAULT_IDLE_ALARM) void clearVault();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: INSPECT_MENU_ID, title: 'Inspect as PingOne credential', contexts: ['selection'] });
  });

  // The selection becomes the vault's credential, then the popup opens on it (or the popup page in a tab).
  browser.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== INSPECT_MENU_ID || !info.selectionText) return;
    const { settings } = await loadSettings();
    await writeVault(info.selectionText, settings.idleClearMinutes * 60_000);
    const apis = browser as unknown as Pick<InspectorApis, 'action' | 'browserAction'>;
    await openInspector({
      action: apis.action,
      browserAction: apis.browserAction,
      openTab: (url) => browser.tabs.create({ url }),
      popupUrl: browser.runtime.getURL('/popup.html'),
    });
  });
});
