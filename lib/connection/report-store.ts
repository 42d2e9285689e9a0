/**
 * Connection reports in `storage.session`, one per credential fingerprint, so a reopened popup shows the last one.
 * They live and die with the credential: lib/vault.ts clearVault removes them with it.
 */
import { browser } from 'wxt/browser';

export const REPORT_KEY_PREFIX = 'connection-report:';

export async function readReport<T>(fingerprint: string): Promise<T | undefined> {
  const key = REPORT_KEY_PREFIX + fingerprint;
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

/** Every stored report, by credential fingerprint. */
export async function readReports<T>(): Promise<Map<string, T>> {
  const all = await browser.storage.session.get(null);
  const reports = new Map<string, T>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(REPORT_KEY_PREFIX)) reports.set(key.slice(REPORT_KEY_PREFIX.length), value as T);
  }
  return reports;
}

export async function writeReport(fingerprint: string, report: unknown): Promise<void> {
  await browser.storage.session.set({ [REPORT_KEY_PREFIX + fingerprint]: report });
}

export async function removeReport(fingerprint: string): Promise<void> {
  await browser.storage.session.remove(REPORT_KEY_PREFIX + fingerprint);
}
