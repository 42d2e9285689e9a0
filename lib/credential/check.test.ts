import { beforeAll, describe, expect, it } from 'vitest';
import { client, environment } from '../../test/fixtures/environments';
import {
  CHECK_IDS,
  LETTERS_DIGITS_HYPHENS,
  checkCredential,
  judgeCredential,
  readCredential,
  wordFinding,
  type Check,
  type CheckContext,
  type Credential,
  type ConsoleRules,
} from './index';
import { TEST_ISSUED_AT, gatewayClaims, productClaims, signTestCredential, unsignedCompact } from '../../test/fixtures/credentials';

const production = environment('production');
const dev = environment('dev');
const DAY_MS = 86_400_000;
/** Ten days after the test credentials were issued. */
const NOW = TEST_ISSUED_AT * 1000 + 10 * DAY_MS;

const PINGACCESS: ConsoleRules = { id: 'pingaccess', name: 'PingAccess', accepts: ['gateway'], requiresGatewayType: 'PING_FEDERATE' };
const CLOUDFLARE: ConsoleRules = { id: 'cloudflare', name: 'Cloudflare Zero Trust', accepts: ['oidc-app'] };
const AIC: ConsoleRules = { id: 'aic', name: 'Advanced Identity Cloud', accepts: ['product'], nameRule: LETTERS_DIGITS_HYPHENS };

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.credential;
}

