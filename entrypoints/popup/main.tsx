/**
 * Popup wiring: reads the vault, the settings and the active tab, mounts <PopupApp>, and turns its events into
 * vault writes, clipboard calls and messages to the background. No logic of its own beyond that.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupAppProps } from '../../components/PopupApp';
import '../../components/popup.css';
import type { ConnectionReport } from '../../lib/connection/types';
import { fingerprintCredential, readCredential } from '../../lib/credential';
import { backgroundEventSchema, isExtensionPage, type ResponseFor, type UiRequest } from '../../lib/messages';
import { loadSettings, rememberTenant, updateSettings, type Settings } from '../../lib/settings';
import { resolveTarget } from '../../lib/target';
import { clearVault, readReport, readVault, writeVault } from '../../lib/vault';

async function send<T extends UiRequest>(request: T): Promise<ResponseFor[T['type']]> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor[T['type']];
}

async function fingerprintOf(text: string): Promise<string | undefined> {
  const read = readCredential(text);
  return read.ok ? fingerprintCredential(read.credential) : undefined;
}

async function main() {
  const root = document.getElementById('app')!;
  let { settings } = await loadSettings();
  const idleMs = () => settings.idleClearMinutes * 60_000;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });

  let text = await readVault(idleMs());
  if (!text && settings.readClipboardOnOpen) {
    // Opt-in preference (off by default): reading the clipboard unasked would surprise most admins.
    text = (await navigator.clipboard.readText().catch(() => '')).trim();
    if (text) await writeVault(text, idleMs());
  }

  let connection: ConnectionReport | null = null;
  const fingerprint = text ? await fingerprintOf(text) : undefined;
  if (fingerprint) connection = (await readReport<ConnectionReport>(fingerprint)) ?? null;

  const targetProps = (): PopupAppProps['target'] => {
    const target = resolveTarget(tab?.url, settings);
    if (target.kind !== 'console') return { unavailable: target.reason };
    const { tenant } = target;
    return {
      consoleId: target.console.id,
      consoleName: target.console.name,
      origin: target.origin,
      console: target.console,
      expected: tenant ? { ...tenant.expected, tenantLabel: tenant.label, tier: tenant.tier } : undefined,
      tier: tenant?.tier,
      tenantLabel: tenant?.label,
      seen: settings.uses,
    };
  };

  const rerender = () => render(<PopupApp {...props()} />, root);

  const props = (): PopupAppProps => ({
    initialText: text,
    target: targetProps(),
    connection,
    onTextChange: (next) => {
      text = next;
      void writeVault(next, idleMs());
    },
    onPaste: async () => (await navigator.clipboard.readText()).trim(),
    onCopy: (value) => navigator.clipboard.writeText(value),
    onFill: async ({ override, name }) => {
      if (tab?.id === undefined) throw new Error('No active tab to fill.');
      const response = await send({ type: 'fill', tabId: tab.id, override, ...(name ? { name } : {}) });
      if (!response.ok) throw new Error(response.error);
      ({ settings } = await loadSettings());
      rerender();
      return response.report;
    },
    onTestConnection: () => {
      connection = null;
      rerender();
      void send({ type: 'connection.start' }).then((response) => {
        if (!response.ok) {
          connection = {
            fingerprint: '',
            startedAt: Date.now(),
            finishedAt: Date.now(),
            steps: [{ id: 'environment', title: 'Connection test', verdict: 'fail', message: response.error }],
          };
          rerender();
        }
      });
    },
    onCancelTest: () => void send({ type: 'connection.cancel' }),
    onClear: () => {
      text = '';
      connection = null;
      void clearVault();
      rerender();
    },
    onRememberTenant: async () => {
      const target = resolveTarget(tab?.url, settings);
      const read = readCredential(text);
      if (target.kind !== 'console' || !read.ok) return;
      settings = await updateSettings((current: Settings) =>
        rememberTenant(current, {
          origin: target.origin,
          consoleId: target.console.id,
          credential: read.credential,
        }),
      );
      rerender();
    },
    onOpenOptions: () => void browser.runtime.openOptionsPage(),
  });

  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isExtensionPage(sender, browser.runtime.id, extensionOrigin)) return;
    const event = backgroundEventSchema.safeParse(message);
    if (!event.success) return;
    connection = event.data.report as unknown as ConnectionReport;
    rerender();
  });

  rerender();
}

void main().catch((error: unknown) => {
  // Never a blank popup: say what failed.
  const root = document.getElementById('app')!;
  root.textContent = `PingOne Connection Helper could not start: ${error instanceof Error ? error.message : String(error)}`;
});
