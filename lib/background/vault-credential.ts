/**
 * The credential the background acts on: always the vault's, read and checked here, never one carried by a message.
 * Acting on it (a fill, a connection test) counts as use, so the idle clear starts again from now.
 */
import type { Credential } from '../credential/types';
import { readCredential } from '../credential';
import { confirmSource, sourceOf } from '../selection-source';
import { idleMsOf, type Settings } from '../settings/model';
import { loadSettingsWithPolicy, type ManagedPolicy } from '../settings/managed';
import { readVault, touchVault } from '../vault';

export type VaultCredential =
  | { ok: true; credential: Credential; settings: Settings; policy: ManagedPolicy }
  /** `confirmSource`: the page the text was selected on; the admin may resend with `sourceConfirmed`. */
  | { ok: false; error: string; confirmSource?: string };

/**
 * `use` names the action in the error the admin reads: "No credential to fill", "No credential to test".
 * Text a page selected (lib/selection-source.ts) is acted on only once the admin has confirmed it, once.
 */
export async function loadVaultCredential(use: 'fill' | 'test', sourceConfirmed?: boolean): Promise<VaultCredential> {
  const { settings, policy } = await loadSettingsWithPolicy();
  const idleMs = idleMsOf(settings);
  const text = await readVault(idleMs);
  if (!text) return { ok: false, error: `No credential to ${use}: paste one in the popup first.` };
  const source = await sourceOf(text);
  if (source && !source.confirmed) {
    if (!sourceConfirmed) {
      return { ok: false, error: `This credential is text selected on ${source.origin}: confirm it first.`, confirmSource: source.origin };
    }
    await confirmSource(source);
  }
  await touchVault(idleMs);
  const read = readCredential(text);
  if (!read.ok) return { ok: false, error: `The credential cannot be read: ${read.error.message}` };
  return { ok: true, credential: read.credential, settings, policy };
}
