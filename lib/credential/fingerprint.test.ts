import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, environment } from '../../test/fixtures/environments';
import { fingerprintCredential, readCredential, type Credential } from './index';
import { gatewayClaims, signTestCredential } from '../../test/fixtures/credentials';

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(result.error.code);
  return result.credential;
}

const webApp = client('production', 'web-app');
const envId = environment('production').id;
let gateway: Credential;

beforeAll(async () => {
  gateway = read(await signTestCredential(gatewayClaims('production')));
});

describe('fingerprintCredential', () => {
  it('is 16 hex characters, stable for the same credential', async () => {
    const fingerprint = await fingerprintCredential(gateway);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(await fingerprintCredential(read(`Bearer ${gateway.raw}`))).toBe(fingerprint);
  });

  it('differs between credentials', async () => {
    const other = read(await signTestCredential(gatewayClaims('dev')));
    expect(await fingerprintCredential(other)).not.toBe(await fingerprintCredential(gateway));
  });

  it('is the first 16 hex characters of SHA-256 over the versioned, domain-separated text (stored uses depend on it)', async () => {
    const expected = createHash('sha256').update(`pingone-connection-helper/credential-fingerprint/v1\ngateway\n${gateway.raw}`).digest('hex').slice(0, 16);
    expect(await fingerprintCredential(gateway)).toBe(expected);
    expect(createHash('sha256').update(gateway.raw).digest('hex').startsWith(expected)).toBe(false);
  });

  it('is the same for one OIDC app pasted as Cloudflare JSON or as lines, and changes with the secret', async () => {
    const config = { client_id: webApp.clientId, client_secret: webApp.clientSecret, ping_env_id: envId };
    const fromJson = await fingerprintCredential(read(JSON.stringify({ type: 'pingone', config })));
    const fromLines = await fingerprintCredential(read(`Client ID: ${webApp.clientId}\nClient Secret: ${webApp.clientSecret}\nhttps://console.pingone.eu/?env=${envId}`));
    expect(fromJson).toBe(fromLines);
    const rotated = await fingerprintCredential(read(JSON.stringify({ type: 'pingone', config: { ...config, client_secret: 'rotated' } })));
    expect(rotated).not.toBe(fromJson);
  });
});
