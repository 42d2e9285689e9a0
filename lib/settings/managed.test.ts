import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { environment } from '../../test/fixtures/environments';
import { mergeManaged, NO_POLICY, overrideForbidden, parseManagedPolicy } from './managed';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping } from './model';
import { loadOwnSettings, loadSettings, saveSettings, updateSettings } from './store';

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

function own(change: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...change };
}

beforeEach(() => fakeBrowser.reset());

describe('parseManagedPolicy', () => {
  it('no policy is no policy: nothing set, "Fill anyway" allowed, no errors', () => {
    expect(parseManagedPolicy(undefined)).toBe(NO_POLICY);
    expect(parseManagedPolicy({})).toEqual({ tenants: [], selfHosted: [], allowFillAnywayOnProduction: true, errors: [] });
  });

  it('reads every part of a valid policy', () => {
    const policy = parseManagedPolicy({
      tenants: [ORG_ROW],
      selfHosted: [{ origin: 'https://pa.acme.internal:9000', consoleId: 'pingaccess' }],
      idleClearMinutes: 5,
      allowFillAnywayOnProduction: false,
    });
    expect(policy).toEqual({
      tenants: [ORG_ROW],
      selfHosted: [{ origin: 'https://pa.acme.internal:9000', consoleId: 'pingaccess' }],
      idleClearMinutes: 5,
      allowFillAnywayOnProduction: false,
      errors: [],
    });
  });

  it('reports each malformed row by path and keeps the valid rows', () => {
    const policy = parseManagedPolicy({
      tenants: [
        { ...ORG_ROW, tier: 'prod', expected: { environmentId: 'not-a-uuid' } },
        ORG_ROW,
        { ...ORG_ROW, label: 'Again' },
        { ...ORG_ROW, origin: 'https://x.forgeblocks.com', consoleId: 'aic', clientSecret: 'never' },
      ],
      selfHosted: 'https://pa.acme.internal',
      idleClearMinutes: 0,
      fillAnyway: true,
    });
    expect(policy.tenants).toEqual([ORG_ROW]);
    expect(policy.selfHosted).toEqual([]);
    expect(policy.idleClearMinutes).toBeUndefined();
    expect(policy.errors).toEqual([
      { path: 'fillAnyway', message: 'unknown field' },
      { path: 'tenants[0].tier', message: 'expected one of development, uat, staging, production, sandbox' },
      { path: 'tenants[0].expected.environmentId', message: 'expected a UUID' },
      { path: 'tenants[2].origin', message: 'https://one.dash.cloudflare.com is already in this policy' },
      // A secret has no place in a policy: the row is refused, not stored without it.
      { path: 'tenants[3].clientSecret', message: 'unknown field' },
      { path: 'selfHosted', message: 'expected a list' },
      { path: 'idleClearMinutes', message: 'at least 1 minute' },
    ]);
  });

  it('reads a malformed "Fill anyway" switch as the stricter false, and says so', () => {
    const policy = parseManagedPolicy({ allowFillAnywayOnProduction: 'no' });
    expect(policy.allowFillAnywayOnProduction).toBe(false);
    expect(policy.errors).toEqual([{ path: 'allowFillAnywayOnProduction', message: 'expected true or false; read as false' }]);
  });

  it('a policy that is no object is one error, never a throw', () => {
    expect(parseManagedPolicy('tenants')).toEqual({ ...NO_POLICY, errors: [{ path: '(policy)', message: 'expected an object' }] });
  });
});

describe('mergeManaged', () => {
  it('puts the organisation’s rows first; its row wins over the admin’s on the same origin; other own rows stay', () => {
    const policy = parseManagedPolicy({ tenants: [ORG_ROW], idleClearMinutes: 3 });
    const merged = mergeManaged(own({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER], idleClearMinutes: 30 }), policy);
    expect(merged.tenants).toEqual([ORG_ROW, OWN_OTHER]);
    expect(merged.idleClearMinutes).toBe(3);
  });

  it('self-hosted origins merge the same way; without a policy idle time the admin’s stays', () => {
    const policy = parseManagedPolicy({ selfHosted: [{ origin: 'https://pf.acme.internal', consoleId: 'pingfederate' }] });
    const merged = mergeManaged(
      own({ selfHosted: [{ origin: 'https://pf.acme.internal', consoleId: 'pingaccess' }, { origin: 'https://pa.mine', consoleId: 'pingaccess' }], idleClearMinutes: 30 }),
      policy,
    );
    expect(merged.selfHosted).toEqual([
      { origin: 'https://pf.acme.internal', consoleId: 'pingfederate' },
      { origin: 'https://pa.mine', consoleId: 'pingaccess' },
    ]);
    expect(merged.idleClearMinutes).toBe(30);
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

describe('the policy in the settings store', () => {
  it('loadSettings merges the policy; the admin’s own settings and every write stay free of its rows', async () => {
    await saveSettings(own({ tenants: [OWN_SAME_ORIGIN, OWN_OTHER] }));
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW], idleClearMinutes: 3 });

    const loaded = await loadSettings();
    expect(loaded.settings.tenants).toEqual([ORG_ROW, OWN_OTHER]);
    expect(loaded.policy.tenants).toEqual([ORG_ROW]);
    expect((await loadOwnSettings()).settings.tenants).toEqual([OWN_SAME_ORIGIN, OWN_OTHER]);

    await updateSettings((current) => ({ ...current, readClipboardOnOpen: true }));
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Settings;
    expect(stored.tenants).toEqual([OWN_SAME_ORIGIN, OWN_OTHER]);
    expect(stored.idleClearMinutes).toBe(DEFAULT_SETTINGS.idleClearMinutes);
  });

  it('a malformed policy leaves the extension its own settings and the policy’s valid parts', async () => {
    await saveSettings(own({ tenants: [OWN_OTHER] }));
    await fakeBrowser.storage.managed.set({ tenants: [{ origin: 'nope' }, ORG_ROW] });
    const loaded = await loadSettings();
    expect(loaded.settings.tenants).toEqual([ORG_ROW, OWN_OTHER]);
    expect(loaded.policy.errors.map((error) => error.path)).toEqual(['tenants[0].origin', 'tenants[0].consoleId', 'tenants[0].tier', 'tenants[0].label', 'tenants[0].expected']);
  });
});

describe('the example policy files', () => {
  const read = (name: string) => JSON.parse(readFileSync(path.join(__dirname, 'policy-examples', name), 'utf8'));
  const expectClean = (policy: unknown) => {
    const parsed = parseManagedPolicy(policy);
    expect(parsed.errors).toEqual([]);
    expect(parsed.tenants).toHaveLength(1);
    expect(parsed.selfHosted).toHaveLength(1);
    expect(parsed).toMatchObject({ idleClearMinutes: 5, allowFillAnywayOnProduction: false });
  };

  it('Chrome on Linux, Firefox and the Google Admin console examples are valid policies', () => {
    expectClean(read('chrome-linux.json')['3rdparty'].extensions['<extension id>']);
    expectClean(read('firefox-policies.json').policies['3rdparty'].Extensions['pingone-connection-helper@example.org']);
    const admin = read('google-admin-console.json') as Record<string, { Value: unknown }>;
    expectClean(Object.fromEntries(Object.entries(admin).map(([key, wrapped]) => [key, wrapped.Value])));
  });
});
