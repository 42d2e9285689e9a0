/**
 * Options wiring: loads the settings, mounts <OptionsApp>, and turns its events into settings writes, host
 * permission requests and file downloads. Follows changes made elsewhere (the popup's "Remember this tenant", the
 * background's fill records) through storage.onChanged.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsAppProps } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import type { policyPanel } from './policy-panel';
import type { Settings } from '../../lib/settings/model';
import { addSelfHostedConsole, selfHostedPermission } from '../../lib/settings/self-hosted';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/store';
import { errorText } from '../../lib/error-text';
import { forgetPicked } from '../../lib/settings/picked';
import { bringsNothingNew } from '../../lib/settings/own-write';

const EXPORT_FILE_NAME = 'pingone-connection-helper-settings.json';

/** Import and export happen once in a while: their code loads when the admin uses them, not with the page. */
const transfer = () => import('../../lib/settings/transfer');

async function main() {
  const root = document.getElementById('app')!;
  let { settings, notice } = await loadSettings();
  let access: Record<string, boolean> = {};
  // The organisation's policy (lib/settings/managed.ts), shown apart and locked; its code loads only when one exists.
  let policy: ReturnType<typeof policyPanel> | undefined;

  const readPolicy = async () => {
    // Firefox rejects the read when no policy names this add-on: that is no policy.
    const input = await browser.storage.managed.get().catch(() => ({}));
    policy = Object.keys(input).length > 0 ? (await import('./policy-panel')).policyPanel(input) : undefined;
  };

  const refreshAccess = async () => {
    const entries = await Promise.all(
      [...settings.selfHosted.map((entry) => entry.origin), ...(policy?.origins ?? [])].map(
        async (origin) => [origin, await browser.permissions.contains(selfHostedPermission(origin))] as const,
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

  const grant = (origin: string) =>
    browser.permissions.request(selfHostedPermission(origin)).then(async (granted) => {
      await refreshAccess();
      rerender();
      return granted;
    });

  const props = (): OptionsAppProps => ({
    settings,
    policy: policy?.view({ own: settings, access, onGrant: (origin) => void grant(origin) }),
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
    onGrantSelfHosted: grant,
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
      const parsed = (await transfer()).parseSettingsImport(text);
      if (!parsed.ok) return parsed;
      // The fill history is this browser's, not configuration: it stays.
      await change((current) => ({ ...parsed.settings, uses: current.uses }));
      await refreshAccess();
      rerender();
      return { ok: true, tenants: parsed.settings.tenants.length, selfHosted: parsed.settings.selfHosted.length };
    },
    onDownloadExport: async () => {
      const url = URL.createObjectURL(new Blob([(await transfer()).exportSettings(settings)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = EXPORT_FILE_NAME;
      link.click();
      // The download has taken its copy once click() returns; the URL is only released a little later to be safe.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onCopyExport: async () => navigator.clipboard.writeText((await transfer()).exportSettings(settings)),
    onDeletePicked: (origin) => change((current) => forgetPicked(current, origin)),
  });

  // Another page's write, or the organisation changed its policy; this page's own write, heard here too, is not loaded
  // again (a 2,000-row import would read and repair every row a second time).
  watchSettings(async (changes) => {
    if (changes && bringsNothingNew(settings, changes)) return;
    ({ settings, notice } = await loadSettings());
    await readPolicy();
    await refreshAccess();
    rerender();
  });
  const onPermissionsChanged = () => void refreshAccess().then(rerender);
  browser.permissions.onAdded.addListener(onPermissionsChanged);
  browser.permissions.onRemoved.addListener(onPermissionsChanged);

  await readPolicy();
  await refreshAccess();
  rerender();
  // "Options first render" for `npm run bench`: settings loaded and the page drawn.
  performance.mark('options-rendered');
}

void main().catch((error: unknown) => {
  // Never a blank page: say what failed.
  const root = document.getElementById('app')!;
  root.textContent = `PingOne Connection Helper options could not start: ${errorText(error)}`;
});
