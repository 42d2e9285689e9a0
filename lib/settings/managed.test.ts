import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { environment } from '../../test/fixtures/environments';
import { settingsWith } from '../../test/fixtures/tenants';
import { loadSettingsFor, loadSettingsWithPolicy, overrideForbidden, parseManagedPolicy } from './managed';
import { reportManagedPolicy } from './managed-report';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping } from './model';
import { loadSettings, saveSettings, updateSettings } from './store';

const production = environment('production');
const dev = environment('dev');
const ORG_ROW: TenantMapping = {
  origin: 'https://one.dash.cloudflare.com',
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme production',
  expected: { environmentId: production.id },
};
const OWN_SAME_ORIGIN: TenantMapping = { ...ORG_ROW, tier: 'development', label: 'Mine', expected: { environmentId: dev.id } };
const OWN_OTHER: TenantMapping = { ...OWN_SAME_ORIGIN, origin: 'https://acme-dev.forgeblocks.com', consoleId: 'aic' };
const NONE = { tenants: [], selfHosted: [], allowFillAnywayOnProduction: true };

beforeEach(() => fakeBrowser.reset());

describe('parseManagedPolicy (what the popup and the background apply)', () => {
  it('no policy, or one that is no object, is no policy: nothing set, "Fill anyway" allowed', () => {
    for (const input of [undefined, null, {}, 'tenants', 42, [ORG_ROW]]) expect(parseManagedPolicy(input)).toEqual(NONE);
  });

  it('applies every part of a valid policy', () => {
    const selfHosted = [{ origin: 'https://pa.acme.internal:9000', consoleId: 'pingaccess' }];
    expect(parseManagedPolicy({ tenants: [ORG_ROW], selfHosted, idleClearMinutes: 5, allowFillAnywayOnProduction: false })).toEqual({
      tenants: [ORG_ROW],
      selfHosted,
      idleClearMinutes: 5,
      allowFillAnywayOnProduction: false,
    });
  });

  it('leaves out each malformed or repeated row and keeps the rest', () => {
    const policy = parseManagedPolicy({
      tenants: [{ ...ORG_ROW, tier: 'prod' }, ORG_ROW, { ...ORG_ROW, label: 'Again' }, { ...OWN_OTHER, clientSecret: 'never' }],
      selfHosted: 'https://pa.acme.internal',
      idleClearMinutes: 0,
    });
    expect(policy).toEqual({ ...NONE, tenants: [ORG_ROW] });
  });

  it('reads a "Fill anyway" switch that is not true or false as false, the stricter reading', () => {
    for (const value of ['no', 'false', 0, null, {}]) expect(parseManagedPolicy({ allowFillAnywayOnProduction: value }).allowFillAnywayOnProduction).toBe(false);
    expect(parseManagedPolicy({ allowFillAnywayOnProduction: true }).allowFillAnywayOnProduction).toBe(true);
  });
});

describe('reportManagedPolicy (what Options shows)', () => {
  it('lists each malformed part by path, in the admin’s words', () => {
    const { errors } = reportManagedPolicy({
      tenants: [
        { ...ORG_ROW, tier: 'prod', expected: { environmentId: 'not-a-uuid' } },
        ORG_ROW,
        { ...ORG_ROW, label: 'Again' },
        { ...ORG_ROW, origin: 'https://x.forgeblocks.com', consoleId: 'aic', clientSecret: 'never' },
      ],
      selfHosted: 'https://pa.acme.internal',
      idleClearMinutes: 0,
      allowFillAnywayOnProduction: 'no',
      fillAnyway: true,
    });
    expect(errors).toEqual([
      { path: 'fillAnyway', message: 'unknown field' },
      { path: 'tenants[0].tier', message: 'expected one of development, uat, staging, production, sandbox' },
      { path: 'tenants[0].expected.environmentId', message: 'expected a UUID' },
      { path: 'tenants[2].origin', message: 'https://one.dash.cloudflare.com is already in this policy' },
      // A secret has no place in a policy: the row is refused, not applied without it.
      { path: 'tenants[3].clientSecret', message: 'unknown field' },
      { path: 'selfHosted', message: 'expected a list' },
      { path: 'idleClearMinutes', message: 'at least 1 minute' },
      { path: 'allowFillAnywayOnProduction', message: 'expected true or false; read as false' },
    ]);
  });

  it('a valid policy has no errors; one that is no object is one error; none at all is none', () => {
    expect(reportManagedPolicy({ tenants: [ORG_ROW], allowFillAnywayOnProduction: false }).errors).toEqual([]);
    expect(reportManagedPolicy('tenants').errors).toEqual([{ path: '(policy)', message: 'expected an object' }]);
    expect(reportManagedPolicy(undefined).errors).toEqual([]);
  });

  it('a row is reported exactly when the applied policy leaves it out (any mix of good, bad and repeated rows)', () => {
    const good = fc.constantFrom(ORG_ROW, OWN_OTHER, { ...OWN_OTHER, origin: 'https://b.forgeblocks.com' });
    const bad = fc.oneof(
      fc.constant({ ...ORG_ROW, tier: 'prod' }),
      fc.constant({ ...OWN_OTHER, expected: {} }),
      fc.constant({ ...ORG_ROW, extra: 1 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(good, bad), { maxLength: 8 }), (rows) => {
        const { policy, errors } = reportManagedPolicy({ tenants: rows });
        const reported = new Set(errors.map((error) => Number(/^tenants\[(\d+)\]/.exec(error.path)?.[1])));
        const kept = rows.filter((_, index) => !reported.has(index));
        expect(policy.tenants).toEqual(kept);
      }),
    );
  });
});

