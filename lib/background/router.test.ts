/**
 * The background's message gate, table-driven: a content script or web page asking for a popup-only
 * action is refused, unknown types and extra keys are refused, and only then does a handler run.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../settings/model';
import { routeMessage } from './router';

const EXTENSION = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const POPUP = { id: EXTENSION.id, url: `${EXTENSION.origin}popup.html` };
const OPTIONS_TAB = { id: EXTENSION.id, url: `${EXTENSION.origin}options.html`, tab: { id: 7 } };
const CONTENT_SCRIPT = { id: EXTENSION.id, url: 'https://one.dash.cloudflare.com/acme/settings', tab: { id: 3 } };
const OTHER_EXTENSION = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' };
const WEB_PAGE = { url: 'https://evil.test/' };
const LOOKALIKE_URL = { id: EXTENSION.id, url: 'https://abcdefghijklmnopabcdefghijklmnop.evil.test/popup.html' };

/** The origin the popup showed for the tab (lib/messages `fill` origin). */
const ORIGIN = 'https://one.dash.cloudflare.com';

const COMMANDS = [
  { type: 'fill', tabId: 3, origin: ORIGIN, override: false },
  { type: 'connection.start' },
  { type: 'connection.cancel' },
  { type: 'pick.start', tabId: 3, origin: ORIGIN, kind: 'oidc-app' },
  { type: 'pick.fill', tabId: 3, origin: ORIGIN, override: false },
  { type: 'form.describe', tabId: 3 },
  { type: 'popup.context', tabId: 3 },
  { type: 'credential.judge', text: 'Client ID: x', on: { tabId: 3, origin: ORIGIN } },
  { type: 'tenant.remember', tabId: 3, origin: ORIGIN },
];

describe('routeMessage sender rule', () => {
  for (const [name, sender] of Object.entries({ CONTENT_SCRIPT, OTHER_EXTENSION, WEB_PAGE, LOOKALIKE_URL, NO_SENDER: {} })) {
    for (const command of COMMANDS) {
      it(`refuses ${command.type} from ${name}`, async () => {
        const response = (await routeMessage(command, sender, EXTENSION)) as { ok: boolean; error: string };
        expect(response.ok).toBe(false);
        expect(response.error).toMatch(/only from the extension’s own pages/);
      });
    }
  }

  it('accepts a command from the popup and from the options page', async () => {
    expect(await routeMessage({ type: 'connection.cancel' }, POPUP, EXTENSION)).toEqual({ ok: true });
    expect(await routeMessage({ type: 'connection.cancel' }, OPTIONS_TAB, EXTENSION)).toEqual({ ok: true });
  });
});

