import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayClaims, signTestCredential, unsignedCompact } from '../../test/fixtures/credentials';
import { createSamples } from '../../test/fixtures/samples';
import { regionEvidence } from './claim-region';
import { checkCredential, readCredential, type CheckContext, type ConsoleRules, type Credential } from './index';

const AIC: ConsoleRules = { id: 'aic', name: 'Advanced Identity Cloud', accepts: ['product'] };

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.credential;
}

let credentials: [string, Credential][];

beforeAll(async () => {
  const samples = await createSamples();
  credentials = Object.values(samples).map((sample) => [sample.key, read(sample.text)]);
  credentials.push(
    ['mixed regions', read(await signTestCredential(gatewayClaims('production', { authUrl: 'https://auth.pingone.com', targetGeography: 'XX' })))],
    ['foreign host', read(unsignedCompact({ alg: 'RS256' }, { environmentId: 'e', clientSecret: 's', aud: ['https://api.pingone.eu', 'https://evil.example'], consoleUrl: 'https://openam-acme.forgeblocks.com/am' }))],
    ['console link', read(`Client ID: a\nClient Secret: b\nEnvironment ID: c\nhttps://console.pingone.ca/?env=c`)],
  );
});

describe('Credential.regionEvidence', () => {
  it('equals the evidence recomputed from the claims, on every fixture credential', () => {
    for (const [name, credential] of credentials) expect(credential.regionEvidence, name).toEqual(regionEvidence(credential.claims));
  });

  it('gives the checks that evidence recomputed from the claims gives', () => {
    const contexts: CheckContext[] = [{ now: 0 }, { now: 0, console: AIC, origin: 'https://openam-acme.forgeblocks.com' }];
    for (const [name, credential] of credentials) {
      const recomputed = { ...credential, regionEvidence: regionEvidence(credential.claims) };
      for (const context of contexts) expect(checkCredential(credential, context), name).toEqual(checkCredential(recomputed, context));
    }
  });
});

/** The host `new URL` gives a claim value that is an http(s) or ws(s) URL: what region evidence must find. */
function parsedHost(value: string): string[] {
  try {
    const url = new URL(value);
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) ? [url.hostname] : [];
  } catch {
    return [];
  }
}

describe('regionEvidence', () => {
  const label = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab0-'.split('')), minLength: 1, maxLength: 6 }),
    fc.constantFrom('xn--a', 'xn--bcher-kva', 'pingone', 'com', 'au', '0x1f', '255', 'A'.repeat(3), 'a'.repeat(61), 'a'.repeat(64)),
    fc.string({ unit: fc.constantFrom(...'aZ9-_%@:[]. \u00e9\u0130'.split('')), minLength: 1, maxLength: 4 }),
  );
  const value = fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'wss://', 'ws://', 'HTTPS://', 'ftp://', 'https:/', 'https:\\\\', ''),
      fc.array(label, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('', '/', '.', ':443', '/path', '?q', '#f', '//'),
    )
    .map(([scheme, labels, tail]) => `${scheme}${labels.join('.')}${tail}`);

  it('finds in a claim the host new URL finds, whatever the claim holds (10k)', () => {
    fc.assert(
      fc.property(value, (claim) => {
        const claims = Object.assign(Object.create(null), { claim });
        expect(regionEvidence(claims).urls.map((url) => url.host)).toEqual(parsedHost(claim));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it.each(['https://auth.pingone.com', 'wss://gateways.pingone.com/', `https://${'a'.repeat(60)}.eu`, `https://${'a'.repeat(61)}.eu`, 'https://xn--bcher-kva.example', 'https://a.0x1f', 'https://1.2.3.4', 'https://a--b.com'])(
    'finds in %s the host new URL finds',
    (claim) => {
      expect(regionEvidence(Object.assign(Object.create(null), { claim })).urls.map((url) => url.host)).toEqual(parsedHost(claim));
    },
  );
});