describe('Options reads a policy as the popup and the background apply it', () => {
  it('reportManagedPolicy’s policy is parseManagedPolicy’s, for any policy', () => {
    const row = fc.oneof(fc.constantFrom(ORG_ROW, OWN_OTHER, { ...ORG_ROW, tier: 'prod' }, { origin: 'https://pa.acme.internal', consoleId: 'pingaccess' }), fc.anything());
    const field = (value: fc.Arbitrary<unknown>) => fc.option(fc.oneof(value, fc.anything()), { nil: undefined });
    const policy = fc.record(
      {
        tenants: field(fc.array(row, { maxLength: 5 })),
        selfHosted: field(fc.array(row, { maxLength: 5 })),
        idleClearMinutes: field(fc.integer({ min: -5, max: 200 })),
        allowFillAnywayOnProduction: field(fc.boolean()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(policy, fc.anything()), (input) => {
        expect(reportManagedPolicy(input).policy).toEqual(parseManagedPolicy(input));
      }),
      { numRuns: 500 },
    );
  });
});

describe('loadSettingsWithPolicy (what the checks, the fill gate, the toolbar and the idle alarm act on)', () => {
  it('the organisation’s row wins on its origin, the admin’s other rows stay, the policy’s idle time applies', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER], idleClearMinutes: 30 }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW], idleClearMinutes: 3 });
    const { settings, policy } = await loadSettingsWithPolicy();
    expect(settings.tenants).toEqual([ORG_ROW, OWN_OTHER]);
    expect(settings.idleClearMinutes).toBe(3);
    expect(policy.tenants).toEqual([ORG_ROW]);
  });

  it('self-hosted origins merge the same way; without a policy idle time the admin’s stays', async () => {
    const org = { origin: 'https://pf.acme.internal', consoleId: 'pingfederate' as const };
    const mine = { origin: 'https://pa.mine.internal', consoleId: 'pingaccess' as const };
    await saveSettings(settingsWith({ selfHosted: [{ ...org, consoleId: 'pingaccess' }, mine], idleClearMinutes: 30 }));
    await fakeBrowser.storage.managed.set({ selfHosted: [org] });
    const { settings } = await loadSettingsWithPolicy();
    expect(settings.selfHosted).toEqual([org, mine]);
    expect(settings.idleClearMinutes).toBe(30);
  });

  it('writes start from the admin’s own settings: no policy row or idle time is ever stored', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER] }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW], idleClearMinutes: 3 });
    await updateSettings((current) => ({ ...current, readClipboardOnOpen: true }));
    const stored = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(stored)).not.toContain(ORG_ROW.label);
    expect((stored.settings as Settings).idleClearMinutes).toBe(DEFAULT_SETTINGS.idleClearMinutes);
    expect((await loadSettings()).settings).toMatchObject({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER], idleClearMinutes: DEFAULT_SETTINGS.idleClearMinutes });
  });

  it('a malformed policy leaves the extension its own settings and the policy’s valid rows', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_OTHER] }));
    await fakeBrowser.storage.managed.set({ tenants: [{ origin: 'nope' }, ORG_ROW], idleClearMinutes: 'soon' });
    const { settings } = await loadSettingsWithPolicy();
    expect(settings.tenants).toEqual([ORG_ROW, OWN_OTHER]);
    expect(settings.idleClearMinutes).toBe(DEFAULT_SETTINGS.idleClearMinutes);
  });

  it('where the browser refuses the read (Firefox with no policy for this add-on), there is no policy', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_OTHER] }));
    const refused = Object.assign(Object.create(fakeBrowser.storage.managed) as object, {
      get: () => Promise.reject(new Error('Managed storage manifest not found')),
    });
    const real = fakeBrowser.storage.managed;
    Object.defineProperty(fakeBrowser.storage, 'managed', { value: refused, configurable: true });
    try {
      expect(await loadSettingsWithPolicy()).toMatchObject({ settings: { tenants: [OWN_OTHER] }, policy: NONE });
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'managed', { value: real, configurable: true });
    }
  });
});

