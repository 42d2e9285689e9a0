/**
 * A secret the admin copied from the popup (a client secret, the credential JWT, a secret-looking claim, an export
 * with the secret confirmed): the popup notes its SHA-256, never the secret, in `storage.session`, and arms an alarm.
 * The background takes it off the clipboard when the alarm fires (SECRET_CLIPBOARD_SECONDS after the copy), on Clear
 * and when the vault's idle time runs out, the popup open or not (lib/background/clipboard-clearer.ts).
 */
import { browser } from 'wxt/browser';
import { SECRET_CLIPBOARD_SECONDS, sha256Hex } from './clipboard-clear';

export const COPIED_SECRET_KEY = 'copied-secret';
export const COPIED_SECRET_ALARM = 'copied-secret-clear';

export async function rememberCopiedSecret(text: string, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [COPIED_SECRET_KEY]: await sha256Hex(text) });
  // Chrome fires an alarm no sooner than 30 s after it is set, SECRET_CLIPBOARD_SECONDS is no less
  // (https://developer.chrome.com/docs/extensions/reference/api/alarms).
  await browser.alarms.create(COPIED_SECRET_ALARM, { when: now + SECRET_CLIPBOARD_SECONDS * 1000 });
}

/** Where the background clears a copied secret, given its SHA-256: says whether the clipboard still held it. */
export type ClipboardClearer = (sha256: string) => Promise<boolean>;

let clearing: Promise<unknown> = Promise.resolve();

/**
 * Clears the copied secret from the clipboard with `clear` if it is still there, then forgets it (whatever the
 * outcome: a clipboard that could not be read now would not be read later either). One at a time: the alarm and a
 * Clear may come together, and Chrome allows one offscreen document.
 */
export function clearCopiedSecret(clear: ClipboardClearer): Promise<unknown> {
  clearing = clearing.then(async () => {
    const sha256 = (await browser.storage.session.get(COPIED_SECRET_KEY))[COPIED_SECRET_KEY];
    if (typeof sha256 !== 'string') return;
    try {
      await clear(sha256);
    } finally {
      await browser.storage.session.remove(COPIED_SECRET_KEY);
      await browser.alarms.clear(COPIED_SECRET_ALARM);
    }
  }).catch(() => undefined);
  return clearing;
}
