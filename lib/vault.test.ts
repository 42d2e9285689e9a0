/**
 * The vault against WXT's in-memory browser (storage.session, alarms): what is kept, when it expires, what a clear
 * takes with it, and where the idle alarm stands after a write, a touch and a change of the idle setting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  VAULT_IDLE_ALARM,
  VAULT_KEY,
  VAULT_TOUCHED_KEY,
  clearVault,
  onVaultCleared,
  readVault,
  rearmVault,
  touchVault,
  writeVault,
} from './vault';
import { writeReport } from './connection/report-store';

const TEN_MINUTES = 10 * 60_000;
const T0 = 1_760_000_000_000;
const TEXT = 'Client ID: 6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d';

/** The text and its use time as kept under their two keys; undefined when neither is there. */
async function stored(): Promise<{ text: unknown; touchedAt: unknown } | undefined> {
  const session = await fakeBrowser.storage.session.get([VAULT_KEY, VAULT_TOUCHED_KEY]);
  if (session[VAULT_KEY] === undefined && session[VAULT_TOUCHED_KEY] === undefined) return undefined;
  return { text: session[VAULT_KEY], touchedAt: session[VAULT_TOUCHED_KEY] };
}

async function alarmTime(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(VAULT_IDLE_ALARM))?.scheduledTime;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('writeVault and readVault', () => {
  it('keeps the text in storage.session with the time of the write, and arms the idle alarm for write + idle', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    expect(await stored()).toEqual({ text: TEXT, touchedAt: T0 });
    expect(await alarmTime()).toBe(T0 + TEN_MINUTES);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await readVault(TEN_MINUTES, T0 + 1)).toBe(TEXT);
  });

  it('still returns the text at exactly the idle time, and wipes it one millisecond later', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    expect(await readVault(TEN_MINUTES, T0 + TEN_MINUTES)).toBe(TEXT);
    expect(await readVault(TEN_MINUTES, T0 + TEN_MINUTES + 1)).toBe('');
    expect(await stored()).toBeUndefined();
    expect(await alarmTime()).toBeUndefined();
  });

  it('reads nothing from an empty vault or from an entry of another shape', async () => {
    expect(await readVault(TEN_MINUTES, T0)).toBe('');
    await fakeBrowser.storage.session.set({ [VAULT_KEY]: { text: TEXT }, [VAULT_TOUCHED_KEY]: T0 });
    expect(await readVault(TEN_MINUTES, T0)).toBe('');
  });

  it('wipes text that has no use time instead of keeping it forever', async () => {
    await fakeBrowser.storage.session.set({ [VAULT_KEY]: TEXT });
    expect(await readVault(TEN_MINUTES, T0)).toBe('');
    expect(await stored()).toBeUndefined();
  });

  it('treats writing empty text as a clear', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await writeVault('', TEN_MINUTES, T0 + 1);
    expect(await stored()).toBeUndefined();
    expect(await alarmTime()).toBeUndefined();
  });
});

describe('clearVault', () => {
  it('removes the credential, its use time, every connection report and the alarm, and nothing else', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await touchVault(TEN_MINUTES, T0 + 1);
    await writeReport('fp-a', { fingerprint: 'fp-a' });
    await writeReport('fp-b', { fingerprint: 'fp-b' });
    await fakeBrowser.storage.session.set({ unrelated: 1 });
    await clearVault();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ unrelated: 1 });
    expect(await alarmTime()).toBeUndefined();
  });

  it('tells onVaultCleared listeners, which a new write does not', async () => {
    const cleared: number[] = [];
    onVaultCleared(() => cleared.push(1));
    await writeVault(TEXT, TEN_MINUTES, T0);
    await writeVault(`${TEXT} edited`, TEN_MINUTES, T0 + 1);
    expect(cleared).toEqual([]);
    await clearVault();
    expect(cleared).toEqual([1]);
  });
});

describe('touchVault', () => {
  it('moves touchedAt to now and re-arms the alarm from now, keeping the text', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await touchVault(TEN_MINUTES, T0 + 9 * 60_000);
    expect(await stored()).toEqual({ text: TEXT, touchedAt: T0 + 9 * 60_000 });
    expect(await alarmTime()).toBe(T0 + 19 * 60_000);
    // The touch is what keeps the credential: without it this read would be past the idle time.
    expect(await readVault(TEN_MINUTES, T0 + 15 * 60_000)).toBe(TEXT);
  });

  it('wipes an entry already past its idle time instead of reviving it', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await touchVault(TEN_MINUTES, T0 + TEN_MINUTES + 1);
    expect(await stored()).toBeUndefined();
    expect(await alarmTime()).toBeUndefined();
  });

  it('never writes the text: a clear landing between its read and its write stays a clear', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    // Clear as the touch's first storage read finishes: the popup's Clear racing a fill's touch in the background.
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let cleared = false;
    fakeBrowser.storage.session.get = (async (...args: Parameters<typeof get>) => {
      const result = await get(...args);
      if (!cleared) {
        cleared = true;
        await clearVault();
      }
      return result;
    }) as typeof get;
    try {
      await touchVault(TEN_MINUTES, T0 + 60_000);
    } finally {
      fakeBrowser.storage.session.get = get;
    }
    expect(cleared).toBe(true);
    expect((await fakeBrowser.storage.session.get(VAULT_KEY))[VAULT_KEY]).toBeUndefined();
    expect(await readVault(TEN_MINUTES, T0 + 60_001)).toBe('');
  });

  it('stores nothing and arms nothing when the vault is empty', async () => {
    await touchVault(TEN_MINUTES, T0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await alarmTime()).toBeUndefined();
  });
});

describe('rearmVault', () => {
  it('arms the alarm for the stored touchedAt plus the new idle time, without moving touchedAt', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await rearmVault(30 * 60_000, T0 + 5 * 60_000);
    expect(await alarmTime()).toBe(T0 + 30 * 60_000);
    expect(await stored()).toEqual({ text: TEXT, touchedAt: T0 });
  });

  it('wipes the credential at once when the shorter idle time has already passed', async () => {
    await writeVault(TEXT, TEN_MINUTES, T0);
    await writeReport('fp-a', { fingerprint: 'fp-a' });
    await rearmVault(2 * 60_000, T0 + 5 * 60_000);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await alarmTime()).toBeUndefined();
  });

  it('arms nothing when the vault is empty', async () => {
    await rearmVault(TEN_MINUTES, T0);
    expect(await alarmTime()).toBeUndefined();
  });
});
