import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONSOLES } from './consoles';
import { readCredential } from './credential';
import type { Credential } from './credential/types';
import { gatewayClaims, signTestCredential } from './credential/test-credentials';
import { client, environment } from '../test/fixtures/environments';
import {
  DEFAULT_SETTINGS,
  SETTINGS_LOCK,
  addSelfHostedConsole,
  MAX_USES,
  guessTier,
  loadSettings,
  recordUse,
  rememberTenant,
  repairSettings,
  saveSettings,
  seenUses,
  tenantForOrigin,
  updateSettings,
  validateSelfHosted,
  validateTenant,
  type Settings,
  type TenantMapping,
  type UseRecord,
} from './settings';
import { exportSettings, parseSettingsImport } from './settings-transfer';
import { DEV_TENANT, PROD_TENANT } from './test-settings';

const dev = environment('dev');
const production = environment('production');

function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...overrides };
}

function use(index: number, overrides: Partial<UseRecord> = {}): UseRecord {
  return {
    fingerprint: index.toString(16).padStart(16, '0'),
    origin: DEV_TENANT.origin,
    consoleId: 'aic',
    environmentId: dev.id,
    at: 1_760_000_000_000 + index,
    ...overrides,
  };
}

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.credential;
}

const devWebApp = client('dev', 'web-app');
const DEV_APP_LINES = [`Client ID: ${devWebApp.clientId}`, `Client Secret: ${devWebApp.clientSecret}`, `Environment ID: ${dev.id}`].join('\n');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults and storage', () => {
  it('starts from the documented defaults, without a notice, when nothing is stored', async () => {
    const { settings, notice } = await loadSettings();
    expect(settings).toEqual({ version: 1, tenants: [], selfHosted: [], idleClearMinutes: 10, readClipboardOnOpen: false, uses: [] });
    expect(notice).toBeUndefined();
  });

  it('round-trips through storage.local under the key "settings"', async () => {
    const settings = settingsWith({ tenants: [PROD_TENANT], idleClearMinutes: 25, readClipboardOnOpen: true });
    await saveSettings(settings);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
    expect(await loadSettings()).toEqual({ settings });
  });

  it('refuses fields outside the schema, so a stray secret passed by mistake never reaches storage', async () => {
    const inRow = settingsWith({ tenants: [{ ...PROD_TENANT, clientSecret: devWebApp.clientSecret } as TenantMapping] });
    await expect(saveSettings(inRow)).rejects.toThrow('tenants[0].clientSecret: unknown field');
    await expect(saveSettings({ ...settingsWith({}), raw: 'eyJ' } as Settings)).rejects.toThrow('raw: unknown field');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('accepts a use record whose optional label and tier are undefined (an unmapped tenant, as the fill path records it)', async () => {
    await saveSettings(recordUse(settingsWith({}), use(1, { tenantLabel: undefined, tier: undefined })));
    expect((await loadSettings()).settings.uses).toEqual([use(1)]);
  });

  it('refuses to save an invalid object', async () => {
    await expect(saveSettings(settingsWith({ idleClearMinutes: 0 }))).rejects.toThrow(/idleClearMinutes/);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('updateSettings applies a change to what is stored and returns it', async () => {
    await saveSettings(settingsWith({ tenants: [DEV_TENANT] }));
    const next = await updateSettings((current) => ({ ...current, tenants: [...current.tenants, PROD_TENANT] }));
    expect(next.tenants.map((tenant) => tenant.origin)).toEqual([DEV_TENANT.origin, PROD_TENANT.origin]);
    expect((await loadSettings()).settings.tenants).toHaveLength(2);
  });

  it('refuses to save two tenants or two console origins for one origin', async () => {
    await expect(saveSettings(settingsWith({ tenants: [PROD_TENANT, { ...PROD_TENANT, label: 'Again' }] }))).rejects.toThrow(
      'tenants[1].origin: https://one.dash.cloudflare.com is already in tenants[0]',
    );
    const pa = { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' } as const;
    await expect(saveSettings(settingsWith({ selfHosted: [pa, { ...pa, consoleId: 'pingfederate' }] }))).rejects.toThrow(
      'selfHosted[1].origin: https://pa.demo.internal:9000 is already in selfHosted[0]',
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('concurrent updates in one page both land: each reads what the one before it wrote', async () => {
    await Promise.all([
      updateSettings((current) => ({ ...current, tenants: [...current.tenants, DEV_TENANT] })),
      updateSettings((current) => recordUse(current, use(1))),
      updateSettings((current) => ({ ...current, tenants: [...current.tenants, PROD_TENANT] })),
    ]);
    const { settings } = await loadSettings();
    expect(settings.tenants).toEqual([DEV_TENANT, PROD_TENANT]);
    expect(settings.uses).toEqual([use(1)]);
  });

  /** Web Locks as the browser gives them (one holder per name, requests granted in order); happy-dom has none. */
  function installExclusiveLocks() {
    const tails = new Map<string, Promise<unknown>>();
    const waiting: string[] = [];
    const locks = {
      waiting,
      request<T>(name: string, callback: () => Promise<T>): Promise<T> {
        waiting.push(name);
        const granted = (tails.get(name) ?? Promise.resolve()).then(() => {
          waiting.splice(waiting.indexOf(name), 1);
          return callback();
        });
        tails.set(name, granted.catch(() => undefined));
        return granted;
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    return { locks, uninstall: () => delete (navigator as { locks?: unknown }).locks };
  }

  it('waits while another page or the background holds the settings lock, then changes what that holder stored', async () => {
    const { locks, uninstall } = installExclusiveLocks();
    try {
      // The other context: holds the lock, and writes while holding it.
      let release!: () => void;
      await new Promise<void>((held) => {
        void locks.request(SETTINGS_LOCK, () => {
          held();
          return new Promise<void>((done) => (release = done));
        });
      });
      const update = updateSettings((current) => recordUse(current, use(1)));
      expect(locks.waiting).toEqual([SETTINGS_LOCK]);
      await fakeBrowser.storage.local.set({ settings: settingsWith({ tenants: [DEV_TENANT] }) });
      release();
      expect(await update).toMatchObject({ tenants: [DEV_TENANT], uses: [use(1)] });
      expect((await loadSettings()).settings).toMatchObject({ tenants: [DEV_TENANT], uses: [use(1)] });
    } finally {
      uninstall();
    }
  });
});

describe('repair, reset and migration', () => {
  it('resets a stored value that is not an object, with a notice', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { settings, notice } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice).toMatch(/unreadable \(a string instead of an object\).*reset to defaults/);
  });

  it('repairs field by field: drops only the bad rows and resets only the bad values', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        version: 1,
        tenants: [PROD_TENANT, { ...DEV_TENANT, expected: { environmentId: 'not-a-uuid' } }, { ...PROD_TENANT, label: 'Again' }],
        selfHosted: 'https://pa.demo.internal:9000',
        idleClearMinutes: -3,
        readClipboardOnOpen: true,
        uses: [use(1), { fingerprint: 'zz' }],
      },
    });
    const { settings, notice } = await loadSettings();
    expect(settings.tenants).toEqual([PROD_TENANT]);
    expect(settings.selfHosted).toEqual([]);
    expect(settings.idleClearMinutes).toBe(10);
    expect(settings.readClipboardOnOpen).toBe(true);
    expect(settings.uses).toEqual([use(1)]);
    expect(notice).toContain('tenants: 2 entries were dropped');
    expect(notice).toContain('tenants[1].expected.environmentId: expected a UUID');
    expect(notice).toContain('tenants[2]: a second entry for https://one.dash.cloudflare.com');
    expect(notice).toContain('selfHosted was a string, not a list');
    expect(notice).toContain('idleClearMinutes (at least 1 minute) was reset to 10');
    expect(notice).toContain('uses[1].fingerprint');
  });

  it('keeps a row with an unknown field, dropping the field; the notice names where, never the value', async () => {
    await fakeBrowser.storage.local.set({
      settings: { version: 1, tenants: [{ ...PROD_TENANT, clientSecret: devWebApp.clientSecret }], raw: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
    });
    const { settings, notice } = await loadSettings();
    expect(settings.tenants).toEqual([PROD_TENANT]);
    expect(notice).toContain('unknown fields were removed (tenants[0].clientSecret)');
    expect(notice).toContain('unknown fields were removed (raw)');
    expect(notice).not.toContain(devWebApp.clientSecret);
    await updateSettings((current) => current);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(devWebApp.clientSecret);
  });

  it('loading does not write back: the notice stays until the next change stores the repaired object', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, tenants: 'oops' } });
    expect((await loadSettings()).notice).toBeDefined();
    expect((await loadSettings()).notice).toBeDefined();
    await updateSettings((current) => current);
    expect((await loadSettings()).notice).toBeUndefined();
  });

  it('migrates the version 0 shape to version 1, with a notice', () => {
    const { settings, notice } = repairSettings({
      environmentMap: [
        { origin: 'https://openam-acme-prod.forgeblocks.com', console: 'aic', tier: 'prod', name: 'Acme', environmentId: production.id, environmentName: production.name, region: 'eu' },
        { origin: 'https://pa.demo.internal:9000', console: 'pingaccess', tier: 'dev', environmentId: dev.id },
      ],
      consoleOrigins: [{ origin: 'https://pa.demo.internal:9000', console: 'pingaccess' }],
      autoClearMinutes: 30,
      pasteOnOpen: true,
    });
    expect(settings).toEqual({
      version: 1,
      tenants: [
        { origin: 'https://openam-acme-prod.forgeblocks.com', consoleId: 'aic', tier: 'production', label: 'Acme', expected: { environmentId: production.id, environmentName: production.name, regionTld: 'eu' } },
        { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess', tier: 'development', label: 'pa.demo.internal:9000', expected: { environmentId: dev.id } },
      ],
      selfHosted: [{ origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' }],
      idleClearMinutes: 30,
      readClipboardOnOpen: true,
      uses: [],
    });
    expect(notice).toBe('Settings from an earlier version were upgraded.');
  });

  it('migrates version 0 even when some of its rows are bad, naming them', () => {
    const { settings, notice } = repairSettings({ version: 0, environmentMap: [{ origin: 'http://plain.example', console: 'aic', tier: 'dev', environmentId: dev.id }] });
    expect(settings.tenants).toEqual([]);
    expect(notice).toMatch(/^Settings from an earlier version were upgraded: tenants: 1 entry was dropped \(tenants\[0\]\.origin: expected an https origin/);
  });

  it('keeps what it understands from a newer version, and says so', () => {
    const { settings, notice } = repairSettings({ version: 2, tenants: [PROD_TENANT], somethingNew: true });
    expect(settings.tenants).toEqual([PROD_TENANT]);
    expect(notice).toMatch(/newer version \(2\)/);
  });

  it('sorts uses newest first and keeps only the newest 200', () => {
    const uses = Array.from({ length: MAX_USES + 5 }, (_, index) => use(index));
    const { settings } = repairSettings({ version: 1, tenants: [], uses });
    expect(settings.uses).toHaveLength(MAX_USES);
    expect(settings.uses[0]).toEqual(use(MAX_USES + 4));
    expect(settings.uses.at(-1)).toEqual(use(5));
  });
});

describe('environment map', () => {
  it('finds a tenant by origin, whatever URL form the tab gives', () => {
    const settings = settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] });
    expect(tenantForOrigin(settings, 'https://one.dash.cloudflare.com/abc/access/apps')).toBe(PROD_TENANT);
    expect(tenantForOrigin(settings, 'https://ONE.dash.cloudflare.com:443')).toBe(PROD_TENANT);
    expect(tenantForOrigin(settings, 'https://one.dash.cloudflare.com.evil.test')).toBeUndefined();
    expect(tenantForOrigin(settings, 'http://one.dash.cloudflare.com')).toBeUndefined();
    expect(tenantForOrigin(settings, 'not a url')).toBeUndefined();
  });

  it('guesses the tier from whole words of the host name, production when it names none', () => {
    expect(guessTier('https://openam-acme-dev.forgeblocks.com')).toBe('development');
    expect(guessTier('https://uat.pa.acme.example')).toBe('uat');
    expect(guessTier('https://acme-stag.id.forgerock.io')).toBe('staging');
    expect(guessTier('https://pa-preprod.acme.example')).toBe('staging');
    expect(guessTier('https://acme-prod.forgeblocks.com')).toBe('production');
    expect(guessTier('https://sandbox.acme.example')).toBe('sandbox');
    expect(guessTier('https://developer-products.acme.example')).toBe('production');
    expect(guessTier('https://one.dash.cloudflare.com')).toBe('production');
  });

  it('remembers a tenant from a credential: environment id, name and region; label and tier from the host', async () => {
    const credential = read(await signTestCredential(gatewayClaims('production')));
    const settings = rememberTenant(DEFAULT_SETTINGS, { origin: 'https://pa-prod.acme.example:9000/pa/admin', consoleId: 'pingaccess', credential });
    expect(settings.tenants).toEqual([
      {
        origin: 'https://pa-prod.acme.example:9000',
        consoleId: 'pingaccess',
        tier: 'production',
        label: 'pa-prod.acme.example:9000',
        expected: { environmentId: production.id, environmentName: production.name, regionTld: 'eu' },
      },
    ]);
    expect(DEFAULT_SETTINGS.tenants).toEqual([]);
  });

  it('re-mapping a known tenant keeps its label and tier unless new ones are given', () => {
    const credential = read(DEV_APP_LINES);
    const settings = settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] });
    const remapped = rememberTenant(settings, { origin: PROD_TENANT.origin, consoleId: 'cloudflare', credential });
    expect(remapped.tenants).toEqual([{ ...PROD_TENANT, expected: { environmentId: dev.id } }, DEV_TENANT]);
    const relabelled = rememberTenant(settings, { origin: PROD_TENANT.origin, consoleId: 'cloudflare', credential, tier: 'sandbox', label: 'Lab' });
    expect(relabelled.tenants[0]).toMatchObject({ tier: 'sandbox', label: 'Lab' });
  });

  it('refuses to remember a non-https origin', () => {
    expect(() => rememberTenant(DEFAULT_SETTINGS, { origin: 'http://pa.acme.example', consoleId: 'pingaccess', credential: read(DEV_APP_LINES) })).toThrow(
      /not an https origin/,
    );
  });

  it('the remembered row never holds the secret', () => {
    const settings = rememberTenant(DEFAULT_SETTINGS, { origin: PROD_TENANT.origin, consoleId: 'cloudflare', credential: read(DEV_APP_LINES) });
    expect(JSON.stringify(settings)).not.toContain(devWebApp.clientSecret);
    expect(JSON.stringify(settings)).not.toContain(devWebApp.clientId);
  });

  it('records uses newest first, capped at 200', () => {
    let settings: Settings = DEFAULT_SETTINGS;
    for (let index = 0; index < MAX_USES + 3; index++) settings = recordUse(settings, use(index));
    expect(settings.uses).toHaveLength(MAX_USES);
    expect(settings.uses[0]).toEqual(use(MAX_USES + 2));
    expect(settings.uses.at(-1)).toEqual(use(3));
  });

  it('gives the reuse check its history by fingerprint, origin and label only', () => {
    const settings = recordUse(recordUse(DEFAULT_SETTINGS, use(1)), use(2, { origin: PROD_TENANT.origin, consoleId: 'cloudflare', tenantLabel: 'Acme', tier: 'production' }));
    expect(seenUses(settings)).toEqual([
      { fingerprint: use(2).fingerprint, origin: PROD_TENANT.origin, tenantLabel: 'Acme', at: use(2).at },
      { fingerprint: use(1).fingerprint, origin: DEV_TENANT.origin, at: use(1).at },
    ]);
  });

  it('validates a tenant form with messages per field', () => {
    const result = validateTenant({ origin: 'https://x.example/path', consoleId: 'okta', tier: 'prod', label: ' ', expected: { environmentId: '123' } });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'origin', message: 'expected an https origin like https://host or https://host:port (no path)' },
        { path: 'consoleId', message: 'expected one of pingaccess, aic, cloudflare, pingfederate' },
        { path: 'tier', message: 'expected one of development, uat, staging, production, sandbox' },
        { path: 'label', message: 'must not be empty' },
        { path: 'expected.environmentId', message: 'expected a UUID' },
      ],
    });
  });
});

