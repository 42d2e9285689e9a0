/**
 * `chrome`, the extension API, for the callbacks the e2e specs pass to `page.evaluate` and `serviceWorker.evaluate`:
 * Playwright serializes them and runs them inside the extension (a page or the service worker), where Chromium
 * defines `chrome`. Nothing in Node has it.
 *
 * The repo tsconfig checks every folder as one program, so lib/ and entrypoints/ see this global too: tsc will not
 * catch a stray `chrome` there; the extension's code uses `browser` from 'wxt/browser' (Chrome and Firefox alike).
 */
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: typeof Browser;
}
