import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { armDraftExpiry, clearDraft, DRAFT_IDLE_ALARM, DRAFT_KEY, readDraft, selectionSource, writeDraft } from './selection-draft';
import { VAULT_KEY, writeVault } from './vault';

const IDLE_MS = 10 * 60_000;
const T0 = 1_760_000_000_000;

beforeEach(() => fakeBrowser.reset());

describe('selectionSource', () => {
  it('names the page by its origin, by its scheme when it has none, and says when the browser gave none', () => {
    expect(selectionSource('https://evil.test/selection-swap?x=1#y')).toBe('https://evil.test');
    expect(selectionSource('https://pa.demo.internal:9000/app')).toBe('https://pa.demo.internal:9000');
    expect(selectionSource('file:///home/admin/notes.txt')).toBe('file:');
    expect(selectionSource(undefined)).toBe('an unknown page');
  });
});

describe('the draft beside the vault', () => {
  it('is kept in storage.session apart from the vault, which it never touches', async () => {
    await writeVault('the admin’s credential', IDLE_MS, T0);
    await writeDraft({ text: 'the page’s text', origin: 'https://evil.test', at: T0 });
    expect(await fakeBrowser.storage.session.get([VAULT_KEY, DRAFT_KEY])).toEqual({
      [VAULT_KEY]: 'the admin’s credential',
      [DRAFT_KEY]: { text: 'the page’s text', origin: 'https://evil.test', at: T0 },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('is read until its idle time has passed, then wiped on read', async () => {
    await writeDraft({ text: 'selected', origin: 'https://evil.test', at: T0 });
    expect(await readDraft(IDLE_MS, T0 + IDLE_MS)).toMatchObject({ text: 'selected' });
    expect(await readDraft(IDLE_MS, T0 + IDLE_MS + 1)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(DRAFT_KEY)).toEqual({});
  });

  it('arms its own alarm for its arrival plus the idle time, and Discard clears both', async () => {
    await armDraftExpiry(IDLE_MS);
    expect(await fakeBrowser.alarms.get(DRAFT_IDLE_ALARM)).toBeUndefined();
    await writeDraft({ text: 'selected', origin: 'https://evil.test', at: T0 });
    await armDraftExpiry(IDLE_MS);
    expect((await fakeBrowser.alarms.get(DRAFT_IDLE_ALARM))?.scheduledTime).toBe(T0 + IDLE_MS);
    await clearDraft();
    expect(await readDraft(IDLE_MS, T0)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(DRAFT_IDLE_ALARM)).toBeUndefined();
  });
});
