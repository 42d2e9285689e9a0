/**
 * Signed sample credentials for tests (never shipped: only *.test.ts files and test/bench import this).
 * Claim names and shapes follow lib/credential/README.md; values come from test/fixtures/environments.ts.
 */
import { SignJWT, base64url, generateKeyPair, type CryptoKey } from 'jose';
import { environment, client, type FakeEnvironment } from '../../test/fixtures/environments';
import { regionByTld } from '../regions';

let signingKey: Promise<CryptoKey> | undefined;

/** One RS256 key per process: generating it costs tens of milliseconds. */
function key(): Promise<CryptoKey> {
  signingKey ??= generateKeyPair('RS256').then((pair) => pair.privateKey);
  return signingKey;
}

/** Signs `claims` as PingOne does: RS256, header `{"alg":"RS256"}` only (the 2020 sample had no kid, no typ). */
export async function signTestCredential(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', ...header }).sign(await key());
}

/** A compact JWT from any header and claims, with a made-up signature: for inputs jose would refuse to sign. */
export function unsignedCompact(header: unknown, claims: unknown, signature = 'c2lnbmF0dXJl'): string {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${part(header)}.${part(claims)}.${signature}`;
}

const ISSUED_AT = 1_760_000_000; // 2025-10-09

function hosts(env: FakeEnvironment) {
  const region = regionByTld(env.tld);
  if (!region) throw new Error(`no region for ${env.tld}`);
  return { authUrl: `https://auth.pingone.${region.tld}`, consoleUrl: `https://console.pingone.${region.tld}`, aud: `https://api.pingone.${region.tld}`, code: region.code };
}

/** Gateway credential claims as documented (PingOne Platform API, gateway credentials). */
export function gatewayClaims(key: FakeEnvironment['key'], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const env = environment(key);
  const { authUrl, consoleUrl, aud, code } = hosts(env);
  return {
    environmentId: env.id,
    environmentName: env.name,
    organizationId: env.organizationId,
    organizationName: env.organizationName,
    gatewayId: env.gatewayId,
    gatewayName: env.gatewayName,
    gatewayType: 'PING_FEDERATE',
    authUrl,
    consoleUrl,
    aud,
    iss: 'wss://gateways.pingone.com',
    iat: ISSUED_AT,
    jti: 'e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b',
    targetGeography: code,
    ...overrides,
  };
}

/** Product-connection (AIC) credential claims: client id/secret names are unconfirmed, camelCase guessed. */
export function productClaims(key: FakeEnvironment['key'], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const env = environment(key);
  const worker = client(key, 'worker');
  const { authUrl, consoleUrl } = hosts(env);
  return {
    environmentId: env.id,
    environmentName: env.name,
    organizationId: env.organizationId,
    clientId: worker.clientId,
    clientSecret: worker.clientSecret,
    authUrl,
    consoleUrl,
    iat: ISSUED_AT,
    ...overrides,
  };
}

export const TEST_ISSUED_AT = ISSUED_AT;
