/**
 * The toolbar button tells, per tab, what the popup would: no credential, a credential loaded, and on a console tab
 * whether it fits. The verdict is the fill gate's own: judgeCredential with lib/target's checkContextFor. The title
 * is built from fixed words, the console, the host and tiers only: never a check's message, so no claim text.
 */
import { browser } from 'wxt/browser';
import { fingerprintCredential, judgeCredential, readCredential } from '../credential';
import type { Credential } from '../credential/types';
import { TIER_NAMES, type Settings, type TenantMapping } from '../settings/model';
import { loadSettingsWithPolicy } from '../settings/managed';
import { watchSettings } from '../settings/store';
import { checkContextFor, resolveTarget } from '../target';
import { settingsForTab } from './tab-settings';
import { readVault, VAULT_KEY } from '../vault';

export interface ToolbarState {
  text: string;
  color: string;
  title: string;
}

const NAME = 'PingOne Connection Helper';
const KINDS: Record<Credential['kind'], string> = { gateway: 'Gateway credential', product: 'Product-connection credential', 'oidc-app': 'OIDC application' };
// Badge colours with white text at 4.5:1 or more (https://www.w3.org/TR/WCAG21/#contrast-minimum).
const BLUE = '#1c5fb8';
const GREEN = '#1a7334';
const AMBER = '#8f4700';
const RED = '#b3261e';

/**
 * What the button shows for the vault's text on a tab at `tabUrl` (the URL is known only for hosts the extension holds).
 * `settings` as lib/settings/managed.ts loadSettingsFor gives them for that URL; `everyTenant`, the whole map, is read
 * only to name a blocked credential's own tier.
 */
export async function toolbarStateFor(
  text: string,
  tabUrl: string | undefined,
  settings: Settings,
  everyTenant: () => Promise<readonly TenantMapping[]> = async () => settings.tenants,
): Promise<ToolbarState> {
  // Text that reads as no credential (the popup says why) is none here: nothing could be filled or tested.
  const read = text ? readCredential(text) : undefined;
  if (!read?.ok) return { text: '', color: BLUE, title: `${NAME}: no credential` };
  const { credential } = read;
  const kind = KINDS[credential.kind];
  const target = resolveTarget(tabUrl, settings);
  if (target.kind !== 'console') return { text: '•', color: BLUE, title: `${NAME}: ${kind} loaded` };

  const checks = judgeCredential(credential, checkContextFor(target, settings, await fingerprintCredential(credential)));
  const errors = checks.filter((check) => check.level === 'error').length;
  const warnings = checks.filter((check) => check.level === 'warning').length;
  const where = `${target.console.name} at ${new URL(target.origin).host}`;
  if (errors) {
    // The tiers, when the map knows both: the tab's tenant, and the tenant the credential's environment is mapped to.
    const id = credential.environmentId.toLowerCase();
    const own = (await everyTenant()).find((row) => row.expected.environmentId.toLowerCase() === id)?.tier;
    const tier = target.tenant?.tier;
    const tiers = own && tier && own !== tier ? `${TIER_NAMES[own]} credential, ${TIER_NAMES[tier].toLowerCase()} tenant: ` : '';
    return { text: 'NO', color: RED, title: `${NAME}: ${tiers}${kind} blocked on ${where} (${errors === 1 ? 'a check fails' : `${errors} checks fail`})` };
  }
  if (warnings) return { text: '!', color: AMBER, title: `${NAME}: ${kind} fits ${where}, ${warnings === 1 ? 'a warning' : `${warnings} warnings`}` };
  return { text: 'OK', color: GREEN, title: `${NAME}: ${kind} fits ${where}` };
}

/** The toolbar API of each build: Chrome's `action`, Firefox MV2's `browserAction`. */
export interface ActionApi {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  setTitle(details: { title: string; tabId?: number }): Promise<void>;
}

/** Keep every tab's button current: on tab switches, tab navigation, vault changes and settings changes. */
export function watchToolbar(action: ActionApi): void {
  // A newer update of a tab wins over a slower older one (each awaits storage and WebCrypto). One number per tab seen:
  // Chrome's worker, and the map with it, ends after 30 idle seconds; Firefox's page keeps a number per tab opened.
  const latest = new Map<number, number>();
  let sequence = 0;

  const update = async (tabId: number, url: string | undefined) => {
    const mine = ++sequence;
    latest.set(tabId, mine);
    const { settings } = await settingsForTab(url);
    const everyTenant = async () => (await loadSettingsWithPolicy()).settings.tenants;
    const state = await toolbarStateFor(await readVault(settings.idleClearMinutes * 60_000), url, settings, everyTenant);
    if (latest.get(tabId) !== mine) return;
    await Promise.all([
      action.setBadgeText({ tabId, text: state.text }),
      action.setBadgeBackgroundColor({ tabId, color: state.color }),
      action.setTitle({ tabId, title: state.title }),
    ]).catch(() => undefined); // the tab closed meanwhile
  };
  const updateActiveTabs = async () => {
    for (const tab of await browser.tabs.query({ active: true })) if (tab.id !== undefined) void update(tab.id, tab.url);
  };

  browser.tabs.onActivated.addListener(
    ({ tabId }) => void browser.tabs.get(tabId).then((tab) => update(tabId, tab.url), () => undefined), // closed at once
  );
  // Firefox resets a tab's badge when it navigates (MDN, browserAction.setBadgeText): set it again once loaded too.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void update(tabId, tab.url);
  });
  browser.storage.session.onChanged.addListener((changes) => {
    if (VAULT_KEY in changes) void updateActiveTabs();
  });
  watchSettings(() => void updateActiveTabs());
  void updateActiveTabs();
}
