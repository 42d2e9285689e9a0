/**
 * The current credential, held in `storage.session` only: in memory, never written to disk, gone when the browser
 * closes, and readable only by trusted extension contexts (Chrome's default access level for storage.session, which
 * this module never widens). Idle auto-clear runs two ways: on read (an expired entry is wiped before it is returned)
 * and by an alarm, so a secret does not linger when the popup is never reopened.
 */
import { browser } from 'wxt/browser';
import { REPORT_KEY_PREFIX } from './connection/report-store';

/** The credential's text, written only by writeVault and removed only by clearVault. */
export const VAULT_KEY = 'vault';
/**
 * When the credential was last used (ms since the epoch). Kept apart from the text so a touch never writes the text:
 * storage.session has no compare-and-set, and a touch that rewrote the text it had read could bring back a credential
 * cleared in between. A timestamp left without text (a touch landing after a clear) keeps nothing alive.
 */
export const VAULT_TOUCHED_KEY = 'vault-touched';
export const VAULT_IDLE_ALARM = 'vault-idle-clear';
/** The page the credential was selected on, when a selection put it here (./selection-source.ts). */
export const VAULT_SOURCE_KEY = 'vault-source';

interface VaultEntry {
  text: string;
  touchedAt: number;
}

async function storedEntry(): Promise<VaultEntry | undefined> {
  const stored = await browser.storage.session.get([VAULT_KEY, VAULT_TOUCHED_KEY]);
  const text = stored[VAULT_KEY];
  const touchedAt = stored[VAULT_TOUCHED_KEY];
  if (typeof text !== 'string') return undefined;
  // Text with no use time cannot be aged: it counts as idle since forever, so it is wiped, never kept.
  return { text, touchedAt: typeof touchedAt === 'number' ? touchedAt : 0 };
}

/** The stored text, or '' when there is none or it sat idle longer than `idleMs` (then it is wiped). */
export async function readVault(idleMs: number, now = Date.now()): Promise<string> {
  const stored = await storedEntry();
  if (!stored) return '';
  if (now - stored.touchedAt > idleMs) {
    await clearVault();
    return '';
  }
  return stored.text;
}

/** Store the text and (re)arm the idle alarm. Empty text clears. */
export async function writeVault(text: string, idleMs: number, now = Date.now()): Promise<void> {
  if (text === '') return clearVault();
  await browser.storage.session.set({ [VAULT_KEY]: text, [VAULT_TOUCHED_KEY]: now });
  await armIdleAlarm(now + idleMs);
}

function armIdleAlarm(when: number): Promise<void> {
  // Alarms fire at most every 30 s in Chrome; the read-side expiry above covers the gap.
  return browser.alarms.create(VAULT_IDLE_ALARM, { when });
}

/**
 * The admin used the credential (opened the popup, filled, tested): the idle time starts again from `now`.
 * An entry already past its idle time is wiped instead, never revived. Nothing stored, nothing to do.
 * Only the use time is written, never the text, so a clear landing between the read and the write stays a clear.
 */
export async function touchVault(idleMs: number, now = Date.now()): Promise<void> {
  if (!(await readVault(idleMs, now))) return;
  await browser.storage.session.set({ [VAULT_TOUCHED_KEY]: now });
  await armIdleAlarm(now + idleMs);
}

/**
 * The idle setting changed (or was first read): arm the alarm for the stored use time plus the new `idleMs`,
 * or wipe the vault now if that moment has already passed. The credential's use time is not moved.
 */
export async function rearmVault(idleMs: number, now = Date.now()): Promise<void> {
  const stored = await storedEntry();
  if (!stored) return;
  if (now - stored.touchedAt > idleMs) return clearVault();
  await armIdleAlarm(stored.touchedAt + idleMs);
  // A touch that landed between the read above and this alarm: its own alarm may have been replaced by the older
  // moment armed here, so arm once more from what is stored now (a touch arms its use time + idleMs as well).
  const after = await storedEntry();
  if (after && after.touchedAt !== stored.touchedAt) await armIdleAlarm(after.touchedAt + idleMs);
}

/** Wipe the credential, its use time, its source and every report derived from it. */
export async function clearVault(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter(
    (key) => key === VAULT_KEY || key === VAULT_TOUCHED_KEY || key === VAULT_SOURCE_KEY || key.startsWith(REPORT_KEY_PREFIX),
  );
  if (keys.length > 0) await browser.storage.session.remove(keys);
  await browser.alarms.clear(VAULT_IDLE_ALARM);
}

/** Call `listener` when the vault is wiped by anyone (the idle alarm, "Clear" in another page). */
export function onVaultCleared(listener: () => void): void {
  browser.storage.session.onChanged.addListener((changes) => {
    // Removed: Chrome and Firefox leave `newValue` out; WXT's fakeBrowser (unit tests) reports null.
    if (VAULT_KEY in changes && changes[VAULT_KEY]?.newValue == null) listener();
  });
}
