import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sha256Hex } from './clipboard-clear';
import { clearCopiedSecret, COPIED_SECRET_ALARM, COPIED_SECRET_KEY, rememberCopiedSecret } from './copied-secret';

const SECRET = 'dev-webapp-secret-Zx2cV4bN6mA8sD0f';
const T0 = 1_760_000_000_000;

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('rememberCopiedSecret', () => {
  it('keeps the SHA-256 of what was copied, never the secret, and arms the clear 30 s later', async () => {
    await rememberCopiedSecret(SECRET, T0);
    const stored = await fakeBrowser.storage.session.get(null);
    expect(stored).toEqual({ [COPIED_SECRET_KEY]: await sha256Hex(SECRET) });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await fakeBrowser.alarms.get(COPIED_SECRET_ALARM))?.scheduledTime).toBe(T0 + 30_000);
  });
});

describe('clearCopiedSecret', () => {
  it('hands the clearer the SHA-256, then forgets the copy and its alarm', async () => {
    await rememberCopiedSecret(SECRET, T0);
    const clear = vi.fn(async () => true);
    await clearCopiedSecret(clear);
    expect(clear).toHaveBeenCalledExactlyOnceWith(await sha256Hex(SECRET));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.alarms.get(COPIED_SECRET_ALARM)).toBeUndefined();
  });

  it('forgets the copy even when the clipboard could not be reached, and does nothing without one', async () => {
    await rememberCopiedSecret(SECRET, T0);
    await clearCopiedSecret(vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.'))));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    const clear = vi.fn(async () => true);
    await clearCopiedSecret(clear);
    expect(clear).not.toHaveBeenCalled();
  });

  it('runs one clear at a time: the alarm and a Clear coming together clear once', async () => {
    await rememberCopiedSecret(SECRET, T0);
    let running = 0;
    let most = 0;
    const clear = vi.fn(async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return true;
    });
    await Promise.all([clearCopiedSecret(clear), clearCopiedSecret(clear)]);
    expect(most).toBe(1);
    expect(clear).toHaveBeenCalledOnce();
  });
});
