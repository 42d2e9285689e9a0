/**
 * "Remember this tenant uses this environment": the tenant at the popup's tab is mapped to the environment of the
 * vault's credential (the text the popup shows, the one a fill or test acts on), in the admin's own settings.
 */
import { browser } from 'wxt/browser';
import { readCredential } from '../credential';
import type { ResponseFor, UiRequest } from '../messages';
import { loadSettingsWithPolicy } from '../settings/managed';
import { idleMsOf, type Settings } from '../settings/model';
import { updateSettings } from '../settings/store';
import { rememberTenant } from '../settings/tenants';
import { targetAsShown } from '../target';
import { readVault } from '../vault';

export async function rememberTabTenant(request: Extract<UiRequest, { type: 'tenant.remember' }>): Promise<ResponseFor['tenant.remember']> {
  const [{ settings }, tab] = await Promise.all([loadSettingsWithPolicy(), browser.tabs.get(request.tabId).catch(() => undefined)]);
  const target = targetAsShown(tab?.url, settings, request);
  if (target.kind !== 'console') return { ok: false, error: target.reason };
  const text = await readVault(idleMsOf(settings));
  const read = text ? readCredential(text) : undefined;
  if (!read?.ok) return { ok: false, error: 'No credential to remember: paste one in the popup first.' };
  const { credential } = read;
  await updateSettings((current: Settings) => rememberTenant(current, { origin: target.origin, consoleId: target.console.id, credential }));
  return { ok: true };
}
