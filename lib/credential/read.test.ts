import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, environment } from '../../test/fixtures/environments';
import { READ_ERROR_CODES, readCredential, MAX_INPUT_LENGTH, type Credential, type ReadResult } from './index';
import { gatewayClaims, productClaims, signTestCredential, unsignedCompact } from '../../test/fixtures/credentials';

const production = environment('production');
const dev = environment('dev');
const prodWebApp = client('production', 'web-app');

function credentialOf(result: ReadResult): Credential {
  if (!result.ok) throw new Error(`expected a credential, got ${result.error.code}: ${result.error.message}`);
  return result.credential;
}

function errorOf(result: ReadResult) {
  if (result.ok) throw new Error(`expected an error, got a ${result.credential.kind} credential`);
  return result.error;
}

/** Every error code seen in this file; the last test asserts it is all of READ_ERROR_CODES but the safety net. */
const seenCodes = new Set<string>();
function expectError(input: unknown, code: string) {
  const error = errorOf(readCredential(input));
  seenCodes.add(error.code);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

let gatewayJwt: string;
let productJwt: string;

beforeAll(async () => {
  gatewayJwt = await signTestCredential(gatewayClaims('production'));
  productJwt = await signTestCredential(productClaims('dev'));
});

describe('JWT input forms', () => {
  it('reads a gateway credential with its documented claims and the region they agree on', () => {
    const credential = credentialOf(readCredential(gatewayJwt));
    expect(credential).toMatchObject({
      kind: 'gateway',
      source: 'jwt',
      raw: gatewayJwt,
      environmentId: production.id,
      environmentName: production.name,
      organizationId: production.organizationId,
      gatewayId: production.gatewayId,
      gatewayType: 'PING_FEDERATE',
      hasSignature: true,
      issuedAt: 1_760_000_000,
    });
    expect(credential.region?.tld).toBe('eu');
    expect(credential.header).toMatchObject({ alg: 'RS256' });
    expect(credential.clientSecret).toBeUndefined();
  });

  it('reads a product credential with camelCase client claims', () => {
    const credential = credentialOf(readCredential(productJwt));
    const worker = client('dev', 'worker');
    expect(credential).toMatchObject({ kind: 'product', environmentId: dev.id, clientId: worker.clientId, clientSecret: worker.clientSecret });
    expect(credential.region?.tld).toBe('com');
  });

  it('reads a product credential with snake_case and envId aliases, keeping every claim as received', async () => {
    const jwt = await signTestCredential({ envId: dev.id, client_id: 'cid', client_secret: 'csecret', somethingNew: { nested: [1] } });
    const credential = credentialOf(readCredential(jwt));
    expect(credential).toMatchObject({ kind: 'product', environmentId: dev.id, clientId: 'cid', clientSecret: 'csecret' });
    expect(credential.claims.somethingNew).toEqual({ nested: [1] });
    const aliased = credentialOf(readCredential(await signTestCredential({ environment_id: dev.id, clientSecret: 's' })));
    expect(aliased.environmentId).toBe(dev.id);
  });

  it.each([
    ['surrounding whitespace', (jwt: string) => `  \n\t${jwt}\n `],
    ['line breaks every 64 characters', (jwt: string) => jwt.replace(/(.{64})/g, '$1\n')],
    ['spaces inside', (jwt: string) => `${jwt.slice(0, 30)} ${jwt.slice(30, 90)}  ${jwt.slice(90)}`],
    ['double quotes', (jwt: string) => `"${jwt}"`],
    ['single quotes', (jwt: string) => `'${jwt}'`],
    ['backticks', (jwt: string) => `\`${jwt}\``],
    ['a Bearer prefix', (jwt: string) => `Bearer ${jwt}`],
    ['a quoted Bearer value', (jwt: string) => `"bearer ${jwt}"`],
    ['credential=', (jwt: string) => `credential=${jwt}`],
    ['a JSON string literal with escaped line breaks', (jwt: string) => JSON.stringify(`${jwt.slice(0, 50)}\n${jwt.slice(50)}`)],
    ['a {"credential": jwt} object', (jwt: string) => JSON.stringify({ credential: jwt })],
    ['the PingAccess admin API body', (jwt: string) => JSON.stringify({ name: 'x', credential: { value: jwt } })],
  ])('tolerates %s', (_label, wrap) => {
    const credential = credentialOf(readCredential(wrap(gatewayJwt)));
    expect(credential.raw).toBe(gatewayJwt);
    expect(credential.environmentId).toBe(production.id);
  });

  it('reads an empty signature part as present-but-unsigned (structure.signature reports it)', () => {
    const [header, payload] = gatewayJwt.split('.');
    const credential = credentialOf(readCredential(`${header}.${payload}.`));
    expect(credential.hasSignature).toBe(false);
  });

  it('copies header and claims into null-prototype objects', () => {
    const credential = credentialOf(readCredential(gatewayJwt));
    expect(Object.getPrototypeOf(credential.claims)).toBeNull();
    expect(Object.getPrototypeOf(credential.header)).toBeNull();
  });

  it('keeps __proto__, constructor and prototype claims as plain data without touching any prototype', () => {
    // Written as JSON text: an object literal's `__proto__:` would set a prototype instead of a key.
    const header = base64url.encode('{"alg":"RS256","__proto__":{"polluted":"header"}}');
    const payload = base64url.encode(
      `{"environmentId":"${dev.id}","gatewayId":"g","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}`,
    );
    const credential = credentialOf(readCredential(`${header}.${payload}.c2ln`));
    expect(Object.hasOwn(credential.claims, '__proto__')).toBe(true);
    expect(Object.hasOwn(credential.header ?? {}, '__proto__')).toBe(true);
    expect(credential.claims.__proto__).toEqual({ polluted: 'yes' });
    expect(credential.claims.constructor).toEqual({ prototype: { polluted: 'yes' } });
    expect(Object.getPrototypeOf(credential.claims)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('region derivation', () => {
  async function regionOf(claims: Record<string, unknown>) {
    return credentialOf(readCredential(await signTestCredential(claims))).region?.tld;
  }

  it('comes from the URL claims when they agree', async () => {
    expect(await regionOf(gatewayClaims('dev'))).toBe('com');
    expect(await regionOf(gatewayClaims('dev', { authUrl: 'https://auth.pingone.com.au', consoleUrl: 'https://console.pingone.com.au', aud: 'https://api.pingone.com.au', targetGeography: 'AU' }))).toBe('com.au');
  });

  it('is absent when the hints disagree', async () => {
    expect(await regionOf(gatewayClaims('production', { consoleUrl: 'https://console.pingone.com' }))).toBeUndefined();
    expect(await regionOf(gatewayClaims('production', { targetGeography: 'CA' }))).toBeUndefined();
  });

  it('does not let iss vote: an EU credential with iss wss://gateways.pingone.com is still EU', async () => {
    expect(await regionOf(gatewayClaims('production', { iss: 'wss://gateways.pingone.com' }))).toBe('eu');
  });

  it('comes from a region claim alone, and is absent with no hint at all', async () => {
    expect(await regionOf({ environmentId: dev.id, gatewayId: 'g', targetGeography: 'sg' })).toBe('sg');
    expect(await regionOf({ environmentId: dev.id, gatewayId: 'g' })).toBeUndefined();
  });

  it('is a table entry, never built from a claim', async () => {
    const credential = credentialOf(readCredential(await signTestCredential(gatewayClaims('production', { authUrl: 'https://auth.pingone.eu.evil.example' }))));
    expect(credential.region?.tld).toBe('eu');
    expect(JSON.stringify(credential.region)).not.toContain('evil');
  });
});

describe('Cloudflare JSON', () => {
  const config = { client_id: prodWebApp.clientId, client_secret: prodWebApp.clientSecret, ping_env_id: production.id, pkce_enabled: true };

  it.each([
    ['type "pingone"', { type: 'pingone', name: 'PingOne prod', config }],
    ['type "ping" (docs example)', { type: 'ping', name: 'PingOne prod', config }],
    ['the bare config object', config],
  ])('reads %s', (_label, body) => {
    const credential = credentialOf(readCredential(JSON.stringify(body, null, 2)));
    expect(credential).toMatchObject({ kind: 'oidc-app', source: 'cloudflare-json', clientId: prodWebApp.clientId, clientSecret: prodWebApp.clientSecret, environmentId: production.id });
    expect(credential.claims.pkce_enabled).toBe(true);
    expect(credential.region).toBeUndefined();
  });

  it('gives the same credential text as the lines, so both forms are one credential', () => {
    const fromJson = credentialOf(readCredential(JSON.stringify({ type: 'pingone', config })));
    const fromLines = credentialOf(readCredential(`Client ID: ${config.client_id}\nClient Secret: ${config.client_secret}\nEnvironment ID: ${config.ping_env_id}`));
    expect(fromJson.raw).toBe(fromLines.raw);
  });
});

describe('labelled lines from the PingOne application page', () => {
  const expected = { kind: 'oidc-app', source: 'labelled-lines', clientId: prodWebApp.clientId, clientSecret: prodWebApp.clientSecret, environmentId: production.id };

  it.each([
    ['colons', `Client ID: ${prodWebApp.clientId}\nClient Secret: ${prodWebApp.clientSecret}\nEnvironment ID: ${production.id}`],
    ['tabs, another order, other case', `environment id\t${production.id}\r\nCLIENT SECRET\t${prodWebApp.clientSecret}\r\nclient id\t${prodWebApp.clientId}`],
    ['label on one line, value on the next', `Client ID\n${prodWebApp.clientId}\n\nClient Secret\n${prodWebApp.clientSecret}\nEnvironment ID\n${production.id}\n`],
  ])('reads lines separated by %s', (_label, text) => {
    expect(credentialOf(readCredential(text))).toMatchObject(expected);
  });

  it('takes region and environment from a console link', () => {
    for (const link of [`https://console.pingone.eu/?env=${production.id}`, `https://console.pingone.eu/index.html?env=${production.id}#/applications`]) {
      const credential = credentialOf(readCredential(`Client ID: ${prodWebApp.clientId}\nClient Secret: ${prodWebApp.clientSecret}\n${link}`));
      expect(credential).toMatchObject(expected);
      expect(credential.region?.tld).toBe('eu');
    }
  });

  it('takes region and environment from an Issuer line, and ignores other links such as redirect URIs', () => {
    const text = [
      `Client ID: ${prodWebApp.clientId}`,
      `Client Secret: ${prodWebApp.clientSecret}`,
      `Issuer: https://auth.pingone.eu/${production.id}/as`,
      'Redirect URIs: https://acme.cloudflareaccess.com/cdn-cgi/access/callback',
      `Token Endpoint: https://auth.pingone.eu/${production.id}/as/token`,
    ].join('\n');
    const credential = credentialOf(readCredential(text));
    expect(credential).toMatchObject(expected);
    expect(credential.region?.tld).toBe('eu');
    expect(credential.raw).toContain(`Issuer: https://auth.pingone.eu/${production.id}/as`);
    expect(credential.raw).not.toContain('cloudflareaccess');
  });

  it('keeps a labelled Issuer off PingOne as a claim, for the region checks, and derives no region from it', () => {
    const credential = credentialOf(readCredential(`Client ID: a\nClient Secret: b\nEnvironment ID: ${production.id}\nIssuer: https://evil.example/${production.id}/as`));
    expect(credential.claims.issuer).toBe(`https://evil.example/${production.id}/as`);
    expect(credential.region).toBeUndefined();
    expect(credential.raw).not.toContain('evil');
  });

  it('reads its own normalised text back to the same credential', () => {
    const first = credentialOf(readCredential(`Client ID\t${prodWebApp.clientId}\nClient Secret\t${prodWebApp.clientSecret}\nhttps://console.pingone.eu/?env=${production.id}`));
    const again = credentialOf(readCredential(first.raw));
    expect(again).toMatchObject({ clientId: first.clientId, clientSecret: first.clientSecret, environmentId: first.environmentId, raw: first.raw });
    expect(again.region).toBe(first.region);
  });

  it('reads incomplete lines as a credential, so the checks can say what is missing', () => {
    const credential = credentialOf(readCredential(`Environment ID: ${production.id}`));
    expect(credential.clientId).toBeUndefined();
    expect(credential.clientSecret).toBeUndefined();
  });
});

describe('errors', () => {
  it('input.not-text for anything but a string at runtime', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x'), () => gatewayJwt]) expectError(value, 'input.not-text');
  });

  it('input.too-large before any decoding, even for a valid credential padded past the cap', () => {
    const padded = gatewayJwt + ' '.repeat(MAX_INPUT_LENGTH - gatewayJwt.length);
    expect(readCredential(padded).ok).toBe(true);
    expectError(`${padded} `, 'input.too-large');
    expectError('x'.repeat(5_000_000), 'input.too-large');
  });

  it('input.empty', () => {
    for (const text of ['', '   \n\t', '""', 'Bearer   ', "''"]) expectError(text, 'input.empty');
  });

  it('input.url, naming region and environment for a PingOne link', () => {
    expect(expectError('https://evil.example/path', 'input.url').message).toBe('This is a link, not a credential.');
    const error = expectError(`https://console.pingone.eu/?env=${production.id}`, 'input.url');
    expect(error.message).toContain('Europe');
    expect(error.message).toContain(production.id);
  });

  it('input.environment-id-only for a UUID alone', () => {
    expectError(` ${production.id} `, 'input.environment-id-only');
  });

  it('input.secret-only for a worker secret alone, which never appears in the message', () => {
    const secret = client('dev', 'worker').clientSecret;
    const error = expectError(secret, 'input.secret-only');
    expect(`${error.message}${error.hint}`).not.toContain(secret);
  });

  it('input.opaque-token for a short dot-less value', () => {
    expectError('a1b2c3d4e5', 'input.opaque-token');
  });

  it('input.unrecognised for prose', () => {
    expectError('hello, world!', 'input.unrecognised');
  });

  it.each([
    [1, 'eyJhbGciOiJSUzI1NiJ9', 'cut off'],
    [2, 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ', 'signature'],
    [4, 'a.b.c.d', 'pasted together'],
    [5, 'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', 'encrypted JWT (JWE)'],
  ])('jwt.part-count counts %i parts', (count, text, hint) => {
    const error = expectError(text, 'jwt.part-count');
    expect(error.message).toContain(`this has ${count}`);
    expect(error.hint).toContain(hint);
  });

  it('jwt.header.empty and jwt.payload.empty', () => {
    const [header, payload, signature] = gatewayJwt.split('.');
    expectError(`.${payload}.${signature}`, 'jwt.header.empty');
    expectError(`${header}..${signature}`, 'jwt.payload.empty');
  });

  it('jwt.<part>.not-base64url names the character and its position in the part and in the JWT', () => {
    const [header = '', payload = '', signature = ''] = gatewayJwt.split('.');
    const inHeader = expectError(`${header.slice(0, 5)}*${header.slice(6)}.${payload}.${signature}`, 'jwt.header.not-base64url');
    expect(inHeader.message).toContain('character "*" at position 6 of the header (position 6 of the JWT)');
    const inPayload = expectError(`${header}.${payload.slice(0, 9)}+${payload.slice(10)}.${signature}`, 'jwt.payload.not-base64url');
    expect(inPayload.message).toContain(`character "+" at position 10 of the payload (position ${header.length + 1 + 10} of the JWT)`);
    expect(inPayload.hint).toContain('standard base64');
    const inSignature = expectError(`${header}.${payload}.${signature.slice(0, 3)}…${signature.slice(4)}`, 'jwt.signature.not-base64url');
    expect(inSignature.message).toContain('"…" at position 4 of the signature');
  });

  it('jwt.<part>.not-base64url for a length base64url never has (a character lost)', () => {
    const [header, payload] = gatewayJwt.split('.');
    expect(expectError(`${header}.${payload}.abcde`, 'jwt.signature.not-base64url').message).toContain('5 characters');
  });

  it('jwt.<part>.not-json, including bytes that are not UTF-8', () => {
    const text = (value: string) => base64url.encode(value);
    expectError(`${text('not json')}.${text('{}')}.sig0`, 'jwt.header.not-json');
    expectError(`${text('{"alg":"RS256"}')}.${text('{"environmentId": ')}.sig0`, 'jwt.payload.not-json');
    const notUtf8 = expectError(`${text('{"alg":"RS256"}')}.${base64url.encode(new Uint8Array([0xff, 0xfe, 0x7b]))}.sig0`, 'jwt.payload.not-json');
    expect(notUtf8.message).toContain('not UTF-8');
  });

  it('jwt.<part>.not-object says what the JSON was instead', () => {
    expect(expectError(unsignedCompact([1], {}), 'jwt.header.not-object').message).toContain('an array');
    expect(expectError(unsignedCompact({ alg: 'RS256' }, 'text'), 'jwt.payload.not-object').message).toContain('a string');
    expect(expectError(unsignedCompact({ alg: 'RS256' }, null), 'jwt.payload.not-object').message).toContain('null');
  });

  it('jwt.access-token for a PingOne access token or ID token', async () => {
    const issuer = `https://auth.pingone.eu/${production.id}/as`;
    const accessToken = await signTestCredential({ client_id: prodWebApp.clientId, iss: issuer, scope: 'openid', sub: 'u', aud: ['https://api.pingone.eu'], env: production.id, exp: 2e9 }, { typ: 'JWT' });
    const error = expectError(accessToken, 'jwt.access-token');
    expect(error.message).toContain('This is an access token, not a credential');
    expect(error.message).toContain(production.id);
    const idToken = await signTestCredential({ iss: issuer, sub: 'u', aud: prodWebApp.clientId, exp: 2e9, auth_time: 1 });
    expect(expectError(idToken, 'jwt.access-token').message).toContain('an ID token');
  });

  it('jwt.not-a-credential lists the claims the JWT does carry', async () => {
    const error = expectError(await signTestCredential({ sub: 'someone', name: 'Some One' }), 'jwt.not-a-credential');
    expect(error.hint).toContain('sub, name');
  });

  it('json.invalid without echoing the input', () => {
    const error = expectError('{"client_secret": "s3cr3t-value", ', 'json.invalid');
    expect(`${error.message}${error.hint}`).not.toContain('s3cr3t');
  });

  it('json.unknown-shape for JSON of another shape', () => {
    expect(expectError('{"access_token": "x", "token_type": "Bearer"}', 'json.unknown-shape').hint).toContain('token response');
    expect(expectError('{"keys": []}', 'json.unknown-shape').hint).toContain('JWKS');
    expect(expectError('{"type": "okta", "config": {"client_id": "a"}}', 'json.unknown-shape').message).toContain('"okta"');
    expect(expectError('{"a": 1, "b": 2}', 'json.unknown-shape').hint).toContain('a, b');
  });

  it('json.invalid-field for a config field of the wrong type', () => {
    expect(expectError('{"type": "pingone", "config": {"client_id": 5, "ping_env_id": "x"}}', 'json.invalid-field').message).toContain('config.client_id should be string');
  });

  it('lines.conflict for two different values, never echoing secrets', () => {
    expect(expectError('Client ID: a\nClient ID: b', 'lines.conflict').message).toContain('a and b');
    const secrets = expectError('Client Secret: first-secret\nClient Secret: second-secret', 'lines.conflict');
    expect(secrets.message).not.toMatch(/first-secret|second-secret/);
    expectError(`Environment ID: ${dev.id}\nhttps://console.pingone.eu/?env=${production.id}`, 'lines.conflict');
    expectError(`Client ID: a\nhttps://console.pingone.eu/?env=${production.id}\nhttps://auth.pingone.com/${production.id}/as`, 'lines.conflict');
  });

  it('lines.no-values for labels without values', () => {
    expectError('Client ID:\nClient Secret:\nEnvironment ID:', 'lines.no-values');
  });

  it('every code except the safety net is reachable, and every code seen is listed', () => {
    const reachable = READ_ERROR_CODES.filter((code) => code !== 'read.internal-error');
    expect([...seenCodes].sort()).toEqual([...reachable].sort());
  });
});
