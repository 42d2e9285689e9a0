/**
 * The current credential, held in `storage.session` only: in memory, never written to disk, gone when the browser
 * closes, and readable only by trusted extension contexts (Chrome's default access level for storage.session, which
 * this module never widens). Idle auto-clear runs two ways: on read (an expired entry is wiped before it is returned)
 * and by an alarm, so a secret does not linger when the popup is never reopened.
 */
import { browser } from 'wxt/browser';

export const VAULT_KEY = 'vault';
/** Connection reports are kept per credential fingerprint so a reopened popup shows the last one. */
export const REPORT_KEY_PREFIX = 'connection-report:';
export const VAULT_IDLE_ALARM = 'vault-idle-clear';

interface VaultEntry {
  text: string;
  touchedAt: number;
}

function isVaultEntry(value: unknown): value is VaultEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as VaultEntry).text === 'string' &&
    typeof (value as VaultEntry).touchedAt === 'number'
  );
}

/** The stored text, or '' when there is none or it sat idle longer than `idleMs` (then it is wiped). */
export async function readVault(idleMs: number, now = Date.now()): Promise<string> {
  const stored = (await browser.storage.session.get(VAULT_KEY))[VAULT_KEY];
  if (!isVaultEntry(stored)) return '';
  if (now - stored.touchedAt > idleMs) {
    await clearVault();
    return '';
  }
  return stored.text;
}

/** Store the text and (re)arm the idle alarm. Empty text clears. */
export async function writeVault(text: string, idleMs: number, now = Date.now()): Promise<void> {
  if (text === '') return clearVault();
  const entry: VaultEntry = { text, touchedAt: now };
  await browser.storage.session.set({ [VAULT_KEY]: entry });
  // Alarms fire at most every 30 s in Chrome; the read-side expiry above covers the gap.
  await browser.alarms.create(VAULT_IDLE_ALARM, { when: now + idleMs });
}

/** Wipe the credential and every report derived from it. */
export async function clearVault(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key === VAULT_KEY || key.startsWith(REPORT_KEY_PREFIX));
  if (keys.length > 0) await browser.storage.session.remove(keys);
  await browser.alarms.clear(VAULT_IDLE_ALARM);
}

/** Call `listener` when the vault is wiped by anyone (the idle alarm, "Clear" in another page). */
export function onVaultCleared(listener: () => void): void {
  browser.storage.session.onChanged.addListener((changes) => {
    if (VAULT_KEY in changes && changes[VAULT_KEY]?.newValue === undefined) listener();
  });
}

export async function readReport<T>(fingerprint: string): Promise<T | undefined> {
  const key = REPORT_KEY_PREFIX + fingerprint;
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

export async function writeReport(fingerprint: string, report: unknown): Promise<void> {
  await browser.storage.session.set({ [REPORT_KEY_PREFIX + fingerprint]: report });
}
