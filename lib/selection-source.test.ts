import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadVaultCredential } from './background/vault-credential';
import { sha256Hex } from './clipboard-clear';
import { confirmSource, sourceOf, adoptDraft } from './selection-source';
import { clearVault, readVault, VAULT_SOURCE_KEY, writeVault } from './vault';

const IDLE_MS = 10 * 60_000;
const TEXT = ['Client ID: 1f0e2d3c-4b5a-4968-8776-655443322110', 'Client Secret: s3cr3t-from-a-page-000000000', 'Environment ID: 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'].join('\n');
const DRAFT = { text: TEXT, origin: 'https://evil.test', at: Date.now() };

beforeEach(() => fakeBrowser.reset());

describe('the source of the vault’s text', () => {
  it('"Use this credential" puts the draft’s text in the vault marked with its page, by hash, never the text twice', async () => {
    await adoptDraft(DRAFT, IDLE_MS);
    expect(await readVault(IDLE_MS)).toBe(TEXT);
    expect((await fakeBrowser.storage.session.get(VAULT_SOURCE_KEY))[VAULT_SOURCE_KEY]).toEqual({ origin: 'https://evil.test', sha256: await sha256Hex(TEXT), confirmed: false });
    expect(await sourceOf(TEXT)).toMatchObject({ origin: 'https://evil.test', confirmed: false });
  });

  it('another text in the vault (an edit, a paste) is no longer from the selection', async () => {
    await adoptDraft(DRAFT, IDLE_MS);
    await writeVault(`${TEXT}x`, IDLE_MS);
    expect(await sourceOf(`${TEXT}x`)).toBeUndefined();
    expect(await sourceOf('')).toBeUndefined();
  });

  it('is wiped with the vault', async () => {
    await adoptDraft(DRAFT, IDLE_MS);
    await clearVault();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('the background’s gate on selected text (loadVaultCredential)', () => {
  it('refuses the first fill or test, naming the page, until the admin confirms; then asks no more', async () => {
    await adoptDraft(DRAFT, IDLE_MS);
    expect(await loadVaultCredential('fill')).toEqual({
      ok: false,
      error: 'This credential is text selected on https://evil.test: confirm it first.',
      confirmSource: 'https://evil.test',
    });
    expect(await loadVaultCredential('test')).toMatchObject({ ok: false, confirmSource: 'https://evil.test' });
    expect(await loadVaultCredential('test', true)).toMatchObject({ ok: true });
    expect(await sourceOf(TEXT)).toMatchObject({ confirmed: true });
    expect(await loadVaultCredential('fill')).toMatchObject({ ok: true });
  });

  it('a credential the admin pasted is never asked about', async () => {
    await writeVault(TEXT, IDLE_MS);
    expect(await loadVaultCredential('fill')).toMatchObject({ ok: true });
  });

  it('a confirmation is for that text only', async () => {
    await adoptDraft(DRAFT, IDLE_MS);
    await confirmSource((await sourceOf(TEXT))!);
    await adoptDraft({ ...DRAFT, text: `${TEXT} ` }, IDLE_MS);
    expect(await loadVaultCredential('fill')).toMatchObject({ ok: false, confirmSource: 'https://evil.test' });
  });
});
