/**
 * Where the vault's credential came from, when a page chose it: "Use this credential" on a draft (./selection-draft.ts)
 * puts text into the vault that the page under the context menu selected, or swapped in. The vault then carries the
 * page's origin beside the text, bound to that text by its SHA-256, so an edit or another paste is no longer "from a
 * selection". The popup says "From a selection on <origin>", and the background's gate (lib/background/
 * vault-credential.ts) asks the admin once, at the first fill or test, before acting on it. `storage.session` only,
 * wiped with the vault (./vault.ts clearVault).
 */
import { browser } from 'wxt/browser';
import { sha256Hex } from './clipboard-clear';
import type { SelectionDraft } from './selection-draft';
import { VAULT_SOURCE_KEY, writeVault } from './vault';

export interface VaultSource {
  /** The page the text was selected on (./selection-draft.ts selectionSource). */
  origin: string;
  /** SHA-256 of the text it marks, hex: never the text. */
  sha256: string;
  /** The admin said at a first fill or test that this text is theirs to use. */
  confirmed: boolean;
}

/**
 * The draft's text becomes the vault's, marked with its page. The mark is written first: until the text lands, it
 * matches nothing in the vault, and once the text is there it is never without its mark.
 */
export async function adoptDraft(draft: SelectionDraft, idleMs: number): Promise<void> {
  const source: VaultSource = { origin: draft.origin, sha256: await sha256Hex(draft.text), confirmed: false };
  await browser.storage.session.set({ [VAULT_SOURCE_KEY]: source });
  await writeVault(draft.text, idleMs);
}

/** The mark of `text`, when `text` is what a selection put in the vault. */
export async function sourceOf(text: string): Promise<VaultSource | undefined> {
  const source = (await browser.storage.session.get(VAULT_SOURCE_KEY))[VAULT_SOURCE_KEY] as VaultSource | undefined;
  return source && text && source.sha256 === (await sha256Hex(text)) ? source : undefined;
}

/** The admin confirmed `source`: later fills and tests of the same text do not ask again. */
export async function confirmSource(source: VaultSource): Promise<void> {
  await browser.storage.session.set({ [VAULT_SOURCE_KEY]: { ...source, confirmed: true } });
}
