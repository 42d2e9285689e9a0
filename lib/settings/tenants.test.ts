import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readCredential } from '../credential';
import type { Credential } from '../credential/types';
import { gatewayClaims, signTestCredential } from '../../test/fixtures/credentials';
import { client, environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS, MAX_TENANTS, MAX_USES, type Settings } from './model';
import { validateTenant } from './schema';
import { guessTier, recordUse, rememberTenant, seenUses, tenantForOrigin } from './tenants';
import { DEV_TENANT, fillRecord, PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';
import { teamTenants } from '../../test/fixtures/team-map';

const dev = environment('dev');
const production = environment('production');

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
    for (let index = 0; index < MAX_USES + 3; index++) settings = recordUse(settings, fillRecord(index));
    expect(settings.uses).toHaveLength(MAX_USES);
    expect(settings.uses[0]).toEqual(fillRecord(MAX_USES + 2));
    expect(settings.uses.at(-1)).toEqual(fillRecord(3));
  });

  it('gives the reuse check its history by fingerprint, origin and label only', () => {
    const settings = recordUse(recordUse(DEFAULT_SETTINGS, fillRecord(1)), fillRecord(2, { origin: PROD_TENANT.origin, consoleId: 'cloudflare', tenantLabel: 'Acme', tier: 'production' }));
    expect(seenUses(settings)).toEqual([
      { fingerprint: fillRecord(2).fingerprint, origin: PROD_TENANT.origin, tenantLabel: 'Acme', at: fillRecord(2).at },
      { fingerprint: fillRecord(1).fingerprint, origin: DEV_TENANT.origin, at: fillRecord(1).at },
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

describe('tenantForOrigin over a team-sized map', () => {
  it('finds every row of MAX_TENANTS by origin, and a changed list (a new array, as every change makes) is read afresh', () => {
    const tenants = teamTenants(MAX_TENANTS);
    const settings = settingsWith({ tenants });
    for (const tenant of tenants) expect(tenantForOrigin(settings, `${tenant.origin}/some/path`)).toBe(tenant);
    expect(tenantForOrigin(settings, 'https://customer-1-development.forgeblocks.com.evil.test')).toBeUndefined();

    const changed = rememberTenant(settings, { origin: 'https://new.forgeblocks.com', consoleId: 'aic', credential: read(DEV_APP_LINES) });
    expect(tenantForOrigin(changed, 'https://new.forgeblocks.com')?.expected.environmentId).toBe(dev.id);
    expect(tenantForOrigin(settings, 'https://new.forgeblocks.com')).toBeUndefined();
  });
});
