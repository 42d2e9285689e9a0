/**
 * popup.html's stylesheet written into the page as a `<style>`, so its first paint (the empty popup, drawn before any
 * script runs) waits for no second file. Measured by `npm run bench`: popup.html's first contentful paint beside an
 * extension page holding only a labelled box, 152 vs 108 ms with the stylesheet linked, 116 vs 108 ms inlined.
 * Extension pages' default policy restricts scripts, not styles
 * (https://developer.chrome.com/docs/extensions/reference/manifest/content-security-policy#default_policy).
 * `npm run size` counts the page's HTML in its first screen, so the bytes still show.
 */
import type { Plugin } from 'vite';

/** The popup's page as Vite names it (WXT writes it out as popup.html). */
const POPUP_PAGE = '/entrypoints/popup/index.html';
const LINKED_STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\/?([^"]+\.css)">/;

export const inlinePopupStyle: Plugin = {
  name: 'inline-popup-style',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler(html, { path, bundle }) {
      if (!bundle || path !== POPUP_PAGE) return html;
      const match = LINKED_STYLESHEET.exec(html);
      const asset = match && bundle[match[1]!];
      if (!match || asset?.type !== 'asset') throw new Error(`inline-popup-style: popup.html links no stylesheet of this build (${match?.[1] ?? 'none'})`);
      // Only popup.html links it (main.tsx imports it; no lazily loaded chunk brings CSS), so the file is not emitted.
      delete bundle[match[1]!];
      return html.replace(match[0], () => `<style>${String(asset.source)}</style>`);
    },
  },
};
