/**
 * Options wiring: loads the settings, mounts <OptionsApp>, and turns its events into settings writes, host
 * permission requests and file downloads. Follows changes made elsewhere (the popup's "Remember this tenant", the
 * background's fill records) through storage.onChanged.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsAppProps } from '../../components/options/OptionsApp';
import '../../components/theme.css';
import '../../components/options/options.css';
import type { Settings } from '../../lib/settings/model';
import { addSelfHostedConsole, selfHostedPermission } from '../../lib/settings/self-hosted';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/store';
import { exportSettings, parseSettingsImport } from '../../lib/settings/transfer';
import { errorText } from '../../lib/error-text';
import { forgetPicked } from '../../lib/settings/picked';

const EXPORT_FILE_NAME = 'pingone-connection-helper-settings.json';

async function main() {
  const root = document.getElementById('app')!;
  let { settings, notice } = await loadSettings();
  let access: Record<string, boolean> = {};

  const refreshAccess = async () => {
    const entries = await Promise.all(
      settings.selfHosted.map(
        async (entry) => [entry.origin, await browser.permissions.contains(selfHostedPermission(entry.origin))] as const,
      ),
    );
    access = Object.fromEntries(entries);
  };

  const rerender = () => render(<OptionsApp {...props()} />, root);

  /** Every write stores a fully valid object, so whatever loadSettings had to repair is now repaired for good. */
  const change = async (update: (current: Settings) => Settings) => {
    settings = await updateSettings(update);
    notice = undefined;
    rerender();
  };

  const props = (): OptionsAppProps => ({
    settings,
    notice,
    access,
    onDismissNotice: () => void change((current) => current),
    onSaveTenant: (tenant, replacing) =>
      change((current) => ({
        ...current,
        tenants:
          replacing === undefined
            ? [...current.tenants, tenant]
            : current.tenants.map((row) => (row.origin === replacing ? tenant : row)),
      })),
    onRemoveTenant: (origin) => change((current) => ({ ...current, tenants: current.tenants.filter((row) => row.origin !== origin) })),
    // permissions.request is reached synchronously from the submit event (see addSelfHostedConsole).
    onAddSelfHosted: (entry) =>
      addSelfHostedConsole(entry, (permissions) => browser.permissions.request(permissions)).then(async (result) => {
        if (result.granted) settings = result.settings;
        await refreshAccess();
        rerender();
        return { granted: result.granted };
      }),
    onGrantSelfHosted: (origin) =>
      browser.permissions.request(selfHostedPermission(origin)).then(async (granted) => {
        await refreshAccess();
        rerender();
        return granted;
      }),
    onRemoveSelfHosted: async (origin) => {
      await change((current) => ({ ...current, selfHosted: current.selfHosted.filter((row) => row.origin !== origin) }));
      // Give the access back. A permission the manifest requires (the e2e build's demo origins) cannot be removed;
      // the browser refuses that with an error, which changes nothing for the admin.
      await browser.permissions.remove(selfHostedPermission(origin)).catch(() => false);
      await refreshAccess();
      rerender();
    },
    onPreferencesChange: (preferences) => change((current) => ({ ...current, ...preferences })),
    onImport: async (text) => {
      const parsed = parseSettingsImport(text);
      if (!parsed.ok) return parsed;
      // The fill history is this browser's, not configuration: it stays.
      await change((current) => ({ ...parsed.settings, uses: current.uses }));
      await refreshAccess();
      rerender();
      return { ok: true, tenants: parsed.settings.tenants.length, selfHosted: parsed.settings.selfHosted.length };
    },
    onDownloadExport: () => {
      const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = EXPORT_FILE_NAME;
      link.click();
      // The download has taken its copy once click() returns; the URL is only released a little later to be safe.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onCopyExport: () => navigator.clipboard.writeText(exportSettings(settings)),
    onDeletePicked: (origin) => change((current) => forgetPicked(current, origin)),
  });

  watchSettings(async (loaded) => {
    settings = loaded.settings;
    notice = loaded.notice;
    await refreshAccess();
    rerender();
  });
  const onPermissionsChanged = () => void refreshAccess().then(rerender);
  browser.permissions.onAdded.addListener(onPermissionsChanged);
  browser.permissions.onRemoved.addListener(onPermissionsChanged);

  await refreshAccess();
  rerender();
}

void main().catch((error: unknown) => {
  // Never a blank page: say what failed.
  const root = document.getElementById('app')!;
  root.textContent = `PingOne Connection Helper options could not start: ${errorText(error)}`;
});
