/**
 * resolveTarget, the one answer to "where would this fill go" for the popup and the background, table-driven: known
 * consoles (fixed hosts, origins added in Options) win over the admin's choice; a page that is no known console
 * becomes the console the admin names only when it is https, the console is self-hostable (Cloudflare Zero Trust
 * lives at one.dash.cloudflare.com only), and its address does not imitate a hosted console's.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_ORIGINS } from '../test/fixtures/environments';
import type { ConsoleId } from './consoles/types';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping } from './settings/model';
import { checkContextFor, imitationOf, resolveTarget } from './target';

const ACME_PA = 'https://pa.acme.example:9000';
const PA_TENANT: TenantMapping = {
  origin: ACME_PA,
  consoleId: 'pingaccess',
  tier: 'production',
  label: 'Acme',
  expected: { environmentId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' },
};
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  selfHosted: [{ origin: CONSOLE_ORIGINS.pingaccess, consoleId: 'pingaccess' }],
  tenants: [PA_TENANT],
};

interface Row {
  url: string | undefined;
  chosen?: ConsoleId;
  /** The console, its origin and how it was found; or a pattern of the refusal's reason. */
  expected: { consoleId: ConsoleId; origin: string; via: 'known' | 'active-tab' } | RegExp;
}

const NOT_KNOWN = /^This tab is not a known console\./;

const ROWS: Record<string, Row> = {
  'a fixed host, no choice': {
    url: `${CONSOLE_ORIGINS.cloudflare}/acme/settings`,
    expected: { consoleId: 'cloudflare', origin: CONSOLE_ORIGINS.cloudflare, via: 'known' },
  },
  'a fixed host: the choice is ignored': {
    url: `${CONSOLE_ORIGINS.cloudflare}/acme/settings`,
    chosen: 'pingaccess',
    expected: { consoleId: 'cloudflare', origin: CONSOLE_ORIGINS.cloudflare, via: 'known' },
  },
  'an AIC tenant (*.forgeblocks.com) named PingFederate stays AIC': {
    url: `${CONSOLE_ORIGINS.aic}/platform/`,
    chosen: 'pingfederate',
    expected: { consoleId: 'aic', origin: CONSOLE_ORIGINS.aic, via: 'known' },
  },
  'an origin added in Options named AIC stays what Options says': {
    url: `${CONSOLE_ORIGINS.pingaccess}/#/pingone-connections/new`,
    chosen: 'aic',
    expected: { consoleId: 'pingaccess', origin: CONSOLE_ORIGINS.pingaccess, via: 'known' },
  },
  'an unknown https page named PingAccess: that console at the page origin, port kept, path dropped': {
    url: `${ACME_PA}/#/settings/system/pingone/connections/add?x=1`,
    chosen: 'pingaccess',
    expected: { consoleId: 'pingaccess', origin: ACME_PA, via: 'active-tab' },
  },
  'an unknown https page named PingFederate': {
    url: 'https://pf.acme.example:9999/pingfederate/app',
    chosen: 'pingfederate',
    expected: { consoleId: 'pingfederate', origin: 'https://pf.acme.example:9999', via: 'active-tab' },
  },
  'an AIC custom domain named AIC': {
    url: 'https://login.acme.example/platform/',
    chosen: 'aic',
    expected: { consoleId: 'aic', origin: 'https://login.acme.example', via: 'active-tab' },
  },
  'an unknown https page with no choice': { url: `${ACME_PA}/`, expected: NOT_KNOWN },
  'an unknown https page named Cloudflare Zero Trust (it lives at its fixed host only)': {
    url: `${ACME_PA}/`,
    chosen: 'cloudflare',
    expected: NOT_KNOWN,
  },
  'an id that is no console': { url: `${ACME_PA}/`, chosen: 'okta' as ConsoleId, expected: NOT_KNOWN },
  'an http page named PingAccess': { url: 'http://pa.acme.example:9000/', chosen: 'pingaccess', expected: NOT_KNOWN },
  'the http origin of a console added in Options': {
    url: 'http://pa.demo.internal:9000/',
    chosen: 'pingaccess',
    expected: NOT_KNOWN,
  },
  'chrome://extensions named PingAccess': { url: 'chrome://extensions/', chosen: 'pingaccess', expected: NOT_KNOWN },
  'a file named AIC': { url: 'file:///home/admin/console.html', chosen: 'aic', expected: NOT_KNOWN },
  'the extension page itself named PingAccess': {
    url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    chosen: 'pingaccess',
    expected: NOT_KNOWN,
  },
  'text that is no URL named PingAccess': { url: 'pa.acme.example', chosen: 'pingaccess', expected: NOT_KNOWN },
  'a tab whose URL the extension may not read, named PingAccess': {
    url: undefined,
    chosen: 'pingaccess',
    expected: /^This tab is not a console the extension can read\./,
  },
  'a look-alike of Cloudflare’s host named AIC': {
    url: `${CONSOLE_ORIGINS.lookalike}/acme/settings`,
    chosen: 'aic',
    expected: /^one\.dash\.cloudflare\.com\.evil\.test only looks like Cloudflare Zero Trust: the extension will not fill it\.$/,
  },
  'a look-alike of Cloudflare’s host named Cloudflare': {
    url: `${CONSOLE_ORIGINS.lookalike}/acme/settings`,
    chosen: 'cloudflare',
    expected: NOT_KNOWN,
  },
  'a look-alike of an AIC host named AIC': {
    url: 'https://openam-acme.forgeblocks.com.evil.test/platform/',
    chosen: 'aic',
    expected: /only looks like Advanced Identity Cloud/,
  },
  'Cloudflare’s real host on another port named PingAccess': {
    url: 'https://one.dash.cloudflare.com:8443/',
    chosen: 'pingaccess',
    expected: /^one\.dash\.cloudflare\.com:8443 only looks like Cloudflare Zero Trust/,
  },
  'the bare AIC suffix (no tenant) named AIC': {
    url: 'https://forgeblocks.com/',
    chosen: 'aic',
    expected: /only looks like Advanced Identity Cloud/,
  },
};

