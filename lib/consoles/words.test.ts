import { describe, expect, it } from 'vitest';
import { signTestCredential, gatewayClaims } from '../credential/test-credentials';
import { readCredential } from '../credential';
import { aic } from './aic';
import { cloudflare } from './cloudflare';
import { pingAccess } from './pingaccess';
import { pingFederate } from './pingfederate';
import type { ConsoleModule } from './types';
import { AIC_WORDS, CLOUDFLARE_WORDS, PINGACCESS_WORDS, PINGFEDERATE_WORDS, type FieldWord } from './words';

const TABLES: [ConsoleModule, Record<string, readonly FieldWord[]>][] = [
  [cloudflare, CLOUDFLARE_WORDS],
  [pingAccess, PINGACCESS_WORDS],
  [aic, AIC_WORDS],
  [pingFederate, PINGFEDERATE_WORDS],
];

describe('each console’s own words', () => {
  for (const [module, words] of TABLES) {
    it(`${module.name}: every word has a public https source`, () => {
      for (const [field, entries] of Object.entries(words)) {
        expect(entries.length, field).toBeGreaterThan(0);
        for (const entry of entries) expect(new URL(entry.source).protocol, `${field}: ${entry.text}`).toBe('https:');
      }
    });
  }

  it('Cloudflare: the PKCE toggle answers to the doc’s “Proof of Key Exchange (PKCE)” and the RFC’s name', () => {
    expect(CLOUDFLARE_WORDS.pkce.map((entry) => entry.text)).toEqual(['Proof of Key Exchange (PKCE)', 'Proof Key for Code Exchange (PKCE)', 'PKCE']);
    expect(CLOUDFLARE_WORDS.pkce[0]!.source).toBe('https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/');
  });

  it('AIC: the credential field answers to platform-ui’s “Credential” label', () => {
    expect(AIC_WORDS.credential[0]).toEqual({ text: 'Credential', source: 'https://github.com/ForgeRock/platform-ui/blob/develop/packages/platform-admin/src/locales/en.json' });
  });

  it('the plans locate each field by exactly its words, in the table’s order', async () => {
    const oidc = readCredential('Client ID: 9c6b8f0e-1d2a-4b3c-8e7f-0a1b2c3d4e5f\nClient Secret: s3cr3t-value-for-words-test\nEnvironment ID: 3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d');
    const gateway = readCredential(await signTestCredential(gatewayClaims('dev')));
    if (!oidc.ok || !gateway.ok) throw new Error('test credentials did not read');
    const origin = 'https://console.example';
    const labels = (module: ConsoleModule, credential: typeof oidc.credential) =>
      Object.fromEntries(module.plan(credential, { origin, name: 'Acme' }).fields.map((field) => [field.key, field.locate.labels]));
    const texts = (words: Record<string, readonly FieldWord[]>) => Object.fromEntries(Object.entries(words).map(([key, entries]) => [key, entries.map((entry) => entry.text)]));
    expect(labels(cloudflare, oidc.credential)).toEqual(texts(CLOUDFLARE_WORDS));
    expect(labels(pingAccess, gateway.credential)).toEqual(texts(PINGACCESS_WORDS));
    const { issuer: _issuer, ...withoutIssuer } = texts(PINGFEDERATE_WORDS);
    // No region is known from bare lines, so the plan leaves Issuer to the admin (a note).
    expect(labels(pingFederate, oidc.credential)).toEqual(withoutIssuer);
  });
});
