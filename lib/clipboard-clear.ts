/**
 * Taking a copied secret off the clipboard, in a page with a DOM: Chrome's offscreen document (entrypoints/offscreen)
 * or Firefox's background page. Only while the clipboard still holds what was copied: anything the admin copied
 * since is theirs and is never touched. What was copied is known by its SHA-256 only (lib/copied-secret.ts).
 *
 * Clipboard access without focus or a click: `document.execCommand('paste')` reads with the clipboardRead permission
 * and `execCommand('copy')` writes with clipboardWrite (Chrome, "chrome.offscreen" reason CLIPBOARD; MDN,
 * "Interact with the clipboard"). `navigator.clipboard` would need a focused document, which neither page ever is.
 * Residual window: a copy the admin makes between the read and the write below (the same task, microseconds apart).
 */

/** How long a copied secret may stay on the clipboard: time to paste it into a console, not to forget it there. */
export const SECRET_CLIPBOARD_SECONDS = 30;

export interface TextClipboard {
  read(): string;
  write(text: string): void;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The system clipboard as `doc` reaches it with execCommand (see the header). */
export function documentClipboard(doc: Document): TextClipboard {
  return {
    read() {
      const box = doc.createElement('textarea');
      doc.body.append(box);
      box.focus();
      doc.execCommand('paste');
      box.remove();
      return box.value;
    },
    write(text) {
      // The copy event's own data is what is written, so no text needs selecting (MDN, "Element: copy event").
      const put = (event: ClipboardEvent) => {
        event.clipboardData?.setData('text/plain', text);
        event.preventDefault();
      };
      doc.addEventListener('copy', put);
      doc.execCommand('copy');
      doc.removeEventListener('copy', put);
    },
  };
}

/** Empties the clipboard if it still holds the text whose SHA-256 is `sha256`; says whether it did. */
export async function clearIfStillHolds(clipboard: TextClipboard, sha256: string): Promise<boolean> {
  if ((await sha256Hex(clipboard.read())) !== sha256) return false;
  clipboard.write('');
  return true;
}
