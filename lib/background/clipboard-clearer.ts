/**
 * Where the background takes a copied secret off the clipboard (lib/copied-secret.ts), behind one interface
 * (ClipboardClearer), chosen per build in entrypoints/background.ts:
 * - Firefox (MV2): the background is a page with a DOM, which does it itself (lib/clipboard-clear.ts);
 * - Chrome (MV3): the service worker has no DOM, so an offscreen document does it (reason CLIPBOARD,
 *   https://developer.chrome.com/docs/extensions/reference/api/offscreen), opened for the one clear and closed after.
 *   It is sent the SHA-256 only, never the secret.
 */
import { clearIfStillHolds, documentClipboard } from '../clipboard-clear';
import type { ClipboardClearer } from '../copied-secret';

export const OFFSCREEN_PAGE = '/offscreen.html';

/** Firefox: in the background page's own document. */
export function clearerInPage(doc: Document): ClipboardClearer {
  return (sha256) => clearIfStillHolds(documentClipboard(doc), sha256);
}

export interface OffscreenApis {
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  sendMessage(message: unknown): Promise<unknown>;
}

/** Chrome: in an offscreen document (entrypoints/offscreen.html), which answers whether it cleared. */
export function clearerOffscreen({ offscreen, sendMessage }: OffscreenApis): ClipboardClearer {
  return async (sha256) => {
    // Refused when one is open already: one a worker the browser stopped mid-clear left behind, used as it is.
    await offscreen
      .createDocument({ url: OFFSCREEN_PAGE, reasons: ['CLIPBOARD'], justification: 'Clear a copied secret from the clipboard.' })
      .catch(() => undefined);
    try {
      return (await sendMessage({ type: 'clipboard.clear', sha256 })) === true;
    } finally {
      await offscreen.closeDocument();
    }
  };
}