describe('resolveTarget', () => {
  for (const [name, { url, chosen, expected }] of Object.entries(ROWS)) {
    it(name, () => {
      const target = resolveTarget(url, SETTINGS, chosen);
      if (expected instanceof RegExp) {
        expect(target.kind).toBe('unavailable');
        expect(target.kind === 'unavailable' && target.reason).toMatch(expected);
      } else {
        expect(target.kind === 'console' && { consoleId: target.console.id, origin: target.origin, via: target.via }).toEqual(expected);
      }
    });
  }

  it('gives a page the admin named the tenant mapped to its origin, and the checks that tenant’s context', () => {
    const target = resolveTarget(`${ACME_PA}/#/`, SETTINGS, 'pingaccess');
    if (target.kind !== 'console') throw new Error(target.reason);
    expect(target.tenant).toEqual(PA_TENANT);
    expect(checkContextFor(target, SETTINGS, 'fp')).toMatchObject({
      console: { id: 'pingaccess' },
      origin: ACME_PA,
      expected: { environmentId: PA_TENANT.expected.environmentId, tenantLabel: 'Acme', tier: 'production' },
      fingerprint: 'fp',
    });
  });

  it('gives no tenant when the one remembered at this origin is another console', () => {
    const target = resolveTarget(`${ACME_PA}/#/`, SETTINGS, 'pingfederate');
    if (target.kind !== 'console') throw new Error(target.reason);
    expect(target.console.id).toBe('pingfederate');
    expect(target.tenant).toBeUndefined();
    expect(checkContextFor(target, SETTINGS, 'fp').expected).toBeUndefined();
  });
});

describe('checkContextFor on a shared domain (sibling tenants)', () => {
  const acme: TenantMapping = {
    origin: CONSOLE_ORIGINS.aicAcme,
    consoleId: 'aic',
    tier: 'production',
    label: 'Acme',
    expected: { environmentId: 'c4b3a291-8f7e-4d6c-a5b4-93827160f5e4', regionTld: 'eu' },
  };
  const settings: Settings = { ...SETTINGS, tenants: [PA_TENANT, acme] };
  const contextAt = (origin: string) => {
    const target = resolveTarget(`${origin}/platform/`, settings);
    if (target.kind !== 'console') throw new Error(target.reason);
    return checkContextFor(target, settings, undefined);
  };

  it('gives an unmapped tenant the same console’s mapped tenants and the domain it shares with them', () => {
    expect(contextAt(CONSOLE_ORIGINS.aicAcmeProd)).toMatchObject({
      mappedElsewhere: [{ origin: acme.origin, environmentId: acme.expected.environmentId, regionTld: 'eu', tenantLabel: 'Acme', tier: 'production' }],
      sharedDomain: 'forgeblocks.com',
    });
    expect(contextAt('https://acme.id.forgerock.io').sharedDomain).toBe('id.forgerock.io');
  });

  it('gives a mapped tenant its mapping only, and a console with one host for every account no shared domain', () => {
    const mapped = contextAt(CONSOLE_ORIGINS.aicAcme);
    expect(mapped.expected).toMatchObject({ environmentId: acme.expected.environmentId });
    expect(mapped).not.toHaveProperty('mappedElsewhere');
    expect(mapped).not.toHaveProperty('sharedDomain');
    const cloudflare = contextAt(CONSOLE_ORIGINS.cloudflare);
    expect(cloudflare.sharedDomain).toBeUndefined();
    // PingAccess is mapped elsewhere, but as another console: nothing of it applies to Cloudflare.
    expect(cloudflare.mappedElsewhere).toEqual([]);
  });
});

describe('imitationOf: where fields may not be picked nor filled on the admin\'s word', () => {
  it('names a page dressed as a hosted console', () => {
    expect(imitationOf('https://one.dash.cloudflare.com.evil.test/login', SETTINGS)).toMatch(/^one\.dash\.cloudflare\.com\.evil\.test only looks like Cloudflare Zero Trust/);
    expect(imitationOf('https://acme.forgeblocks.com.evil.test/', SETTINGS)).toMatch(/only looks like Advanced Identity Cloud/);
  });
  it('leaves an ordinary page and the consoles themselves alone', () => {
    expect(imitationOf('https://apps.example.test/sign-in', SETTINGS)).toBeUndefined();
    expect(imitationOf(`${CONSOLE_ORIGINS.cloudflare}/acme`, SETTINGS)).toBeUndefined();
    expect(imitationOf(`${CONSOLE_ORIGINS.aic}/platform/`, SETTINGS)).toBeUndefined();
  });
});