describe('routeMessage schema', () => {
  const malformed: Record<string, unknown> = {
    'unknown type': { type: 'vault.dump' },
    'no type': { tabId: 1 },
    'extra key on fill': { type: 'fill', origin: ORIGIN, tabId: 1, override: false, url: 'https://evil.test' },
    'extra key on cancel': { type: 'connection.cancel', secret: 'x' },
    'tabId as string': { type: 'fill', origin: ORIGIN, tabId: '1', override: false },
    'negative tabId': { type: 'fill', origin: ORIGIN, tabId: -1, override: false },
    'override missing': { type: 'fill', origin: ORIGIN, tabId: 1 },
    // The origin is what the background compares the tab with: only an https origin, written exactly as one.
    'fill without the origin the popup showed': { type: 'fill', tabId: 1, override: false },
    'fill with an http origin': { type: 'fill', tabId: 1, origin: 'http://one.dash.cloudflare.com', override: false },
    'fill with a URL, not an origin': { type: 'fill', tabId: 1, origin: `${ORIGIN}/acme/settings`, override: false },
    'fill with a trailing slash on the origin': { type: 'fill', tabId: 1, origin: `${ORIGIN}/`, override: false },
    'fill with the default port spelled out': { type: 'fill', tabId: 1, origin: `${ORIGIN}:443`, override: false },
    'fill with an origin that is no URL': { type: 'fill', tabId: 1, origin: 'one.dash.cloudflare.com', override: false },
    'fill with an opaque origin': { type: 'fill', tabId: 1, origin: 'null', override: false },
    'region not in the table': { type: 'connection.start', regionTld: 'evil.test' },
    // Picking: an https origin as the popup showed it, a known kind, nothing else; a picked mapping never rides along.
    'pick.start with an http origin': { type: 'pick.start', tabId: 1, origin: 'http://apps.example.test', kind: 'oidc-app' },
    'pick.start with an unknown kind': { type: 'pick.start', tabId: 1, origin: ORIGIN, kind: 'password' },
    'pick.start carrying fields': { type: 'pick.start', tabId: 1, origin: ORIGIN, kind: 'oidc-app', fields: [{ field: 'clientSecret', name: 'x' }] },
    'pick.fill without override': { type: 'pick.fill', tabId: 1, origin: ORIGIN },
    'form.describe with a frame id': { type: 'form.describe', tabId: 1, frameId: 3 },
    // The popup's context is read from the tab the background looks up itself; a URL never rides along.
    'popup.context carrying a URL': { type: 'popup.context', tabId: 1, url: 'https://evil.test/' },
    'popup.context with a tabId as string': { type: 'popup.context', tabId: '1' },
    // The environment remembered is the vault credential's, never one the message carries.
    'tenant.remember carrying an environment': { type: 'tenant.remember', tabId: 1, origin: ORIGIN, environmentId: '00000000-0000-4000-8000-000000000000' },
    'tenant.remember without the origin the popup showed': { type: 'tenant.remember', tabId: 1 },
    'tenant.remember with an http origin': { type: 'tenant.remember', tabId: 1, origin: 'http://one.dash.cloudflare.com' },
    'tenant.remember naming the page Cloudflare': { type: 'tenant.remember', tabId: 1, origin: ORIGIN, consoleId: 'cloudflare' },
    // Only a self-hostable console can be named for a page (lib/target): Cloudflare lives at its fixed host.
    'fill naming the page Cloudflare': { type: 'fill', origin: ORIGIN, tabId: 1, override: false, consoleId: 'cloudflare' },
    'fill naming the page a console that does not exist': { type: 'fill', origin: ORIGIN, tabId: 1, override: false, consoleId: 'okta' },
    'fill naming the page by a number': { type: 'fill', origin: ORIGIN, tabId: 1, override: false, consoleId: 0 },
    // The popup's text is judged for the tab the background looks up itself, as a fill names it.
    'credential.judge without its text': { type: 'credential.judge' },
    'credential.judge of more than 1 MiB': { type: 'credential.judge', text: 'x'.repeat(1024 * 1024 + 1) },
    'credential.judge carrying a context': { type: 'credential.judge', text: 'x', on: { tabId: 1, origin: ORIGIN }, expected: { environmentId: 'x' } },
    'credential.judge on an http origin': { type: 'credential.judge', text: 'x', on: { tabId: 1, origin: 'http://one.dash.cloudflare.com' } },
    'credential.judge naming the page Cloudflare': { type: 'credential.judge', text: 'x', on: { tabId: 1, origin: ORIGIN, consoleId: 'cloudflare' } },
    'a string': 'fill',
    null: null,
    'an array': [{ type: 'connection.cancel' }],
  };
  for (const [name, message] of Object.entries(malformed)) {
    it(`refuses ${name} even from the popup`, async () => {
      const response = (await routeMessage(message, POPUP, EXTENSION)) as { ok: boolean; error: string };
      expect(response).toEqual({ ok: false, error: 'Refused: the message is not one the background understands.' });
    });
  }
});

describe('routeMessage popup context and remembered tenant', () => {
  it('serves popup.context to the popup: the settings it shows and the tab as the banner shows it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${ORIGIN}/acme/settings` });
    expect(await routeMessage({ type: 'popup.context', tabId: tab.id }, POPUP, EXTENSION)).toMatchObject({
      ok: true,
      idleMs: DEFAULT_SETTINGS.idleClearMinutes * 60_000,
      readClipboardOnOpen: false,
      target: { consoleId: 'cloudflare', origin: ORIGIN },
    });
  });

  it('hands tenant.remember from the popup to its handler (the vault is empty here: its own answer, not a refusal)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${ORIGIN}/acme/settings` });
    expect(await routeMessage({ type: 'tenant.remember', tabId: tab.id, origin: ORIGIN }, POPUP, EXTENSION)).toEqual({
      ok: false,
      error: 'No credential to remember: paste one in the popup first.',
    });
  });
});

describe('routeMessage fill naming the page', () => {
  for (const consoleId of ['pingaccess', 'aic', 'pingfederate']) {
    it(`hands a fill naming the page ${consoleId} from the popup to the fill path`, async () => {
      // The fill path's own answer (the vault is empty here), not the router's refusal: the schema let it through.
      const origin = 'https://pf.demo.internal:9999';
      expect(await routeMessage({ type: 'fill', tabId: 3, origin, override: false, consoleId }, POPUP, EXTENSION)).toEqual({
        ok: false,
        error: 'No credential to fill: paste one in the popup first.',
      });
    });
  }
});

describe('routeMessage fill origin', () => {
  it('hands a fill carrying an https origin (with its port) from the popup to the fill path', async () => {
    const message = { type: 'fill', tabId: 3, origin: 'https://pf.demo.internal:9999', override: false };
    expect(await routeMessage(message, POPUP, EXTENSION)).toEqual({
      ok: false,
      error: 'No credential to fill: paste one in the popup first.',
    });
  });
});
