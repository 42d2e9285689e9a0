/**
 * The two ways the background clears a copied secret (entrypoints/background.ts picks one per build): Firefox's
 * background page does it in its own document; Chrome's service worker has an offscreen document do it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../clipboard-clear';
import { clearerInPage, clearerOffscreen, OFFSCREEN_PAGE } from './clipboard-clearer';

const SECRET = 'prd-webapp-secret-Mm1nN3bB5vV7cC9x';

describe('clearerInPage (Firefox MV2: the background page has a DOM)', () => {
  let systemClipboard: string;
  beforeEach(() => {
    systemClipboard = SECRET;
    // The browser's execCommand for an extension with clipboardRead and clipboardWrite (see lib/clipboard-clear.test.ts).
    document.execCommand = vi.fn((command: string) => {
      if (command === 'paste') (document.activeElement as HTMLTextAreaElement).value = systemClipboard;
      if (command === 'copy') {
        const event = new Event('copy', { cancelable: true }) as ClipboardEvent;
        Object.defineProperty(event, 'clipboardData', { value: { setData: (_type: string, text: string) => (systemClipboard = text) } });
        document.dispatchEvent(event);
      }
      return true;
    });
  });

  it('clears the clipboard in the page itself while it holds the copy, and nothing the admin copied since', async () => {
    const clear = clearerInPage(document);
    expect(await clear(await sha256Hex(SECRET))).toBe(true);
    expect(systemClipboard).toBe('');
    systemClipboard = 'copied later';
    expect(await clear(await sha256Hex(SECRET))).toBe(false);
    expect(systemClipboard).toBe('copied later');
  });
});

describe('clearerOffscreen (Chrome MV3: the service worker has no DOM)', () => {
  function apis(answer: () => Promise<unknown>) {
    const offscreen = { createDocument: vi.fn(async () => {}), closeDocument: vi.fn(async () => {}) };
    const sendMessage = vi.fn(answer);
    return { offscreen, sendMessage, clear: clearerOffscreen({ offscreen, sendMessage }) };
  }

  it('opens the offscreen document for the clipboard, sends it the SHA-256 only, and closes it', async () => {
    const sha256 = await sha256Hex(SECRET);
    const { offscreen, sendMessage, clear } = apis(async () => true);
    expect(await clear(sha256)).toBe(true);
    expect(offscreen.createDocument).toHaveBeenCalledWith({ url: OFFSCREEN_PAGE, reasons: ['CLIPBOARD'], justification: expect.any(String) });
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith({ type: 'clipboard.clear', sha256 });
    expect(JSON.stringify(sendMessage.mock.calls)).not.toContain(SECRET);
    expect(offscreen.closeDocument).toHaveBeenCalledOnce();
  });

  it('uses a document left open, and closes it even when the page did not answer', async () => {
    const { offscreen, clear } = apis(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    offscreen.createDocument.mockRejectedValueOnce(new Error('Only a single offscreen document may be created.'));
    await expect(clear(await sha256Hex(SECRET))).rejects.toThrow('Receiving end does not exist');
    expect(offscreen.closeDocument).toHaveBeenCalledOnce();
  });
});
