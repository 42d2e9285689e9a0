/**
 * Open the popup on the credential just written to the vault (the "Inspect as PingOne credential" menu item).
 * Chrome MV3 has `action.openPopup()` (Chrome 127+ without a user gesture); Firefox's MV2 build has
 * `browserAction.openPopup()` instead, which Firefox allows only during a user action such as a menu click.
 * Where neither works, the popup page opens in a tab: the admin always lands on the credential.
 */
export interface InspectorApis {
  action?: { openPopup?: () => Promise<unknown> };
  browserAction?: { openPopup?: () => Promise<unknown> };
  openTab: (url: string) => Promise<unknown>;
  popupUrl: string;
}

export async function openInspector(apis: InspectorApis): Promise<'popup' | 'tab'> {
  // Called as a method: extension API functions may depend on `this`.
  const action = apis.action?.openPopup ? apis.action : apis.browserAction;
  if (action?.openPopup) {
    try {
      await action.openPopup();
      return 'popup';
    } catch {
      // Refused (no window focused, no user action): fall through to a tab.
    }
  }
  await apis.openTab(apis.popupUrl);
  return 'tab';
}
