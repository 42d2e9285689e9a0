/**
 * Static security checks on the BUILT output (no browser needed): the manifest grants exactly what we mean it to,
 * the bundles carry no dynamic code, and Mozilla's linter finds no error in the Firefox build.
 * A change to any expected list below must be deliberate: update it here with the reason.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PERMISSION_REASONS } from '../../lib/listing/permissions';
import { builtFiles } from '../bench/built-files';

const CHROME = path.resolve('.output/chrome-mv3');
const FIREFOX = path.resolve('.output/firefox-mv2');

function manifest(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the production Chrome manifest asks for exactly the expected permissions', () => {
  const built = manifest(CHROME);
  expect(built.manifest_version).toBe(3);
  expect([...(built.permissions as string[])].sort()).toEqual(
    // storage: vault (session) + settings (local); alarms: idle auto-clear; activeTab + scripting: the fill on the
    // admin's click; contextMenus: "Inspect as PingOne credential"; clipboardRead: "Paste from clipboard", and reading
    // back a copied secret before clearing it; clipboardWrite + offscreen: clearing a copied secret from the clipboard
    // with no page focused (an offscreen document, reason CLIPBOARD); declarativeNetRequestWithHostAccess: one session
    // rule takes the Origin header off the connection test's own requests to PingOne's hosts (no install warning).
    ['activeTab', 'alarms', 'clipboardRead', 'clipboardWrite', 'contextMenus', 'declarativeNetRequestWithHostAccess', 'offscreen', 'scripting', 'storage'],
  );
  expect(built.host_permissions).toEqual([
    // PingOne: exactly the auth and API host of each region in lib/regions.ts, for the connection test.
    'https://auth.pingone.com/*',
    'https://api.pingone.com/*',
    'https://auth.pingone.ca/*',
    'https://api.pingone.ca/*',
    'https://auth.pingone.eu/*',
    'https://api.pingone.eu/*',
    'https://auth.pingone.com.au/*',
    'https://api.pingone.com.au/*',
    'https://auth.pingone.sg/*',
    'https://api.pingone.sg/*',
    'https://auth.pingone.asia/*',
    'https://api.pingone.asia/*',
    // Hosted consoles with fixed hosts, to fill them.
    'https://one.dash.cloudflare.com/*',
    'https://*.forgeblocks.com/*',
    'https://*.id.forgerock.io/*',
  ]);
  // Self-hosted PingAccess/PingFederate and AIC custom domains: requested per origin from the options page.
  expect(built.optional_host_permissions).toEqual(['https://*/*']);
  // Default MV3 CSP (no override), nothing exposed to pages or other extensions.
  expect(built.content_security_policy).toBeUndefined();
  expect(built.web_accessible_resources).toBeUndefined();
  expect(built.externally_connectable).toBeUndefined();
  // One command, the browser's own "open the popup", on the key the README names.
  expect(built.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+P' } } });
  // The organisation's policy schema (lib/settings/managed.ts), shipped as written: it grants nothing, it describes
  // what storage.managed may hold.
  expect(built.storage).toEqual({ managed_schema: 'managed-schema.json' });
  expect(JSON.parse(readFileSync(path.join(CHROME, 'managed-schema.json'), 'utf8'))).toEqual(
    JSON.parse(readFileSync('lib/settings/managed-schema.json', 'utf8')),
  );
});

