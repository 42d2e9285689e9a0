/**
 * The DOM side of clearing a copied secret: what Chrome's offscreen document and Firefox's background page run. The
 * system clipboard is played by a stub of `document.execCommand` that behaves as the browsers do for an extension
 * with clipboardRead and clipboardWrite: 'paste' inserts the clipboard's text into the focused text box, 'copy'
 * writes what the copy event's handlers put in `clipboardData`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearIfStillHolds, documentClipboard, sha256Hex } from './clipboard-clear';

const SECRET = 'dev-webapp-secret-Zx2cV4bN6mA8sD0f';
let systemClipboard: string;

beforeEach(() => {
  systemClipboard = '';
  document.execCommand = vi.fn((command: string) => {
    if (command === 'paste') {
      (document.activeElement as HTMLTextAreaElement).value = systemClipboard;
      return true;
    }
    if (command === 'copy') {
      const data = new Map<string, string>();
      const event = new Event('copy', { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', { value: { setData: (type: string, text: string) => data.set(type, text) } });
      document.dispatchEvent(event);
      if (event.defaultPrevented) systemClipboard = data.get('text/plain') ?? '';
      return true;
    }
    return false;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text in lower-case hex', async () => {
    // FIPS 180-2 test vector.
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('documentClipboard', () => {
  it('reads the clipboard into a text box it removes again, and writes through the copy event', () => {
    const clipboard = documentClipboard(document);
    systemClipboard = SECRET;
    expect(clipboard.read()).toBe(SECRET);
    expect(document.querySelector('textarea')).toBeNull();
    clipboard.write('');
    expect(systemClipboard).toBe('');
  });
});

describe('clearIfStillHolds', () => {
  it('empties the clipboard while it holds the copied text', async () => {
    systemClipboard = SECRET;
    expect(await clearIfStillHolds(documentClipboard(document), await sha256Hex(SECRET))).toBe(true);
    expect(systemClipboard).toBe('');
  });

  it('leaves alone whatever the admin copied since', async () => {
    systemClipboard = 'https://docs.pingidentity.com/';
    expect(await clearIfStillHolds(documentClipboard(document), await sha256Hex(SECRET))).toBe(false);
    expect(systemClipboard).toBe('https://docs.pingidentity.com/');
    expect(document.execCommand).not.toHaveBeenCalledWith('copy');
  });
});
