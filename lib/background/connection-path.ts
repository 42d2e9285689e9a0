/**
 * The connection-test path: the credential comes from the vault (never from the message), every URL from the region
 * table (lib/connection builds them), and each update is kept in storage.session by fingerprint and broadcast to the
 * extension's pages. One test at a time: starting a new one cancels the previous.
 */
import { browser } from 'wxt/browser';
import { runConnectionTest } from '../connection';
import type { ConnectionReport } from '../connection/types';
import { fingerprintCredential, readCredential } from '../credential';
import type { BackgroundEvent, ConnectionStartResponse, UiRequest } from '../messages';
import { loadSettings } from '../settings';
import { readVault, writeReport } from '../vault';

let running: AbortController | undefined;

export async function startConnectionTest(
  request: Extract<UiRequest, { type: 'connection.start' }>,
): Promise<ConnectionStartResponse> {
  const { settings } = await loadSettings();
  const text = await readVault(settings.idleClearMinutes * 60_000);
  if (!text) return { ok: false, error: 'No credential to test: paste one in the popup first.' };
  const read = readCredential(text);
  if (!read.ok) return { ok: false, error: `The credential cannot be read: ${read.error.message}` };
  const fingerprint = await fingerprintCredential(read.credential);

  running?.abort();
  const controller = new AbortController();
  running = controller;
  const publish = async (report: ConnectionReport) => {
    await writeReport(fingerprint, report);
    const event: BackgroundEvent = { type: 'connection.update', report };
    // No page listening (popup closed) is normal: the stored report is what a reopened popup shows.
    await browser.runtime.sendMessage(event).catch(() => undefined);
  };
  void runConnectionTest(read.credential, {
    fingerprint,
    regionTld: request.regionTld as Parameters<typeof runConnectionTest>[1]['regionTld'],
    signal: controller.signal,
    onUpdate: (report) => void publish(report),
  })
    .then(publish)
    .finally(() => {
      if (running === controller) running = undefined;
    });
  return { ok: true, fingerprint };
}

export function cancelConnectionTest(): { ok: true } {
  running?.abort();
  running = undefined;
  return { ok: true };
}
