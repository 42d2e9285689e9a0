/**
 * The credential the background acts on: always the vault's, read and checked here, never one carried by a message.
 * Acting on it (a fill, a connection test) counts as use, so the idle clear starts again from now.
 */
import type { Credential } from '../credential/types';
import { readCredential } from '../credential';
import { type Settings } from '../settings/model';
import { loadSettings } from '../settings/store';
import { readVault, touchVault } from '../vault';

export type VaultCredential =
  | { ok: true; credential: Credential; settings: Settings }
  | { ok: false; error: string };

/** `use` names the action in the error the admin reads: "No credential to fill", "No credential to test". */
export async function loadVaultCredential(use: 'fill' | 'test'): Promise<VaultCredential> {
  const { settings } = await loadSettings();
  const idleMs = settings.idleClearMinutes * 60_000;
  const text = await readVault(idleMs);
  if (!text) return { ok: false, error: `No credential to ${use}: paste one in the popup first.` };
  await touchVault(idleMs);
  const read = readCredential(text);
  if (!read.ok) return { ok: false, error: `The credential cannot be read: ${read.error.message}` };
  return { ok: true, credential: read.credential, settings };
}
