import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { pingOneHostPermissions } from './lib/regions';
import { ICON_SIZES, TOOLBAR_ICON_SIZES, iconMap, iconPath } from './lib/brand/icons';
import { renderIcon } from './lib/brand/render-icon';
import { inlinePopupStyle } from './build/inline-popup-style';

/**
 * Hosted consoles with fixed host names (lib/consoles/README.md). Self-hosted PingAccess/PingFederate and AIC custom
 * domains are optional host permissions the admin grants per origin from the options page.
 */
const HOSTED_CONSOLES = ['https://one.dash.cloudflare.com/*', 'https://*.forgeblocks.com/*', 'https://*.id.forgerock.io/*'];

/**
 * `--mode e2e` builds a flavour whose only difference is static host permissions for the demo's self-hosted
 * consoles: headless Chromium cannot answer a permissions prompt nor grant activeTab (test/README.md), so the
 * e2e suite needs these granted up front. The production manifest is asserted separately by the security suite.
 */
const DEMO_SELF_HOSTED = ['https://pa.demo.internal:9000/*', 'https://pf.demo.internal:9999/*'];

/** Chromium's managed storage schema (https://developer.chrome.com/docs/extensions/reference/manifest/storage). */
const MANAGED_SCHEMA = 'managed-schema.json';

/** The suggested key that opens the popup; the README says the same and test/e2e/security-build.spec.ts holds both. */
const OPEN_POPUP_KEY = 'Alt+Shift+P';

/**
 * Vite wraps every `import()` in its preload helper, which loads the imported chunk's CSS and preloads its imports
 * (about 700 B gzip in each page that uses `import()`). Here module preloading is off and no lazily loaded chunk brings
 * CSS (each page imports its one stylesheet), so every call gets no dependency and the helper only has to import.
 * Should a chunk ever bring one, its import fails loudly (the popup says a part could not load, and the e2e suite
 * fails) rather than drawing it unstyled.
 */
const IMPORT_ONLY_PRELOAD_HELPER = {
  name: 'import-only-preload-helper',
  enforce: 'pre' as const,
  load(id: string) {
    if (id !== '\0vite/preload-helper.js') return undefined;
    return `export const __vitePreload = (load, deps) =>
  deps && deps.length ? Promise.reject(new Error('this build loads no dependency of a lazily loaded chunk: ' + deps.join(', '))) : load();`;
  },
};

export default defineConfig({
  // No webextension-polyfill: Chrome's MV3 APIs return promises and Firefox has `browser`; the one thing it added,
  // answering a message with a promise, lib/answer-message.ts does with sendResponse (2.7 kB gzip per page saved).
  imports: false,
  // No module preloading (https://vite.dev/config/build-options#build-modulepreload): the pages' chunks are local
  // files, and a chunk loaded on first need (the popup's paste part, Options' import and policy views) needs only
  // chunks its page already holds; Vite's preload helper would cost each page bytes to save no round trip.
  // The icons are rendered from lib/brand/icon.svg at every build rather than committed, so they cannot drift from it.
  hooks: {
    'build:publicAssets': (wxt, files) => {
      // Rendered into WXT's own scratch folder and copied from there (a generated public file may only be text).
      const rendered = path.join(wxt.config.wxtDir, 'icon');
      mkdirSync(rendered, { recursive: true });
      for (const size of ICON_SIZES) {
        const absoluteSrc = path.join(rendered, `${size}.png`);
        writeFileSync(absoluteSrc, renderIcon(size).png);
        files.push({ absoluteSrc, relativeDest: iconPath(size) });
      }
      // The organisation's policy schema (lib/settings/managed.ts); Firefox reads policies.json and has no such key.
      if (wxt.config.browser !== 'firefox') {
        files.push({ absoluteSrc: path.resolve('lib/settings/managed-schema.json'), relativeDest: MANAGED_SCHEMA });
      }
    },
  },
  vite: () => ({ plugins: [preact(), IMPORT_ONLY_PRELOAD_HELPER, inlinePopupStyle], build: { modulePreload: false } }),
  zip: {
    // The sources archive (Firefox review) holds what rebuilds the extension: `npm ci && npm run build:firefox`.
    // Tests and their data (test/, *.test.ts), demo and benchmarks are not needed for that; test reports and logs never belong in it.
    excludeSources: ['test/**', '**/*.test.ts', '**/*.test.tsx', 'test-results/**', 'playwright-report/**', '**/*.log'],
  },
  manifest: ({ mode, browser }) => ({
    name: 'PingOne Connection Helper',
    description:
      'Decode, check, fill and test PingOne credentials for PingAccess, Advanced Identity Cloud, Cloudflare Zero Trust and PingFederate.',
    // clipboardWrite and, in Chrome, offscreen: a copied secret is taken off the clipboard with no page focused
    // (lib/copied-secret.ts); Firefox's background page has a DOM and needs no offscreen document.
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
      'clipboardRead',
      'clipboardWrite',
      // The connection test's requests to PingOne go without an Origin header, as a console's server sends them
      // (lib/background/no-origin-rule.ts); with host access only, it adds no install warning.
      'declarativeNetRequestWithHostAccess',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: [...pingOneHostPermissions(), ...HOSTED_CONSOLES, ...(mode === 'e2e' ? DEMO_SELF_HOSTED : [])],
    optional_host_permissions: ['https://*/*'],
    // WXT drops `optional_host_permissions` from the MV2 (Firefox) manifest, and Firefox refuses
    // `permissions.request` for an origin not declared optional: MV2 declares origins in `optional_permissions`.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : {}),
    // The organisation's policy, read through storage.managed (lib/settings/managed.ts); Firefox takes it from
    // policies.json without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: MANAGED_SCHEMA } }),
    icons: iconMap(ICON_SIZES),
    // MV2 (Firefox) names it `browser_action`: WXT writes the popup there itself and would drop an `action` given here.
    [browser === 'firefox' ? 'browser_action' : 'action']: {
      default_title: 'PingOne Connection Helper',
      default_icon: iconMap(TOOLBAR_ICON_SIZES),
    },
    // Opens the popup (https://developer.chrome.com/docs/extensions/reference/api/commands#action_commands; MV2 names it
    // `_execute_browser_action`). Alt+Shift+P: neither browser binds it (https://support.google.com/chrome/answer/157179,
    // https://support.mozilla.org/kb/keyboard-shortcuts-perform-firefox-tasks-quickly), nor do the password managers
    // admins run beside it (Bitwarden Ctrl+Shift+L/Y/U/9, 1Password Ctrl+Shift+X and Ctrl+.); the admin may change it.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: OPEN_POPUP_KEY } },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pingone-connection-helper@example.org',
              // 140 (the current ESR) is the first with `data_collection_permissions`, which Firefox now requires
              // of new add-ons; Firefox for Android has it from 142 (web-ext lint, KEY_FIREFOX_*_UNSUPPORTED_BY_MIN_VERSION).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
