import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client, environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS, MAX_USES } from './model';
import { repairSettings } from './repair';
import { loadSettings, updateSettings } from './store';
import { DEV_TENANT, fillRecord, PICKED_FORM, PROD_TENANT } from '../../test/fixtures/tenants';

const dev = environment('dev');
const production = environment('production');

const devWebApp = client('dev', 'web-app');

beforeEach(() => {
  fakeBrowser.reset();
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
        uses: [fillRecord(1), { fingerprint: 'zz' }],
      },
    });
    const { settings, notice } = await loadSettings();
    expect(settings.tenants).toEqual([PROD_TENANT]);
    expect(settings.selfHosted).toEqual([]);
    expect(settings.idleClearMinutes).toBe(10);
    expect(settings.readClipboardOnOpen).toBe(true);
    expect(settings.uses).toEqual([fillRecord(1)]);
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
      picked: [],
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
    const uses = Array.from({ length: MAX_USES + 5 }, (_, index) => fillRecord(index));
    const { settings } = repairSettings({ version: 1, tenants: [], uses });
    expect(settings.uses).toHaveLength(MAX_USES);
    expect(settings.uses[0]).toEqual(fillRecord(MAX_USES + 4));
    expect(settings.uses.at(-1)).toEqual(fillRecord(5));
  });

  it('keeps picked forms that validate, one per origin, and drops a row that could never be found again or holds a value', () => {
    const unfindable = { origin: 'https://other.example.test', fields: [{ field: 'clientId', position: 1 }], at: 1 };
    const withValue = { ...PICKED_FORM, origin: 'https://third.example.test', fields: [{ ...PICKED_FORM.fields[0], value: 'x' }] };
    const { settings, notice } = repairSettings({ version: 1, tenants: [], picked: [PICKED_FORM, { ...PICKED_FORM, at: 2 }, unfindable, withValue] });
    expect(settings.picked).toEqual([PICKED_FORM, { ...withValue, fields: [PICKED_FORM.fields[0]] }]);
    expect(notice).toContain('picked: 2 entries were dropped');
    expect(notice).toContain('picked[2].fields[0]: needs a label, a name or an id');
    expect(notice).toContain('unknown fields were removed (picked[3].fields[0].value)');
  });
});
