import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCredential } from '../credential';
import { gatewayClaims, signTestCredential } from '../../test/fixtures/credentials';
import { aic } from './aic';
import { cloudflare } from './cloudflare';
import { pingAccess } from './pingaccess';
import { pingFederate } from './pingfederate';
import type { ConsoleModule } from './types';
import { AIC_WORDS, CLOUDFLARE_WORDS, PINGACCESS_WORDS, PINGFEDERATE_WORDS } from './words';

/** words.ts as written: each word's source is the comment on its line (the bundles never carry the sources). */
// Read from the project root, where vitest runs (happy-dom's import.meta.url is not a file URL in every pool).
const SOURCE_LINES = readFileSync(path.resolve('lib/consoles/words.ts'), 'utf8').split('\n');

/** The https address cited on the line that holds `word` as a string literal. */
function sourceOf(word: string): string | undefined {
  const line = SOURCE_LINES.find((candidate) => candidate.includes(`'${word}'`));
  return /\/\/ (https:\/\/\S+)/.exec(line ?? '')?.[1];
}

const TABLES: [ConsoleModule, Record<string, readonly string[]>][] = [
  [cloudflare, CLOUDFLARE_WORDS],
  [pingAccess, PINGACCESS_WORDS],
  [aic, AIC_WORDS],
  [pingFederate, PINGFEDERATE_WORDS],
];

describe('each console’s own words', () => {
  for (const [module, words] of TABLES) {
    it(`${module.name}: every word cites the public page it was read on`, () => {
      for (const [field, list] of Object.entries(words)) {
        expect(list.length, field).toBeGreaterThan(0);
        for (const word of list) expect(sourceOf(word), `${field}: ${word}`).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      }
    });
  }

  it('Cloudflare: the PKCE toggle answers to the doc’s “Proof of Key Exchange (PKCE)” and the RFC’s name', () => {
    expect(CLOUDFLARE_WORDS.pkce).toEqual(['Proof of Key Exchange (PKCE)', 'Proof Key for Code Exchange (PKCE)', 'PKCE']);
    expect(sourceOf('Proof of Key Exchange (PKCE)')).toBe('https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/');
  });

  it('AIC: the credential field answers to platform-ui’s “Credential” label', () => {
    expect(AIC_WORDS.credential[0]).toBe('Credential');
    expect(sourceOf('Credential')).toContain('https://');
    expect(SOURCE_LINES.find((line) => line.includes("'Credential', //"))).toContain('ForgeRock/platform-ui');
  });

  it('the plans locate each field by exactly its words, in the table’s order', async () => {
    const oidc = readCredential('Client ID: 9c6b8f0e-1d2a-4b3c-8e7f-0a1b2c3d4e5f\nClient Secret: s3cr3t-value-for-words-test\nEnvironment ID: 3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d');
    const gateway = readCredential(await signTestCredential(gatewayClaims('dev')));
    if (!oidc.ok || !gateway.ok) throw new Error('test credentials did not read');
    const origin = 'https://console.example';
    const labels = (module: ConsoleModule, credential: typeof oidc.credential) =>
      Object.fromEntries(module.plan(credential, { origin, name: 'Acme' }).fields.map((field) => [field.key, field.locate.labels]));
    expect(labels(cloudflare, oidc.credential)).toEqual(CLOUDFLARE_WORDS);
    expect(labels(pingAccess, gateway.credential)).toEqual(PINGACCESS_WORDS);
    const { issuer: _issuer, ...withoutIssuer } = PINGFEDERATE_WORDS;
    // No region is known from bare lines, so the plan leaves Issuer to the admin (a note).
    expect(labels(pingFederate, oidc.credential)).toEqual(withoutIssuer);
  });
});
