/**
 * `/offscreen-clipboard.js`, the script of the offscreen document (entrypoints/offscreen.html; Chrome, reason
 * CLIPBOARD): the DOM the service worker lacks to take a copied secret off the clipboard
 * (lib/background/clipboard-clearer.ts). It answers one request, from the extension itself, validated.
 * Built on its own, like the fill engine, so the popup's and the options page's shared chunks stay as they are.
 */
import { browser, type Browser } from 'wxt/browser';
import { answering } from '../lib/answer-message';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { clearIfStillHolds, documentClipboard } from '../lib/clipboard-clear';
import { isExtensionPage } from '../lib/extension-page';
import { clipboardClearSchema } from '../lib/messages';

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    browser.runtime.onMessage.addListener(
      answering((message, sender: Browser.runtime.MessageSender) => {
        if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
        const request = clipboardClearSchema.safeParse(message);
        // Anything else (the popup's requests to the background reach every extension page) is not for this page.
        if (!request.success) return undefined;
        return clearIfStillHolds(documentClipboard(document), request.data.sha256);
      }),
    );
  },
});