async function signed(claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<Credential> {
  return read(await signTestCredential(claims, header));
}

function lines(fields: { clientId?: string; clientSecret?: string; environmentId?: string; extra?: string }): Credential {
  const text = [
    fields.clientId && `Client ID: ${fields.clientId}`,
    fields.clientSecret && `Client Secret: ${fields.clientSecret}`,
    fields.environmentId && `Environment ID: ${fields.environmentId}`,
    fields.extra,
  ].filter(Boolean);
  return read(text.join('\n'));
}

/** The one check with `id`, or undefined when it was not emitted. */
function checkOf(credential: Credential, id: string, context: CheckContext = {}): Check | undefined {
  const found = checkCredential(credential, { now: NOW, ...context }).filter((check) => check.id === id);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

const covered = new Set<string>();
/** A describe block per check id; the last test asserts every id in CHECK_IDS has one. */
function describeCheck(id: (typeof CHECK_IDS)[number], body: () => void) {
  covered.add(id);
  describe(id, body);
}

let gateway: Credential;
let product: Credential;
const webApp = client('production', 'web-app');
const oidcApp = () => lines({ clientId: webApp.clientId, clientSecret: webApp.clientSecret, environmentId: production.id });

beforeAll(async () => {
  gateway = await signed(gatewayClaims('production'));
  product = await signed(productClaims('dev'));
});

describe('order and shape', () => {
  it('returns checks in CHECK_IDS order, each with a message', () => {
    const checks = checkCredential(gateway, { now: NOW, console: PINGACCESS, expected: { environmentId: production.id } });
    const positions = checks.map((check) => CHECK_IDS.indexOf(check.id as (typeof CHECK_IDS)[number]));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const check of checks) expect(check.message).not.toBe('');
  });

  it('never puts a secret in a check', () => {
    const secret = client('dev', 'worker').clientSecret;
    const checks = checkCredential(product, { now: NOW, console: CLOUDFLARE, expected: { environmentId: production.id, regionTld: 'eu' } });
    expect(JSON.stringify(checks)).not.toContain(secret);
  });

  it('never puts a secret in a finding, which the background sends to the popup', () => {
    const secret = client('dev', 'worker').clientSecret;
    const findings = judgeCredential(product, { now: NOW, console: CLOUDFLARE, expected: { environmentId: production.id, regionTld: 'eu' } });
    expect(findings.map((finding) => finding.level)).toContain('error');
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('words a finding that crossed a message as the check it is (the background judges, the popup words)', () => {
    const sibling = 'https://openam-acme-dev.forgeblocks.com';
    const mappedElsewhere = [{ origin: 'https://openam-acme.forgeblocks.com', environmentId: dev.id, tenantLabel: 'Acme', tier: 'development' }];
    const seen = [{ fingerprint: 'f'.repeat(16), origin: 'https://pa.example.com', tenantLabel: 'PA', at: NOW - DAY_MS }];
    const cases: [Credential, CheckContext][] = [
      [gateway, { now: NOW, console: PINGACCESS, origin: 'https://pa.example.com', expected: { environmentId: dev.id, tenantLabel: 'Acme', tier: 'production' } }],
      [product, { now: NOW, console: AIC, origin: sibling, mappedElsewhere, sharedDomain: 'forgeblocks.com', fingerprint: 'f'.repeat(16), seen }],
      [product, { now: NOW, console: CLOUDFLARE, expected: { environmentId: dev.id, environmentName: 'Renamed' } }],
      [read(unsignedCompact({ alg: 'none', typ: 'at+jwt' }, { ...gatewayClaims('dev'), iat: NOW / 1000 + 3600 }, '')), { now: NOW, console: AIC }],
    ];
    const ids = new Set<string>();
    for (const [credential, context] of cases) {
      const crossed = judgeCredential(credential, context).map((finding) => wordFinding(JSON.parse(JSON.stringify(finding))));
      expect(crossed).toEqual(checkCredential(credential, context));
      for (const check of crossed) ids.add(check.id);
    }
    // Enough of the checks to matter: the mapping, sibling, first-fill, reuse, kind and structure words among them.
    expect(ids.size).toBeGreaterThanOrEqual(15);
  });
});

describeCheck('structure.alg', () => {
  it('is an error without alg, and for alg "none"', () => {
    expect(checkOf(read(unsignedCompact({ typ: 'JWT' }, gatewayClaims('dev'))), 'structure.alg')?.level).toBe('error');
    const none = checkOf(read(unsignedCompact({ alg: 'none' }, gatewayClaims('dev'), '')), 'structure.alg');
    expect(none).toMatchObject({ level: 'error', message: expect.stringContaining('unsigned') });
  });
  it('is ok for RS256', () => {
    expect(checkOf(gateway, 'structure.alg')).toMatchObject({ level: 'ok', message: expect.stringContaining('RS256') });
  });
  it('is not run for credentials that are not JWTs', () => {
    expect(checkOf(oidcApp(), 'structure.alg')).toBeUndefined();
  });
});

describeCheck('structure.typ', () => {
  it('warns for an unexpected typ, naming an access token for at+jwt', async () => {
    expect(checkOf(await signed(gatewayClaims('dev'), { typ: 'at+jwt' }), 'structure.typ')).toMatchObject({ level: 'warning', message: expect.stringContaining('access token') });
    expect(checkOf(await signed(gatewayClaims('dev'), { typ: 'JOSE+JSON' }), 'structure.typ')?.level).toBe('warning');
  });
  it('is ok when absent (as PingOne issues them) or JWT', async () => {
    expect(checkOf(gateway, 'structure.typ')?.level).toBe('ok');
    expect(checkOf(await signed(gatewayClaims('dev'), { typ: 'JWT' }), 'structure.typ')?.level).toBe('ok');
  });
});

describeCheck('structure.signature', () => {
  it('is an error when the signature part is empty', () => {
    const [header, payload] = gateway.raw.split('.');
    expect(checkOf(read(`${header}.${payload}.`), 'structure.signature')?.level).toBe('error');
  });
  it('is ok when present', () => {
    expect(checkOf(gateway, 'structure.signature')?.level).toBe('ok');
  });
});

describeCheck('structure.unverified', () => {
  it('says, for every JWT, that the signature was not verified', () => {
    expect(checkOf(gateway, 'structure.unverified')).toMatchObject({ level: 'info', message: expect.stringContaining('PingOne publishes no key') });
  });
  it('is not said for lines, which have no signature', () => {
    expect(checkOf(oidcApp(), 'structure.unverified')).toBeUndefined();
  });
});

describeCheck('identity.environment-id', () => {
  it('is an error when missing or not a UUID', async () => {
    expect(checkOf(await signed(gatewayClaims('dev', { environmentId: undefined })), 'identity.environment-id')).toMatchObject({ level: 'error', message: 'No environment ID.' });
    expect(checkOf(await signed(gatewayClaims('dev', { environmentId: 'prod' })), 'identity.environment-id')).toMatchObject({ level: 'error', message: expect.stringContaining('"prod" is not a UUID') });
    expect(checkOf(await signed(gatewayClaims('dev', { environmentId: 42 })), 'identity.environment-id')?.message).toBe('environmentId is "42", not an environment ID.');
    expect(checkOf(lines({ clientId: 'a', clientSecret: 'b' }), 'identity.environment-id')?.level).toBe('error');
  });
  it('is ok for a UUID', () => {
    expect(checkOf(gateway, 'identity.environment-id')?.level).toBe('ok');
    expect(checkOf(oidcApp(), 'identity.environment-id')?.level).toBe('ok');
  });
});

describeCheck('identity.required-claims', () => {
  it('names missing and wrongly typed gateway claims', async () => {
    const check = checkOf(await signed(gatewayClaims('dev', { gatewayId: undefined, iat: '2025-01-01', organizationId: 7 })), 'identity.required-claims');
    expect(check?.level).toBe('error');
    expect(check?.message).toContain('gatewayId is missing');
    expect(check?.message).toContain('iat is a string, expected a number');
    expect(check?.message).toContain('organizationId is a number, expected text');
  });
  it('names the missing client secret of a product credential, with the aliases tried', async () => {
    const check = checkOf(await signed(productClaims('dev', { clientSecret: undefined })), 'identity.required-claims');
    expect(check).toMatchObject({ level: 'error', message: expect.stringContaining('client secret (clientSecret or client_secret) is missing') });
    const wrongType = checkOf(await signed({ environmentId: dev.id, client_id: 12, client_secret: 's' }), 'identity.required-claims');
    expect(wrongType?.message).toContain('client id (clientId or client_id) is a number, expected text');
  });
  it('names missing lines of an OIDC application', () => {
    expect(checkOf(lines({ clientId: 'a', environmentId: production.id }), 'identity.required-claims')).toMatchObject({ level: 'error', message: expect.stringContaining('Client Secret is missing') });
  });
  it('is ok for complete credentials of each kind', () => {
    for (const credential of [gateway, product, oidcApp()]) expect(checkOf(credential, 'identity.required-claims')?.level).toBe('ok');
  });
});

describeCheck('region.host', () => {
  it.each([
    ['another host', { authUrl: 'https://auth.evil.example' }],
    ['a look-alike suffix', { consoleUrl: 'https://console.pingone.com.evil.example' }],
    ['a userinfo trick', { authUrl: 'https://auth.pingone.eu@evil.example' }],
    ['an element of an array aud', { aud: ['https://api.pingone.eu', 'https://evil.example/collect'] }],
    ['any other claim holding a URL', { callback: 'wss://evil.example/socket' }],
  ])('is an error (possible tampering) for %s', async (_label, overrides) => {
    const check = checkOf(await signed(gatewayClaims('production', overrides)), 'region.host');
    expect(check).toMatchObject({ level: 'error', message: expect.stringContaining('possible tampering') });
    expect(check?.message).toContain('evil.example');
  });
  it('flags a labelled Issuer line off PingOne', () => {
    const credential = lines({ clientId: 'a', clientSecret: 'b', environmentId: production.id, extra: `Issuer: https://evil.example/${production.id}/as` });
    expect(checkOf(credential, 'region.host')?.level).toBe('error');
  });
  it('is ok for PingOne hosts, iss wss://gateways.pingone.com and the old " NOT_SET" iss', async () => {
    expect(checkOf(gateway, 'region.host')?.level).toBe('ok');
    expect(checkOf(await signed(gatewayClaims('production', { iss: ' NOT_SET', aud: `https://lightning.pingone.eu/LDAP/${production.gatewayId}` })), 'region.host')?.level).toBe('ok');
  });
  it('is not run when no claim is a URL', () => {
    expect(checkOf(oidcApp(), 'region.host')).toBeUndefined();
  });
});

describe('region.host: Ping\'s hosts outside the region table', () => {
  // Ping's "IP address and domain reference" lists http-access-api.pingone.au among Australia's domains
  // (https://docs.pingidentity.com/pingone/getting_started_with_pingone/p1_ip_address_and_domain_reference.html).
  it('takes a claim on *.pingone.au as Ping\'s, of Australia', async () => {
    const credential = await signed(gatewayClaims('production', { authUrl: 'https://http-access-api.pingone.au', consoleUrl: undefined, aud: undefined }));
    expect(checkOf(credential, 'region.host')?.level).toBe('ok');
    expect(checkOf(credential, 'region.mixed')?.message).toContain('Australia (com.au)');
  });
  it.each(['https://pingone.au.evil.example', 'https://evil-pingone.au', 'https://http-access-api.pingone.au.evil.example'])('still calls %s foreign', async (url) => {
    const check = checkOf(await signed(gatewayClaims('production', { authUrl: url })), 'region.host');
    expect(check).toMatchObject({ level: 'error', message: expect.stringContaining('possible tampering') });
  });
});

describeCheck('region.tenant-url', () => {
  const tenant = 'https://openam-acme.forgeblocks.com';
  const aicAt = (origin: string): CheckContext => ({ console: AIC, origin });
  it('is a note, not tampering, for a product credential naming the admin\'s own AIC tenant', async () => {
    const credential = await signed(productClaims('dev', { tenantUrl: `${tenant}/am` }));
    expect(checkOf(credential, 'region.tenant-url', aicAt(tenant))).toMatchObject({ level: 'info', message: expect.stringContaining('tenantUrl names this tenant (openam-acme.forgeblocks.com)') });
    expect(checkOf(credential, 'region.host', aicAt(tenant))?.level).toBe('ok');
  });
  it('leaves another tenant\'s host, or any host outside an AIC fill, foreign', async () => {
    const credential = await signed(productClaims('dev', { tenantUrl: `${tenant}/am` }));
    expect(checkOf(credential, 'region.host', aicAt('https://openam-acme-prod.forgeblocks.com'))).toMatchObject({ level: 'error', message: expect.stringContaining('possible tampering') });
    expect(checkOf(credential, 'region.tenant-url', aicAt('https://openam-acme-prod.forgeblocks.com'))).toBeUndefined();
    expect(checkOf(credential, 'region.host', { console: CLOUDFLARE, origin: tenant })?.level).toBe('error');
    expect(checkOf(credential, 'region.host')?.level).toBe('error');
  });
  it('takes only a product credential\'s claim as the tenant\'s', async () => {
    const gatewayNaming = await signed(gatewayClaims('production', { tenantUrl: tenant }));
    expect(checkOf(gatewayNaming, 'region.host', aicAt(tenant))?.level).toBe('error');
  });
});

describeCheck('region.mixed', () => {
  it('is an error naming each claim and its region', async () => {
    const check = checkOf(await signed(gatewayClaims('production', { consoleUrl: 'https://console.pingone.com' })), 'region.mixed');
    expect(check?.level).toBe('error');
    expect(check?.message).toContain('authUrl says Europe (eu)');
    expect(check?.message).toContain('consoleUrl says North America (com)');
    const byClaim = checkOf(await signed(gatewayClaims('production', { targetGeography: 'NA' })), 'region.mixed');
    expect(byClaim?.message).toContain('targetGeography says North America');
  });
  it('is ok when every hint agrees', () => {
    expect(checkOf(gateway, 'region.mixed')).toMatchObject({ level: 'ok', message: expect.stringContaining('Europe (eu)') });
  });
});

describeCheck('region.unknown', () => {
  it('warns for a JWT without region hints, naming an unknown region claim', async () => {
    const check = checkOf(await signed({ environmentId: dev.id, gatewayId: 'g', gatewayType: 'PING_FEDERATE', targetGeography: 'MARS' }), 'region.unknown');
    expect(check?.level).toBe('warning');
    expect(check?.message).toContain('targetGeography "MARS" is not a known region');
  });
  it('informs for OIDC app lines without a link: the admin picks the region', () => {
    expect(checkOf(oidcApp(), 'region.unknown')?.level).toBe('info');
  });
  it('is not said when the region is known, or when the hints disagree (region.mixed says it)', async () => {
    expect(checkOf(gateway, 'region.unknown')).toBeUndefined();
    expect(checkOf(lines({ clientId: 'a', clientSecret: 'b', extra: `https://console.pingone.eu/?env=${production.id}` }), 'region.unknown')).toBeUndefined();
    expect(checkOf(await signed(gatewayClaims('production', { targetGeography: 'NA' })), 'region.unknown')).toBeUndefined();
  });
});

describeCheck('time.iat-future', () => {
  it('warns when issued more than 5 minutes ahead of this clock', async () => {
    const credential = await signed(gatewayClaims('dev', { iat: Math.floor(NOW / 1000) + 10 * 60 }));
    expect(checkOf(credential, 'time.iat-future')).toMatchObject({ level: 'warning', message: expect.stringContaining('10 minutes in the future') });
  });
  it('is not said within the 5-minute skew', async () => {
    expect(checkOf(await signed(gatewayClaims('dev', { iat: Math.floor(NOW / 1000) + 4 * 60 })), 'time.iat-future')).toBeUndefined();
    expect(checkOf(gateway, 'time.iat-future')).toBeUndefined();
  });
});

describeCheck('time.expired', () => {
  it('is an error when exp has passed', async () => {
    expect(checkOf(await signed(gatewayClaims('dev', { exp: Math.floor(NOW / 1000) - 60 })), 'time.expired')?.level).toBe('error');
  });
  it('is ok for a future exp, and not run without exp (PingOne credentials normally have none)', async () => {
    expect(checkOf(await signed(gatewayClaims('dev', { exp: Math.floor(NOW / 1000) + 3600 })), 'time.expired')?.level).toBe('ok');
    expect(checkOf(gateway, 'time.expired')).toBeUndefined();
  });
});

describeCheck('time.age', () => {
  it('warns with a rotation hint past a year', () => {
    const check = checkOf(gateway, 'time.age', { now: TEST_ISSUED_AT * 1000 + 400 * DAY_MS });
    expect(check).toMatchObject({ level: 'warning', message: expect.stringContaining('400 days ago') });
    expect(check?.hint).toContain('rotating');
  });
  it('informs of the age otherwise, and survives an absurd iat', async () => {
    expect(checkOf(gateway, 'time.age')).toMatchObject({ level: 'info', message: expect.stringContaining('10 days ago (2025-10-') });
    expect(checkOf(await signed(gatewayClaims('dev', { iat: -1e20 })), 'time.age')?.message).toContain('not a valid date');
  });
});

describeCheck('gateway.type', () => {
  it('is an error when the console needs PING_FEDERATE and the gateway is another type', async () => {
    const check = checkOf(await signed(gatewayClaims('dev', { gatewayType: 'LDAP' })), 'gateway.type', { console: PINGACCESS });
    expect(check).toMatchObject({ level: 'error', message: 'PingAccess needs a PING_FEDERATE gateway credential; this one is LDAP.' });
  });
  it('is ok for PING_FEDERATE, and not run when the console states no type', () => {
    expect(checkOf(gateway, 'gateway.type', { console: PINGACCESS })?.level).toBe('ok');
    expect(checkOf(gateway, 'gateway.type', { console: { ...PINGACCESS, requiresGatewayType: undefined } })).toBeUndefined();
    expect(checkOf(gateway, 'gateway.type')).toBeUndefined();
  });
});

describeCheck('target.kind', () => {
  it('is an error naming what the console takes and what this is', () => {
    expect(checkOf(gateway, 'target.kind', { console: CLOUDFLARE })).toMatchObject({
      level: 'error',
      message: 'Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential.',
    });
  });
  it("uses the console's own words where it has them for this kind", () => {
    const where = 'This console takes the gateway credential in another form.';
    expect(checkOf(gateway, 'target.kind', { console: { ...CLOUDFLARE, wrongKind: { gateway: where } } })).toMatchObject({
      level: 'error',
      message: where,
    });
    // Words for another kind change nothing here.
    expect(checkOf(gateway, 'target.kind', { console: { ...CLOUDFLARE, wrongKind: { product: where } } })?.message).toBe(
      'Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential.',
    );
  });
  it('is ok when the console takes this kind', () => {
    expect(checkOf(oidcApp(), 'target.kind', { console: CLOUDFLARE })?.level).toBe('ok');
    expect(checkOf(product, 'target.kind', { console: AIC })?.level).toBe('ok');
  });
});

describeCheck('target.name', () => {
  it('suggests the environment name reduced to the console rule', async () => {
    const check = checkOf(await signed(productClaims('production')), 'target.name', { console: AIC });
    expect(check).toMatchObject({ level: 'info', suggestion: 'Acme-Production-EU' });
  });
  it('is ok when the name already fits, warns when nothing fits, informs when there is no name', async () => {
    expect(checkOf(await signed(productClaims('dev', { environmentName: 'AcmeDev-2' })), 'target.name', { console: AIC })).toMatchObject({ level: 'ok', suggestion: 'AcmeDev-2' });
    expect(checkOf(await signed(productClaims('dev', { environmentName: '***' })), 'target.name', { console: AIC })?.level).toBe('warning');
    expect(checkOf(await signed(productClaims('dev', { environmentName: undefined })), 'target.name', { console: AIC })?.level).toBe('info');
  });
  it('is not run for a console without a name rule', () => {
    expect(checkOf(product, 'target.name', { console: { ...AIC, nameRule: undefined } })).toBeUndefined();
  });
});

describeCheck('mapping.environment', () => {
  const expectsProduction = { environmentId: production.id, environmentName: production.name, regionTld: production.tld };
  it('is an error naming both environments when the credential is for another one', async () => {
    const devGateway = await signed(gatewayClaims('dev'));
    expect(checkOf(devGateway, 'mapping.environment', { expected: expectsProduction })).toMatchObject({
      level: 'error',
      message: "This credential is for 'Acme Dev' (com) but this tenant expects 'Acme Production (EU)' (eu).",
    });
    const labelled = checkOf(devGateway, 'mapping.environment', { expected: { ...expectsProduction, tenantLabel: 'Acme', tier: 'production' } });
    expect(labelled?.message).toContain('but Acme (production) expects');
  });
  it('is an error when the id matches but the region does not', async () => {
    const wrongRegion = await signed(gatewayClaims('production', { authUrl: 'https://auth.pingone.com', consoleUrl: 'https://console.pingone.com', aud: 'https://api.pingone.com', targetGeography: 'NA' }));
    expect(checkOf(wrongRegion, 'mapping.environment', { expected: expectsProduction })?.level).toBe('error');
  });
  it('warns when only the name differs (a renamed environment)', async () => {
    const renamed = await signed(gatewayClaims('production', { environmentName: 'Acme Prod' }));
    expect(checkOf(renamed, 'mapping.environment', { expected: expectsProduction })?.level).toBe('warning');
  });
  it('is ok when id, name and region match; not run without a mapping', () => {
    expect(checkOf(gateway, 'mapping.environment', { expected: expectsProduction })?.level).toBe('ok');
    expect(checkOf(gateway, 'mapping.environment')).toBeUndefined();
  });
});

describeCheck('mapping.elsewhere', () => {
  const acme = 'https://openam-acme.forgeblocks.com';
  const sibling = 'https://openam-acme-prod.forgeblocks.com';
  const mappedElsewhere = [{ origin: acme, environmentId: production.id, tenantLabel: 'Acme', tier: 'production' }];
  it('is an error naming both origins when the credential’s environment is mapped to another tenant of this console', async () => {
    const productProduction = await signed(productClaims('production'));
    expect(checkOf(productProduction, 'mapping.elsewhere', { console: AIC, origin: sibling, mappedElsewhere })).toMatchObject({
      level: 'error',
      message: `The environment of this credential, 'Acme Production (EU)' (eu), is mapped to ${acme} (Acme, production), not to ${sibling}.`,
      hint: 'Fill the tenant it is mapped to, or map this one in Options if it is yours too.',
    });
  });
  it('compares environment ids whatever their case, and names every tenant the environment is mapped to', async () => {
    const upper = await signed(productClaims('production', { environmentId: production.id.toUpperCase() }));
    const twice = [...mappedElsewhere, { origin: 'https://openam-acme-eu.forgeblocks.com', environmentId: production.id }];
    expect(checkOf(upper, 'mapping.elsewhere', { console: AIC, origin: sibling, mappedElsewhere: twice })?.message).toContain(
      `mapped to ${acme} (Acme, production) and https://openam-acme-eu.forgeblocks.com, not to`,
    );
  });
  it('is not said for a credential of another environment, nor where this tenant is mapped', async () => {
    expect(checkOf(product, 'mapping.elsewhere', { console: AIC, origin: sibling, mappedElsewhere })).toBeUndefined();
    const expected = { environmentId: dev.id };
    const productProduction = await signed(productClaims('production'));
    expect(checkOf(productProduction, 'mapping.elsewhere', { console: AIC, origin: sibling, mappedElsewhere, expected })).toBeUndefined();
  });
});

describeCheck('tenant.first-fill', () => {
  const origin = 'https://openam-acme-prod.forgeblocks.com';
  it('asks before the first fill at an unmapped tenant of a shared domain, naming the origin', () => {
    expect(checkOf(product, 'tenant.first-fill', { console: AIC, origin, sharedDomain: 'forgeblocks.com', seen: [] })).toMatchObject({
      level: 'error',
      message: `First fill at ${origin}: every customer's tenant on forgeblocks.com looks like this one. Fill it only if it is yours.`,
    });
  });
  it('is not asked once a fill was recorded at this origin, on a mapped tenant, or off a shared domain', () => {
    const seen = [{ fingerprint: 'ffffffffffffffff', origin, at: NOW - DAY_MS }];
    expect(checkOf(product, 'tenant.first-fill', { console: AIC, origin, sharedDomain: 'forgeblocks.com', seen })).toBeUndefined();
    const expected = { environmentId: dev.id };
    expect(checkOf(product, 'tenant.first-fill', { console: AIC, origin, sharedDomain: 'forgeblocks.com', expected })).toBeUndefined();
    expect(checkOf(product, 'tenant.first-fill', { console: AIC, origin })).toBeUndefined();
    // A fill recorded at a sibling tenant is no fill at this one.
    const sibling = [{ ...seen[0]!, origin: 'https://openam-acme.forgeblocks.com' }];
    expect(checkOf(product, 'tenant.first-fill', { console: AIC, origin, sharedDomain: 'forgeblocks.com', seen: sibling })?.level).toBe('error');
  });
});

describeCheck('reuse.other-tenant', () => {
  const fingerprint = '0123456789abcdef';
  const seen = [{ fingerprint, origin: 'https://openam-acme-dev.forgeblocks.com', tenantLabel: 'Acme dev', at: NOW - DAY_MS }];
  it('warns when the same fingerprint was used on another origin', () => {
    const check = checkOf(product, 'reuse.other-tenant', { fingerprint, seen, origin: 'https://openam-acme-prod.forgeblocks.com' });
    expect(check).toMatchObject({ level: 'warning', message: expect.stringContaining('https://openam-acme-dev.forgeblocks.com (Acme dev)') });
    expect(check?.hint).toContain('cannot back two connections');
  });
  it('is not said for the same origin, or for another credential', () => {
    expect(checkOf(product, 'reuse.other-tenant', { fingerprint, seen, origin: 'https://openam-acme-dev.forgeblocks.com' })).toBeUndefined();
    expect(checkOf(product, 'reuse.other-tenant', { fingerprint: 'ffffffffffffffff', seen, origin: 'https://openam-acme-prod.forgeblocks.com' })).toBeUndefined();
  });
});

it('has a describe block, both ways, for every check id', () => {
  // Tests run after collection has registered every describeCheck above.
  expect([...covered].sort()).toEqual([...CHECK_IDS].sort());
});
