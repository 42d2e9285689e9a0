/**
 * Property-based fuzzing of readCredential + checkCredential: over 100k generated and mutated inputs per run.
 * What must hold for every input: no exception escapes (checkCredential has no safety net; readCredential's is
 * asserted never to trigger), every failure has a listed code and a message, no prototype is touched, claims are
 * null-prototype, secrets stay out of checks, and any region is a region-table entry whose URLs are on its hosts.
 * Generated JWTs carry a made-up signature: RS256 signing costs about a millisecond each, too slow for 20k runs,
 * and nothing here verifies signatures (PingOne publishes no key); the seed samples are really signed.
 */
import assert from 'node:assert/strict';
import { base64url } from 'jose';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS, environmentUrls, isEnvironmentId, regionHosts } from '../regions';
import { environment } from '../../test/fixtures/environments';
import { CHECK_IDS, READ_ERROR_CODES, checkCredential, readCredential, type CheckContext } from './index';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';

const TABLE_HOSTS = new Set<string>(REGIONS.flatMap((region) => Object.values(regionHosts(region))));
const KNOWN_CODES = new Set<string>(READ_ERROR_CODES);
const KNOWN_CHECKS = new Set<string>(CHECK_IDS);
const LEVELS = new Set(['error', 'warning', 'info', 'ok']);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const production = environment('production');
const PLANTED_SECRET = 'planted-secret-';

const CONTEXT: CheckContext = {
  console: { id: 'aic', name: 'AIC', accepts: ['product'], requiresGatewayType: 'PING_FEDERATE', nameRule: { pattern: /^[A-Za-z0-9-]+$/, description: 'letters, digits and hyphens' } },
  expected: { environmentId: production.id, environmentName: production.name, regionTld: 'eu' },
  origin: 'https://openam-acme.forgeblocks.com',
  fingerprint: '0123456789abcdef',
  seen: [{ fingerprint: '0123456789abcdef', origin: 'https://other.example', at: 0 }],
  now: 1_760_000_000_000,
};

/** The invariants; throws on the first one broken. Plain `assert`: vitest's expect is too slow for 100k runs. */
function holdsFor(input: unknown): void {
  const result = readCredential(input);
  if (!result.ok) {
    assert(KNOWN_CODES.has(result.error.code) && result.error.code !== 'read.internal-error', `unexpected code ${result.error.code}`);
    assert(typeof result.error.message === 'string' && result.error.message.length > 0, `no message for ${result.error.code}`);
    return;
  }
  const { credential } = result;
  assert(Object.getPrototypeOf(credential.claims) === null, 'claims have a prototype');
  assert(!credential.header || Object.getPrototypeOf(credential.header) === null, 'header has a prototype');
  if (credential.region) {
    // Identity, not equality: a region object built from claims would fail here.
    assert(REGIONS.includes(credential.region), 'region is not an entry of the region table');
    if (isEnvironmentId(credential.environmentId)) {
      for (const url of Object.values(environmentUrls(credential.region, credential.environmentId))) {
        assert(TABLE_HOSTS.has(new URL(url).hostname), `URL off the region table: ${url}`);
      }
    }
  }
  for (const context of [undefined, CONTEXT]) {
    const checks = checkCredential(credential, context);
    for (const check of checks) {
      assert(KNOWN_CHECKS.has(check.id), `unknown check id ${check.id}`);
      assert(LEVELS.has(check.level) && typeof check.message === 'string' && check.message !== '', `malformed check ${check.id}`);
    }
    // Only planted secrets: a generated one may equal a host name or a label that messages rightly contain.
    const secret = credential.clientSecret;
    assert(!secret?.startsWith(PLANTED_SECRET) || !JSON.stringify(checks).includes(secret), 'a check repeats the client secret');
  }
}

function run<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, toInput: (value: T) => unknown = (value) => value) {
  fc.assert(
    fc.property(arbitrary, (value) => {
      holdsFor(toInput(value));
    }),
    { numRuns },
  );
}

const b64 = (text: string) => base64url.encode(text);
/** A generated value as text: String's, or JSON for an object String cannot convert (a generated `toString` key that is no function). */
const asText = (value: unknown) => {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value);
  }
};
const HOSTS = [
  'auth.pingone.com', 'console.pingone.eu', 'api.pingone.com.au', 'auth.pingone.asia', 'gateways.pingone.com',
  'auth.pingone.com.evil.example', 'pingone.com', 'evil.example', 'auth.pingone.eu@evil.example', 'xn--pngone-9ta.com',
  '127.0.0.1', '[::1]', 'auth.pingone.com.', 'AUTH.PINGONE.CA',
];
const url = fc
  .tuple(fc.constantFrom('https://', 'http://', 'wss://', 'ws://', 'ftp://', 'javascript:', ''), fc.constantFrom(...HOSTS), fc.constantFrom('', '/', `/${production.id}/as`, `/?env=${production.id}`, '/index.html?env=x#/a'))
  .map(([scheme, host, path]) => `${scheme}${host}${path}`);
const claimValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: url },
  { weight: 1, arbitrary: fc.array(url, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.uuid().map((value) => value as string) },
  { weight: 1, arbitrary: fc.constantFrom(production.id, 'PING_FEDERATE', 'LDAP', 'NA', 'EU', 'XX', ' NOT_SET', 1e21, -1e21, 0, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 16, maxLength: 40 }) },
);
const claimName = fc.constantFrom(
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'environmentId', 'envId', 'environment_id',
  'environmentName', 'organizationId', 'gatewayId', 'gatewayType', 'gatewayName', 'clientId', 'client_id',
  'clientSecret', 'client_secret', 'authUrl', 'consoleUrl', 'aud', 'iss', 'iat', 'exp', 'nbf', 'jti', 'scope',
  'targetGeography', 'callback', 'x',
);
/** JSON text written by hand so `__proto__` stays a key (an object literal would set a prototype). */
const hostileObjectText = fc
  .array(fc.tuple(claimName, claimValue), { maxLength: 12 })
  .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`);
/** Claims, sometimes ending with a planted client secret the checks must never repeat. */
const hostileClaimsText = fc
  .tuple(hostileObjectText, fc.option(fc.string({ unit: fc.constantFrom(...'abcdefXYZ0189'.split('')), minLength: 12, maxLength: 24 })))
  .map(([text, secret]) => (secret === null || text === '{}' ? text : `${text.slice(0, -1)},"clientSecret":"${PLANTED_SECRET}${secret}"}`));
const header = fc.oneof(
  fc.constant('{"alg":"RS256"}'),
  fc.constant('{"alg":"none"}'),
  fc.constant('{"__proto__":{"alg":"none"},"typ":"at+jwt"}'),
  hostileObjectText,
);

let samples: string[] = [];
beforeAll(async () => {
  samples = [
    await signTestCredential(gatewayClaims('production')),
    await signTestCredential(productClaims('dev')),
    `Client ID: a\nClient Secret: ${'s'.repeat(20)}\nhttps://console.pingone.eu/?env=${production.id}`,
    JSON.stringify({ type: 'pingone', config: { client_id: 'a', client_secret: 'b', ping_env_id: production.id } }),
  ];
});

const MUTATIONS = ['insert', 'delete', 'replace', 'truncate', 'duplicate', 'wrap'] as const;
const mutation = fc.record({
  sample: fc.nat(),
  steps: fc.array(fc.record({ kind: fc.constantFrom(...MUTATIONS), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
});

describe('readCredential and checkCredential under fuzzing (>= 100k inputs)', () => {
  it('random strings, of any code unit, and non-strings (30k)', () => {
    run(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 80 }), fc.string({ unit: fc.constantFrom('.', 'e', 'y', 'J', '{', '}', '"', ':', '\n', '\t', 'Client ID', 'Secret', '=', '-', '_', '/', '+'), maxLength: 60 })), 28_000);
    run(fc.anything(), 2_000);
  }, 60_000);

  it('real credentials, mutated: characters inserted, deleted, replaced, cut, doubled, wrapped (25k)', () => {
    run(mutation, 25_000, ({ sample, steps }) => {
      let text = samples[sample % samples.length] ?? '';
      for (const { kind, at, text: piece } of steps) {
        const position = at % (text.length + 1);
        if (kind === 'insert') text = text.slice(0, position) + piece + text.slice(position);
        else if (kind === 'delete') text = text.slice(0, position) + text.slice(position + 1 + piece.length);
        else if (kind === 'replace') text = text.slice(0, position) + piece + text.slice(position + piece.length);
        else if (kind === 'truncate') text = text.slice(0, position);
        else if (kind === 'duplicate') text = text + text.slice(position);
        else text = `${piece}${text}${piece}`;
      }
      return text;
    });
  }, 60_000);

  it('JWT-shaped strings with broken parts (15k)', () => {
    const part = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((value) => b64(JSON.stringify(value) ?? 'null')),
      fc.string({ unit: fc.constantFrom(...'ABCxyz019-_+/=*. '.split('')), maxLength: 24 }),
      fc.string({ maxLength: 12 }).map(b64),
      fc.constant(''),
    );
    run(fc.array(part, { minLength: 1, maxLength: 6 }), 15_000, (parts) => parts.join('.'));
  }, 60_000);

  it('JWTs with hostile claims and headers: __proto__, URLs to other hosts, wrong types, absurd times (22k)', () => {
    run(fc.tuple(header, hostileClaimsText, fc.constantFrom('', 'c2ln', 'x')), 22_000, ([headerText, claimsText, signature]) => `${b64(headerText)}.${b64(claimsText)}.${signature}`);
  }, 60_000);

  it('labelled lines and JSON configurations (10k)', () => {
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('Client ID', 'client secret', 'Environment ID', 'Issuer', 'Redirect URIs', 'Token Endpoint'), fc.constantFrom(':', '\t', '\n', ': ', ''), fc.oneof(claimValue.map(asText), url)).map((parts) => parts.join('')),
      url,
    );
    run(fc.array(line, { maxLength: 8 }), 6_000, (lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]));
    const config = hostileObjectText;
    run(fc.tuple(fc.constantFrom('pingone', 'ping', 'okta', 7), config), 4_000, ([type, configText]) => `{"type":${JSON.stringify(type)},"name":"x","config":${configText}}`);
  }, 60_000);

  it('huge inputs around and far beyond the 16 KiB cap (300)', () => {
    run(fc.tuple(fc.constantFrom(16_383, 16_384, 16_385, 40_000, 1_000_000), fc.constantFrom('eyJ', 'a.', '.', ' ', 'Client ID: x\n', '{"a":'), fc.nat()), 300, ([length, unit, seed]) => {
      const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      return seed % 2 ? body : `${samples[0]}${body}`.slice(0, length);
    });
  }, 60_000);

  it('left every prototype as it was', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).alg).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