test('the Firefox manifest asks for the same, in MV2 form', () => {
  const chrome = manifest(CHROME);
  const firefox = manifest(FIREFOX);
  expect(firefox.manifest_version).toBe(2);
  // MV2 lists API permissions and hosts together; the set must equal Chrome's two lists joined, less `offscreen`:
  // Firefox's background page has a DOM and clears the clipboard itself.
  expect([...(firefox.permissions as string[])].sort()).toEqual(
    [...(chrome.permissions as string[]).filter((permission) => permission !== 'offscreen'), ...(chrome.host_permissions as string[])].sort(),
  );
  // Self-hosted consoles: Firefox refuses permissions.request for an origin not declared optional.
  expect(firefox.optional_permissions).toEqual(['https://*/*']);
  expect(firefox.content_security_policy).toBeUndefined();
  expect(firefox.web_accessible_resources).toBeUndefined();
  expect(firefox.externally_connectable).toBeUndefined();
  expect(firefox.commands).toEqual({ _execute_browser_action: { suggested_key: { default: 'Alt+Shift+P' } } });
  // Firefox reads the policy from policies.json and has no managed_schema key.
  expect(firefox.storage).toBeUndefined();
  expect(firefox.browser_specific_settings).toMatchObject({ gecko: { data_collection_permissions: { required: ['none'] } } });
});

test('every permission of both builds has its one-line justification in the listing, and nothing else has one', () => {
  const chrome = manifest(CHROME);
  const firefox = manifest(FIREFOX);
  const apiPermissions = [...(chrome.permissions as string[]), ...(firefox.permissions as string[]).filter((entry) => !entry.includes('://'))];
  const hosts = ['PingOne hosts', 'Hosted consoles', 'Optional host access'];
  expect(Object.keys(PERMISSION_REASONS).sort()).toEqual([...new Set([...apiPermissions, ...hosts])].sort());
  for (const reason of Object.values(PERMISSION_REASONS)) expect(reason).not.toContain('\n');
});

test('the e2e flavour differs from production only by the demo consoles’ host permissions', () => {
  const production = manifest(CHROME);
  const e2e = manifest(path.resolve('.output/chrome-mv3-e2e'));
  const extra = (e2e.host_permissions as string[]).filter((host) => !(production.host_permissions as string[]).includes(host));
  expect(extra).toEqual(['https://pa.demo.internal:9000/*', 'https://pf.demo.internal:9999/*']);
  expect({ ...e2e, host_permissions: production.host_permissions }).toEqual(production);
});

