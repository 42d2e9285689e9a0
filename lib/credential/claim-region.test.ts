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
