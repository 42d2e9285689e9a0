/**
 * The settings the popup's context and the toolbar judge a tab with: the tab's row alone where it decides
 * (lib/settings/managed.ts loadSettingsFor), the whole map where a console the tab is or may be shown as has no tenant
 * there, since its checks weigh that console's rows elsewhere (lib/target.ts tenantless), as the fill gate does.
 */
import { CONSOLES } from '../consoles';
import { loadSettingsFor, loadSettingsWithPolicy } from '../settings/managed';
import { tenantless } from '../target';

export async function settingsForTab(url: string | undefined) {
  const forPage = await loadSettingsFor(url);
  // A known console ignores the choice, so asking with each console covers the page as it is known too.
  return forPage.oneRow && CONSOLES.some((candidate) => tenantless(url, forPage.settings, candidate.id)) ? loadSettingsWithPolicy() : forPage;
}