describe('overrideForbidden', () => {
  it('only on a production tenant, only when the policy says so', () => {
    const strict = { allowFillAnywayOnProduction: false };
    expect(overrideForbidden(strict, ORG_ROW)).toBe(true);
    expect(overrideForbidden(strict, OWN_OTHER)).toBe(false);
    expect(overrideForbidden(strict, undefined)).toBe(false);
    expect(overrideForbidden({ allowFillAnywayOnProduction: true }, ORG_ROW)).toBe(false);
  });
});

describe('the example policy files', () => {
  const read = (name: string) => JSON.parse(readFileSync(path.join(__dirname, 'policy-examples', name), 'utf8'));
  const expectClean = (policy: unknown) => {
    const { policy: applied, errors } = reportManagedPolicy(policy);
    expect(errors).toEqual([]);
    expect(applied.tenants).toHaveLength(1);
    expect(applied.selfHosted).toHaveLength(1);
    expect(applied).toMatchObject({ idleClearMinutes: 5, allowFillAnywayOnProduction: false });
  };

  it('Chrome on Linux, Firefox and the Google Admin console examples are valid policies', () => {
    expectClean(read('chrome-linux.json')['3rdparty'].extensions['<extension id>']);
    // Firefox's key is "Extensions", capitalised: https://mozilla.github.io/policy-templates/#3rdparty
    expectClean(read('firefox-policies.json').policies['3rdparty'].Extensions['pingone-connection-helper@example.org']);
    const admin = read('google-admin-console.json') as Record<string, { Value: unknown }>;
    expectClean(Object.fromEntries(Object.entries(admin).map(([key, wrapped]) => [key, wrapped.Value])));
  });
});

describe('loadSettingsFor (the popup and the toolbar: one page)', () => {
  const OWN_THIRD: TenantMapping = { ...OWN_OTHER, origin: 'https://acme-uat.forgeblocks.com', tier: 'uat' };

  it('at an origin the admin mapped: that row alone, the rest of the settings as loadSettingsWithPolicy gives them', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_OTHER, OWN_THIRD], idleClearMinutes: 25 }));
    const at = await loadSettingsFor(`${OWN_THIRD.origin}/platform/?realm=alpha`);
    expect(at.settings).toEqual(settingsWith({ tenants: [OWN_THIRD], idleClearMinutes: 25 }));
    expect({ ...at, settings: { ...at.settings, tenants: [] } }).toEqual({ ...(await loadSettingsWithPolicy()), settings: { ...at.settings, tenants: [] }, oneRow: true });
  });

  it('the policy’s row wins at its origin, and the policy’s idle time applies', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER] }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW], idleClearMinutes: 3 });
    const { settings } = await loadSettingsFor(`${ORG_ROW.origin}/some-account/access/apps`);
    expect(settings.tenants).toEqual([ORG_ROW]);
    expect(settings.idleClearMinutes).toBe(3);
  });

  it('at an https origin with no row: every row, so the same console’s mapped tenants still judge the credential', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_OTHER, OWN_THIRD] }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW] });
    expect((await loadSettingsFor('https://acme-prod.forgeblocks.com/')).settings.tenants).toEqual([ORG_ROW, OWN_OTHER, OWN_THIRD]);
  });

  it('on a page that is not https (no console) or an unknown one: the policy’s rows only', async () => {
    await saveSettings(settingsWith({ tenants: [OWN_OTHER, OWN_THIRD] }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW] });
    for (const url of [undefined, 'chrome://extensions/', 'http://acme-uat.forgeblocks.com/']) {
      expect((await loadSettingsFor(url)).settings.tenants).toEqual([ORG_ROW]);
    }
  });

  it('a map still stored as one value is read whole', async () => {
    await fakeBrowser.storage.local.set({ settings: settingsWith({ tenants: [OWN_OTHER, OWN_THIRD] }) });
    expect((await loadSettingsFor(OWN_THIRD.origin)).settings.tenants).toEqual([OWN_OTHER, OWN_THIRD]);
  });
});