describe('self-hosted console origins', () => {
  it('accepts every console of lib/consoles for a tenant, and exactly the self-hostable ones for a console origin', () => {
    const origin = 'https://console.acme.example';
    for (const module of CONSOLES) {
      expect(validateTenant({ ...DEV_TENANT, consoleId: module.id }).ok, module.id).toBe(true);
      expect(validateSelfHosted({ origin, consoleId: module.id }).ok, module.id).toBe(module.selfHostable);
    }
    expect(CONSOLES.filter((module) => !module.selfHostable).map((module) => module.id)).toEqual(['cloudflare']);
  });

  const PA = { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' } as const;

  it('asks for exactly that origin, synchronously (inside the click), and stores it when granted', async () => {
    const asked: { origins: string[] }[] = [];
    const pending = addSelfHostedConsole(PA, async (permissions) => {
      asked.push(permissions);
      return true;
    });
    // Nothing awaited yet: the request must already be made, or Chrome sees no user gesture.
    expect(asked).toEqual([{ origins: ['https://pa.demo.internal:9000/*'] }]);
    const result = await pending;
    expect(result).toEqual({ granted: true, settings: expect.objectContaining({ selfHosted: [PA] }) });
    expect((await loadSettings()).settings.selfHosted).toEqual([PA]);
  });

  it('stores nothing when the admin refuses the permission', async () => {
    expect(await addSelfHostedConsole(PA, async () => false)).toEqual({ granted: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('adding an origin again replaces its console kind instead of listing it twice', async () => {
    await addSelfHostedConsole(PA, async () => true);
    await addSelfHostedConsole({ ...PA, consoleId: 'pingfederate' }, async () => true);
    expect((await loadSettings()).settings.selfHosted).toEqual([{ ...PA, consoleId: 'pingfederate' }]);
  });

  it('asks for nothing when the entry is invalid', async () => {
    const asked: unknown[] = [];
    const request = async (permissions: unknown) => (asked.push(permissions), true);
    await expect(addSelfHostedConsole({ origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare' }, request)).rejects.toThrow(
      'consoleId: expected one of pingaccess, aic, pingfederate',
    );
    await expect(addSelfHostedConsole({ origin: 'https://pa.example/admin', consoleId: 'pingaccess' }, request)).rejects.toThrow(/origin: expected an https origin/);
    expect(asked).toEqual([]);
  });
});

describe('export and import', () => {
  const settings = settingsWith({
    tenants: [PROD_TENANT, DEV_TENANT],
    selfHosted: [{ origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' }],
    idleClearMinutes: 15,
    uses: [use(1)],
  });

  it('exports the map and preferences, not the fill history, and imports them back', () => {
    const text = exportSettings(settings);
    expect(JSON.parse(text)).not.toHaveProperty('uses');
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: { ...settings, uses: [] } });
  });

  const jsonError = (text: string) => {
    const result = parseSettingsImport(text);
    if (result.ok || result.errors.length !== 1 || result.errors[0]?.path !== '(file)') throw new Error(`not one file error: ${JSON.stringify(result)}`);
    return result.errors[0].message;
  };

  it('names the line, column and reason of a JSON syntax error', () => {
    // For want of a comma after `"version": 1`, the file stops being JSON where "tenants" starts.
    expect(jsonError('{\n  "version": 1\n  "tenants": []\n}')).toBe('not valid JSON at line 3, column 3: expected , or } after a property value');
    expect(jsonError('{\n  "version": 1,\n  "tenants": [}\n')).toBe(
      'not valid JSON at line 3, column 15: a value must be an object, a list, a "string", a number, true, false or null',
    );
    expect(jsonError('{"version": 1,')).toBe('not valid JSON at line 1, column 15: the file ends too early (a missing } or ]?)');
    expect(jsonError('{"version": 1, "tenants": [],}')).toBe('not valid JSON at line 1, column 30: expected a property name in "double quotes"');
    expect(jsonError("{'version': 1}")).toBe('not valid JSON at line 1, column 2: expected a property name in "double quotes"');
    expect(jsonError('{"version": 1} {}')).toBe('not valid JSON at line 1, column 16: more text after the end of the settings object');
    expect(jsonError('{"label": "Acme\tDev"}')).toMatch(/^not valid JSON at line 1, column 16: a control character/);
    expect(jsonError('')).toBe('not valid JSON at line 1, column 1: the file ends too early (a missing } or ]?)');
  });

  it('never quotes the file: a credential pasted instead of settings is not echoed, where the engine would', async () => {
    const jwt = await signTestCredential(gatewayClaims('dev'));
    const pieces = (secret: string) => Array.from({ length: secret.length - 7 }, (_, start) => secret.slice(start, start + 8));
    for (const text of [jwt, `{"version": 1, "tenants": [], "note": ${jwt}}`, `{"version": 1, "note": "${jwt}" "x"}`, DEV_APP_LINES]) {
      const message = jsonError(text);
      expect(message).toMatch(/^not valid JSON at line \d+, column \d+: /);
      for (const piece of [...pieces(jwt), ...pieces(devWebApp.clientSecret)]) expect(message).not.toContain(piece);
    }
    // What the engine itself says about the first two (V8 quotes the text around the error):
    expect(() => JSON.parse(jwt)).toThrow(jwt.slice(0, 8));
    expect(() => JSON.parse(`{"version": 1, "tenants": [], "note": ${jwt}}`)).toThrow(jwt.slice(0, 8));
  });

  it('finds the error where V8 does, on any text one edit away from JSON', () => {
    const edited = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1', 't', 'n', ' ', '\n', '\u0001', 'x', '\\u12'), fc.boolean())
      .map(([json, index, insert, replace]) => {
        const at = json.length === 0 ? 0 : index % json.length;
        return json.slice(0, at) + insert + json.slice(replace ? at + 1 : at);
      });
    fc.assert(
      fc.property(edited, (text) => {
        let engine: string;
        try {
          JSON.parse(text);
          return;
        } catch (error) {
          engine = (error as Error).message;
        }
        const message = jsonError(text);
        const position = /at position (\d+)/.exec(engine);
        if (!position) {
          expect(message).toMatch(/^not valid JSON at line \d+, column \d+: /);
          return;
        }
        const before = text.slice(0, Number(position[1]));
        const line = before.split('\n').length;
        const column = before.length - before.lastIndexOf('\n');
        expect(message, `${JSON.stringify(text)}: ${engine}`).toMatch(new RegExp(`^not valid JSON at line ${line}, column ${column}: `));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports every bad row with its path, and applies nothing', () => {
    const file = JSON.parse(exportSettings(settings));
    file.tenants.push(
      { origin: 'https://pa.acme.example', consoleId: 'pingaccess', tier: 'uat', label: 'Acme', expected: { environmentId: 'dev' } },
      { origin: 'https://pf.acme.example', consoleId: 'pingfederate', tier: 'qa', label: 'Acme', expected: { environmentId: dev.id, regionTld: 'de' } },
      { ...PROD_TENANT, label: 'Duplicate' },
    );
    file.selfHosted.push({ origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare' });
    file.colour = 'blue';
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'tenants[2].expected.environmentId', message: 'expected a UUID' },
        { path: 'tenants[3].tier', message: 'expected one of development, uat, staging, production, sandbox' },
        { path: 'tenants[3].expected.regionTld', message: 'expected a region domain: one of com, ca, eu, com.au, sg, asia' },
        { path: 'selfHosted[1].consoleId', message: 'expected one of pingaccess, aic, pingfederate' },
        { path: 'colour', message: 'unknown field' },
      ],
    });
  });

  it('reports duplicate origins once the rows are otherwise valid', () => {
    const file = JSON.parse(exportSettings(settings));
    file.tenants.push({ ...PROD_TENANT, label: 'Duplicate' });
    expect(parseSettingsImport(JSON.stringify(file))).toEqual({
      ok: false,
      errors: [{ path: 'tenants[2].origin', message: 'https://one.dash.cloudflare.com is already in tenants[0]' }],
    });
  });

  it('refuses any key that smells of a secret, and any value that is a JWT', async () => {
    const jwt = await signTestCredential(gatewayClaims('dev'));
    const file = JSON.parse(exportSettings(settings));
    file.tenants[0].clientSecret = 'x';
    file.tenants[1].expected.client_secret = 'x';
    file.credential = {};
    file.accessToken = 'x';
    file.raw = 'x';
    file.selfHosted[0].note = jwt;
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual(['tenants[0].clientSecret', 'tenants[1].expected.client_secret', 'selfHosted[0].note', 'credential', 'accessToken', 'raw']);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/looks like a secret/);
    expect(result.ok ? '' : result.errors[2]?.message).toMatch(/looks like a JWT/);
  });

  it('refuses a file of another version or that is not an object', () => {
    expect(parseSettingsImport('{"version": 2, "tenants": []}')).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'expected 1 (this extension reads version 1 files)' }],
    });
    expect(parseSettingsImport('[]')).toEqual({ ok: false, errors: [{ path: '(file)', message: 'expected a settings object' }] });
    expect(parseSettingsImport('{"version": 1}')).toEqual({ ok: false, errors: [{ path: 'tenants', message: 'required' }] });
  });
});
