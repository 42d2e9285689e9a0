// @vitest-environment node
/**
 * The plan's URLs come from the region table only. The property tests run the real runner with a recording fetch:
 * whatever hosts a credential's claims name, the requests go to the region table's hosts for its environment.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { client, environment } from '../../test/fixtures/environments';
import { readCredential } from '../credential';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import type { Credential } from '../credential/types';
import { REGIONS, environmentUrls, regionByTld } from '../regions';
import { runConnectionTest } from './index';
import { connectionPlan } from './plan';

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(`test credential unreadable: ${result.error.message}`);
  return result.credential;
}

const dev = environment('dev');
const production = environment('production');

function oidcLines(key: 'dev' | 'production', extra = ''): string {
  const env = environment(key);
  const worker = client(key, 'worker');
  return `Client ID: ${worker.clientId}\nClient Secret: ${worker.clientSecret}\nEnvironment ID: ${env.id}${extra}`;
}

describe('connectionPlan URLs', () => {
  for (const region of REGIONS) {
    it(`uses the region table's ${region.tld} hosts when ${region.name} is chosen`, () => {
      const plan = connectionPlan(read(oidcLines('dev')), { regionTld: region.tld });
      if (!plan.ok) throw new Error(plan.message);
      const expected = environmentUrls(region, dev.id);
      expect(plan.urls).toEqual({ issuer: expected.issuer, discovery: expected.discovery, token: expected.token, environment: expected.environment });
      expect(plan.authHost).toBe(`auth.pingone.${region.tld}`);
      expect(plan.apiHost).toBe(`api.pingone.${region.tld}`);
      expect(plan.regionSource).toBe('chosen');
    });
  }

  it("uses the credential's own region when none is chosen", async () => {
    const plan = connectionPlan(read(await signTestCredential(productClaims('production'))));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.region.tld).toBe('eu');
    expect(plan.regionSource).toBe('credential');
    expect(plan.regionNote).toBeUndefined();
    expect(plan.urls.discovery).toBe(`https://auth.pingone.eu/${production.id}/as/.well-known/openid-configuration`);
  });

  it('says so when the chosen region differs from the credential’s', async () => {
    const plan = connectionPlan(read(await signTestCredential(productClaims('dev'))), { regionTld: 'eu' });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.region.tld).toBe('eu');
    expect(plan.regionNote).toBe('You chose Europe; the credential itself names North America.');
  });

  it('assumes North America, and says so, when the credential names no region', () => {
    const credential = read(oidcLines('dev'));
    expect(credential.region).toBeUndefined();
    const plan = connectionPlan(credential);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.region).toBe(regionByTld('com'));
    expect(plan.regionSource).toBe('assumed');
    expect(plan.regionNote).toMatch(/does not name one region, so North America \(auth\.pingone\.com\) was assumed/);
  });

  it('plans environment + gateway note for a gateway credential, and no client', async () => {
    const plan = connectionPlan(read(await signTestCredential(gatewayClaims('dev'))));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.steps).toEqual(['environment', 'gateway-note']);
    expect(plan.client).toBeUndefined();
  });

  it('plans all three steps with the client for a product credential and an OIDC app', async () => {
    for (const credential of [read(await signTestCredential(productClaims('dev'))), read(oidcLines('dev'))]) {
      const plan = connectionPlan(credential);
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.steps).toEqual(['environment', 'client-auth', 'environment-read']);
      expect(plan.client).toEqual({ id: client('dev', 'worker').clientId, secret: client('dev', 'worker').clientSecret });
    }
  });

  it('refuses to plan without a UUID environment id', () => {
    const credential = read('Client ID: abc\nClient Secret: def\nEnvironment ID: ../../evil');
    const plan = connectionPlan(credential);
    expect(plan.ok).toBe(false);
  });
});

/** Records every URL asked for and answers 404, so each step makes its first request and stops. */
function recordingFetch() {
  const urls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    urls.push(new Request(input).url);
    return new Response('{"error":"invalid_client"}', { status: 401, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { urls, fetchImpl };
}

async function requestedUrls(credential: Credential): Promise<string[]> {
  const { urls, fetchImpl } = recordingFetch();
  await runConnectionTest(credential, { fingerprint: 'f', fetch: fetchImpl, stepTimeoutMs: 5_000 });
  return urls.sort();
}

const URL_CLAIMS = ['authUrl', 'aud', 'iss', 'consoleUrl'] as const;
const notPingOne = fc
  .tuple(fc.constantFrom('https://', 'http://', 'wss://'), fc.domain(), fc.constantFrom('', '/', `/${production.id}/as`, '/?env=x'))
  .filter(([, domain]) => !domain.includes('pingone'))
  .map(([scheme, domain, path]) => `${scheme}${domain}${path}`);

describe('claims never choose a request URL (property)', () => {
  it('a product credential whose URL claims name other hosts requests exactly what the plain one does', async () => {
    const baseline = await requestedUrls(read(await signTestCredential(productClaims('dev', { authUrl: undefined, consoleUrl: undefined }))));
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((url) => url.startsWith('https://auth.pingone.com/') || url.startsWith('https://api.pingone.com/'))).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(URL_CLAIMS.map((claim) => [claim, notPingOne])), { requiredKeys: [] }), async (hostile) => {
        const credential = read(await signTestCredential(productClaims('dev', { authUrl: undefined, consoleUrl: undefined, ...hostile })));
        expect(await requestedUrls(credential)).toEqual(baseline);
      }),
      { numRuns: 60 },
    );
  });

  it('whatever URLs the claims hold, every request is one the region table gives for the report’s region', async () => {
    const anyUrl = fc.oneof(notPingOne, fc.constantFrom(...REGIONS.flatMap((region) => [`https://auth.pingone.${region.tld}`, `https://api.pingone.${region.tld}/v1`])));
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(URL_CLAIMS.map((claim) => [claim, anyUrl])), { requiredKeys: [] }), async (claims) => {
        const credential = read(await signTestCredential(productClaims('dev', { authUrl: undefined, consoleUrl: undefined, ...claims })));
        const { urls, fetchImpl } = recordingFetch();
        const report = await runConnectionTest(credential, { fingerprint: 'f', fetch: fetchImpl });
        const region = regionByTld(report.region?.tld ?? '');
        if (!region) throw new Error('no region in report');
        const allowed = Object.values(environmentUrls(region, dev.id));
        for (const url of urls) expect(allowed).toContain(url);
      }),
      { numRuns: 60 },
    );
  });
});