test('no dynamic code or remote script in the built bundles', () => {
  const scripts = filesUnder(CHROME).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(1);
  for (const file of scripts) {
    const source = readFileSync(file, 'utf8');
    expect(source, file).not.toMatch(/\beval\s*\(/);
    expect(source, file).not.toMatch(/\bnew\s+Function\s*\(/);
    expect(source, file).not.toMatch(/import\s*\(\s*["']https?:/);
    expect(source, file).not.toMatch(/importScripts\s*\(/);
  }
  for (const file of filesUnder(CHROME).filter((name) => name.endsWith('.html'))) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/<script[^>]+src=["']https?:/);
  }
});

test('the background decides fills on findings and carries none of the checks\' words; the popup words them', () => {
  // lib/credential/check.ts judges, check-words.ts words: a sentence of each kind of check, error and ok alike.
  const sentences = ['possible tampering', 'Signed with', 'First fill at', 'can be used as the name as it is'];
  const background = readFileSync(path.join(CHROME, 'background.js'), 'utf8');
  for (const sentence of sentences) expect(background, sentence).not.toContain(sentence);
  expect(background).toContain('tenant.first-fill');
  const chunks = filesUnder(path.join(CHROME, 'chunks')).map((file) => readFileSync(file, 'utf8'));
  for (const sentence of sentences) expect(chunks.some((chunk) => chunk.includes(sentence)), sentence).toBe(true);
});

test('the popup carries neither zod nor the credential engine: the background reads and judges for it', async () => {
  // zod/mini names its schema classes; the reader's words for a text too long to be a credential (lib/credential/read.ts).
  const markers = ['ZodMiniObject', 'a credential is at most'];
  const background = readFileSync(path.join(CHROME, 'background.js'), 'utf8');
  for (const marker of markers) expect(background, marker).toContain(marker);
  for (const file of await builtFiles(CHROME).pageFiles('popup.html', true)) {
    const source = readFileSync(path.join(CHROME, file), 'utf8');
    for (const marker of markers) expect(source, `${file}: ${marker}`).not.toContain(marker);
  }
});

test('web-ext lint finds no error in the Firefox build', () => {
  let output: string;
  try {
    output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX, '--output', 'json', '--self-hosted'], {
      encoding: 'utf8',
    });
  } catch (error) {
    // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as { errors: { code: string; message: string }[]; warnings: { code: string }[] };
  expect(report.errors, JSON.stringify(report.errors, null, 2)).toEqual([]);
  // Warnings are listed and justified in the README ("Security model"); a new one must be looked at, then added.
  // UNSAFE_VAR_ASSIGNMENT: Preact's own support for `dangerouslySetInnerHTML`, which no component uses (see the
  // source scan below).
  expect(report.warnings.map((warning) => warning.code).sort()).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
});

/** Entry names of a zip archive (python3's zipfile: on every machine of this kind, unlike `unzip`). */
function zipEntries(file: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
}

test('npm run zip refuses without a complete store listing, then makes both packages and a sources archive with nothing stray', () => {
  test.setTimeout(300_000);
  // A listing with a screenshot gone: the packages would go out without it, so zip fails and names it.
  execFileSync('npm', ['run', 'store'], { encoding: 'utf8', stdio: 'pipe' });
  rmSync(path.resolve('.output/store/screenshots/2-console-filled.png'));
  let refused = '';
  try {
    execFileSync('npm', ['run', 'zip'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    refused = (error as { stderr: string }).stderr;
  }
  expect(refused).toContain('screenshots/2-console-filled.png is missing');
  execFileSync('npm', ['run', 'store'], { encoding: 'utf8', stdio: 'pipe' });
  execFileSync('npm', ['run', 'zip'], { encoding: 'utf8', stdio: 'pipe' });
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const out = path.resolve('.output');
  const chromeZip = zipEntries(path.join(out, `pingone-connection-helper-${version}-chrome.zip`));
  const firefoxZip = zipEntries(path.join(out, `pingone-connection-helper-${version}-firefox.zip`));
  const sources = zipEntries(path.join(out, `pingone-connection-helper-${version}-sources.zip`));

  for (const entries of [chromeZip, firefoxZip]) {
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('popup.html');
    expect(entries).toContain('fill.js');
    // Built output only: no source maps, no sources, no test artefacts.
    expect(entries.filter((entry) => /\.(map|ts|tsx)$|^test\/|node_modules/.test(entry))).toEqual([]);
  }
  // The sources archive rebuilds the extension (`npm ci && npm run build:firefox`) and holds nothing else.
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts']) {
    expect(sources).toContain(needed);
  }
  const stray = sources.filter((entry) =>
    /^(test|\.output|\.wxt|node_modules|test-results|playwright-report)\/|\.(test|spec)\.tsx?$|\.log$|(^|\/)test-[\w-]+\.ts$|^\./.test(
      entry,
    ),
  );
  expect(stray).toEqual([]);
});

test('no component or entrypoint renders HTML from data', () => {
  const sources = ['components', 'entrypoints', 'lib'].flatMap((dir) => filesUnder(path.resolve(dir)));
  for (const file of sources.filter((name) => /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name))) {
    const source = readFileSync(file, 'utf8');
    expect(source, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  }
});

test('the extension code reaches the browser only through `browser` from wxt/browser', () => {
  // test/e2e/extension-api.d.ts declares a global `chrome` for the specs, which tsc also shows to lib/ and
  // entrypoints/; this keeps the extension itself on the one API that works in Chrome and Firefox alike.
  const sources = ['components', 'entrypoints', 'lib'].flatMap((dir) => filesUnder(path.resolve(dir)));
  for (const file of sources.filter((name) => /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name))) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/(^|[^\w.'"`-])chrome\.\w/m);
  }
});
