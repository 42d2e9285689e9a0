// @vitest-environment node
/**
 * The runner's logic against an in-process fake PingOne: a `fetch` that answers with real `Response`s the way
 * PingOne does (discovery per region, RFC 6749 token errors, API 401/403). The built extension against the HTTPS fake
 * is covered by test/e2e/connection.spec.ts; this file covers every verdict, timeouts, cancel and redaction.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client, ENVIRONMENTS, environment, type FakeClient } from '../../test/fixtures/environments';
import { readCredential } from '../credential';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import type { Credential } from '../credential/types';
import { basicAuthorization } from './client-auth-step';
import { runConnectionTest, type ConnectionReport, type ConnectionTestOptions } from './index';
import { step, verdicts } from '../../test/fixtures/connection-report';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  init: RequestInit | undefined;
}

type HostBehaviour = 'hang' | 'hang-ignoring-signal' | 'refuse';

interface FakeOptions {
  hosts?: Record<string, HostBehaviour>;
  /** Clients whose Token Endpoint Authentication Method is client_secret_post. */
  postOnly?: string[];
  /** Answer instead of the fake's own logic when it returns a Response. */
  override?: (seen: Seen) => Response | undefined;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function formValue(encoded: string): string {
  return new URLSearchParams(`v=${encoded}`).get('v') ?? '';
}

/** A fake PingOne behind `fetch`, following lib/connection/README.md. */
function fakePingOne(options: FakeOptions = {}) {
  const requests: Seen[] = [];
  const tokens = new Map<string, { envId: string; client: FakeClient }>();
  const hanging = new Map<string, () => void>();
  const hangingSeen = new Map<string, Promise<void>>();
  /** Resolves once a request to `host` is being held without an answer. */
  const whenHanging = (host: string) => {
    if (!hangingSeen.has(host)) hangingSeen.set(host, new Promise<void>((resolve) => hanging.set(host, resolve)));
    return hangingSeen.get(host) as Promise<void>;
  };

  const answer = (seen: Seen): Response => {
    const url = new URL(seen.url);
    const [, envId, as, ...rest] = url.pathname.split('/');
    const auth = /^auth\.pingone\.(.+)$/.exec(url.hostname);
    const api = /^api\.pingone\.(.+)$/.exec(url.hostname);
    if (auth && as === 'as') {
      const env = ENVIRONMENTS.find((candidate) => candidate.id === envId && candidate.tld === auth[1]);
      if (!env) return json(404, { code: 'NOT_FOUND', message: 'The requested resource was not found.' });
      const issuer = `https://${url.hostname}/${env.id}/as`;
      if (rest.join('/') === '.well-known/openid-configuration') return json(200, { issuer, token_endpoint: `${issuer}/token` });
      if (rest.join('/') === 'token' && seen.method === 'POST') {
        const form = new URLSearchParams(seen.body);
        const basic = seen.headers.get('authorization');
        let id: string | undefined;
        let secret: string | undefined;
        let method: 'basic' | 'post' | undefined;
        if (basic?.startsWith('Basic ')) {
          const [encodedId = '', encodedSecret = ''] = atob(basic.slice(6)).split(':');
          [id, secret, method] = [formValue(encodedId), formValue(encodedSecret), 'basic'];
        } else if (form.has('client_secret')) {
          [id, secret, method] = [form.get('client_id') ?? '', form.get('client_secret') ?? '', 'post'];
        }
        const found = env.clients.find((candidate) => candidate.clientId === id);
        const methodAllowed = method === (options.postOnly?.includes(id ?? '') ? 'post' : 'basic');
        if (!found || found.clientSecret !== secret || !methodAllowed) {
          return json(401, { error: 'invalid_client', error_description: 'Request denied: Invalid client credentials' });
        }
        if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
        if (found.role === 'web-app') {
          return json(400, { error: 'unauthorized_client', error_description: 'Request denied: Unsupported grant type (Correlation ID: x)' });
        }
        const token = `tok-${crypto.randomUUID()}`;
        tokens.set(token, { envId: env.id, client: found });
        return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
    }
    if (api && url.pathname.startsWith('/v1/environments/')) {
      const env = ENVIRONMENTS.find((candidate) => candidate.id === url.pathname.split('/')[3] && candidate.tld === api[1]);
      const token = tokens.get(seen.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
      if (!token) return json(401, { code: 'ACCESS_FAILED', message: 'The request could not be completed. Access denied.' });
      if (!env || token.envId !== env.id) return json(403, { code: 'ACCESS_FAILED', message: 'Actor does not have permissions' });
      if (token.client.role !== 'worker') return json(403, { code: 'ACCESS_FAILED', message: 'Actor does not have permissions' });
      return json(200, { id: env.id, name: env.name, region: env.tld === 'eu' ? 'EU' : 'NA' });
    }
    return json(404, { code: 'NOT_FOUND' });
  };

  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const seen: Seen = { method: request.method, url: request.url, headers: request.headers, body: await request.text(), init };
    requests.push(seen);
    const host = new URL(seen.url).hostname;
    const behaviour = options.hosts?.[host];
    if (behaviour === 'refuse') throw new TypeError('fetch failed');
    if (behaviour === 'hang-ignoring-signal') return new Promise<Response>(() => {});
    if (behaviour === 'hang') {
      void whenHanging(host);
      hanging.get(host)?.();
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (!signal) return;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    return options.override?.(seen) ?? answer(seen);
  }) as typeof fetch;

  return { fetch: fetchImpl, requests, tokens: () => [...tokens.keys()], whenHanging };
}

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(`test credential unreadable: ${result.error.message}`);
  return result.credential;
}

function oidcApp(key: 'dev' | 'staging' | 'production', role: FakeClient['role'], secret?: string, extraLines = ''): Credential {
  const found = client(key, role);
  return read(`Client ID: ${found.clientId}\nClient Secret: ${secret ?? found.clientSecret}\nEnvironment ID: ${environment(key).id}${extraLines}`);
}

async function run(credential: Credential, fake = fakePingOne(), options: Partial<ConnectionTestOptions> = {}) {
  const updates: ConnectionReport[] = [];
  const report = await runConnectionTest(credential, {
    fingerprint: 'fp-test',
    fetch: fake.fetch,
    onUpdate: (update) => updates.push(update),
    ...options,
  });
  return { report, updates, fake };
}

describe('successful tests', () => {
  it('a product credential in com: environment found, token issued, environment read with a matching name', async () => {
    const dev = environment('dev');
    const { report, updates, fake } = await run(read(await signTestCredential(productClaims('dev'))));
    expect(verdicts(report)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
    expect(report.region).toEqual({ tld: 'com', name: 'North America', source: 'credential' });
    expect(step(report, 'environment').message).toBe('Environment found in North America (auth.pingone.com), with the expected issuer.');
    expect(step(report, 'environment-read').message).toContain(`“${dev.name}” matches the credential`);
    expect(fake.requests.map((seen) => `${seen.method} ${seen.url}`).sort()).toEqual([
      `GET https://api.pingone.com/v1/environments/${dev.id}`,
      `GET https://auth.pingone.com/${dev.id}/as/.well-known/openid-configuration`,
      `POST https://auth.pingone.com/${dev.id}/as/token`,
    ]);
    for (const s of report.steps) expect(typeof s.durationMs).toBe('number');
    expect(report.finishedAt).toBeGreaterThanOrEqual(report.startedAt);
    expect(updates[0]?.steps.map((s) => s.verdict)).toEqual(['running', 'running', 'running']);
    expect(updates.at(-1)).toEqual(report);
  });

  it('an OIDC app worker in eu (region from its issuer line) passes all three steps against the eu hosts', async () => {
    const production = environment('production');
    const credential = oidcApp('production', 'worker', undefined, `\nIssuer: https://auth.pingone.eu/${production.id}/as`);
    const { report, fake } = await run(credential);
    expect(verdicts(report)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
    expect(step(report, 'environment-read').message).toBe(`This application can read the environment “${production.name}”.`);
    expect(fake.requests.every((seen) => /^https:\/\/(auth|api)\.pingone\.eu\//.test(seen.url))).toBe(true);
  });

  it('sends client_secret_basic with the id and secret form-urlencoded before base64 (RFC 6749 §2.3.1)', async () => {
    expect(basicAuthorization('a b', 'x:y+z/é')).toBe(`Basic ${btoa('a+b:x%3Ay%2Bz%2F%C3%A9')}`);
    const worker = client('dev', 'worker');
    const { fake } = await run(oidcApp('dev', 'worker'));
    const token = fake.requests.find((seen) => seen.url.endsWith('/token'));
    expect(token?.headers.get('authorization')).toBe(basicAuthorization(worker.clientId, worker.clientSecret));
    expect(token?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(token?.body).toBe('grant_type=client_credentials');
  });

  it('falls back to client_secret_post when basic is answered with invalid_client', async () => {
    const worker = client('dev', 'worker');
    const { report, fake } = await run(oidcApp('dev', 'worker'), fakePingOne({ postOnly: [worker.clientId] }));
    const auth = step(report, 'client-auth');
    expect(auth.verdict).toBe('pass');
    expect(auth.message).toContain('client_secret_post');
    expect(auth.request).toContain('client_secret_basic, then client_secret_post');
    const tokenRequests = fake.requests.filter((seen) => seen.url.endsWith('/token'));
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[1]?.headers.get('authorization')).toBeNull();
    expect(new URLSearchParams(tokenRequests[1]?.body).get('client_id')).toBe(worker.clientId);
    expect(step(report, 'environment-read').verdict).toBe('pass');
  });

  it('fetches with credentials omitted, redirects refused and no cache', async () => {
    const { fake } = await run(oidcApp('dev', 'worker'));
    expect(fake.requests).toHaveLength(3);
    for (const seen of fake.requests) {
      expect(seen.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
    }
  });
});

describe('verdicts', () => {
  it('wrong secret: invalid_client after basic and post, and no environment read', async () => {
    const { report, fake } = await run(oidcApp('dev', 'worker', 'not-the-secret'));
    const auth = step(report, 'client-auth');
    expect(auth.verdict).toBe('fail');
    expect(auth.httpStatus).toBe(401);
    expect(auth.message).toBe(
      'PingOne does not accept this client ID and secret (invalid_client), sent by client_secret_basic, then by client_secret_post. PingOne said: “Request denied: Invalid client credentials”',
    );
    expect(fake.requests.filter((seen) => seen.url.endsWith('/token'))).toHaveLength(2);
    expect(step(report, 'environment-read')).toMatchObject({ verdict: 'skipped', message: expect.stringContaining('client authentication gave none') });
    expect(fake.requests.some((seen) => seen.url.includes('api.pingone'))).toBe(false);
  });

  it('basic and post both refused: the first refusal’s description is said, not the retry’s, and a JWT-based method is named', async () => {
    // An application whose method is Client Secret JWT: each secret-sending attempt is refused, the retry for its method.
    const fake = fakePingOne({
      override: (seen) => {
        if (!seen.url.endsWith('/token')) return undefined;
        return seen.headers.has('authorization')
          ? json(401, { error: 'invalid_client', error_description: 'Request denied: the application requires a signed client assertion' })
          : json(401, { error: 'invalid_client', error_description: 'Request denied: Unsupported authentication method' });
      },
    });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    const auth = step(report, 'client-auth');
    expect(auth).toMatchObject({ verdict: 'fail', httpStatus: 401 });
    expect(auth.message).toBe(
      'PingOne does not accept this client ID and secret (invalid_client), sent by client_secret_basic, then by client_secret_post. PingOne said: “Request denied: the application requires a signed client assertion”',
    );
    expect(auth.message).not.toContain('Unsupported authentication method');
    expect(auth.hint).toContain('Client Secret JWT or Private Key JWT, which a secret copied into a console cannot serve');
    expect(auth.request).toContain('client_secret_basic, then client_secret_post');
  });

  it('basic refused and post accepted: no both-refused verdict', async () => {
    const { report } = await run(oidcApp('dev', 'worker'), fakePingOne({ postOnly: [client('dev', 'worker').clientId] }));
    expect(step(report, 'client-auth').message).toBe('PingOne issued a token for this client with client_secret_post (client_secret_basic was refused).');
  });

  it('a refusal because of the Origin header says it is about the origin, not the secret', async () => {
    // oidc-provider's default clientBasedCORS answer to a token request carrying a foreign Origin.
    const fake = fakePingOne({
      override: (seen) =>
        seen.url.endsWith('/token')
          ? json(400, { error: 'invalid_request', error_description: `origin chrome-extension://abc not allowed for client: ${client('dev', 'worker').clientId}` })
          : undefined,
    });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    const auth = step(report, 'client-auth');
    expect(auth).toMatchObject({ verdict: 'fail', httpStatus: 400 });
    expect(auth.message).toMatch(/^PingOne refused the request because of its Origin header, not the client ID and secret \(invalid_request\)\. PingOne said: “origin chrome-extension:\/\/abc not allowed/);
    expect(auth.hint).toContain('A console’s server sends none');
    // Only basic was tried: the refusal was not invalid_client, so the secret was never judged.
    expect(fake.requests.filter((seen) => seen.url.endsWith('/token'))).toHaveLength(1);
  });

  it('a web app (no client_credentials grant) is authenticated: pass with the reason, environment read not run', async () => {
    const { report } = await run(oidcApp('dev', 'web-app'));
    const auth = step(report, 'client-auth');
    expect(auth).toMatchObject({ verdict: 'pass', httpStatus: 400 });
    expect(auth.message).toContain('may not use the client-credentials grant (unauthorized_client)');
    expect(auth.hint).toContain('normal for an OIDC web app');
    expect(step(report, 'environment-read')).toMatchObject({ verdict: 'skipped', message: expect.stringContaining('gets no token by client credentials') });
  });

  it('a product credential refused the grant is a warning: its worker needs client credentials', async () => {
    const webApp = client('dev', 'web-app');
    const credential = read(await signTestCredential(productClaims('dev', { clientId: webApp.clientId, clientSecret: webApp.clientSecret })));
    const { report } = await run(credential);
    expect(step(report, 'client-auth')).toMatchObject({ verdict: 'warn', hint: expect.stringContaining('enable the Client Credentials grant') });
  });

  it('a client without a role: token issued, environment read 403 is a warning about roles', async () => {
    const { report } = await run(oidcApp('dev', 'worker-without-role'));
    expect(step(report, 'client-auth').verdict).toBe('pass');
    const envRead = step(report, 'environment-read');
    expect(envRead).toMatchObject({ verdict: 'warn', httpStatus: 403 });
    expect(envRead.message).toContain('no role that may read the environment');
  });

  it('a rejected token (401) on the API host fails', async () => {
    const fake = fakePingOne({ override: (seen) => (seen.url.includes('api.pingone') ? json(401, { code: 'ACCESS_FAILED', message: 'Access denied.' }) : undefined) });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    expect(step(report, 'environment-read')).toMatchObject({ verdict: 'fail', httpStatus: 401, message: 'api.pingone.com rejected the token. PingOne said: “ACCESS_FAILED: Access denied.”' });
  });

  it('a name that differs from the credential’s environmentName is a warning naming both', async () => {
    const credential = read(await signTestCredential(productClaims('dev', { environmentName: 'Acme Old Name' })));
    const { report } = await run(credential);
    expect(step(report, 'environment-read')).toMatchObject({
      verdict: 'warn',
      message: 'PingOne calls this environment “Acme Dev”, but the credential says “Acme Old Name”.',
    });
  });

  it('wrong region chosen: not found there (404), with a hint to check the region and the choice named', async () => {
    const { report, fake } = await run(read(await signTestCredential(productClaims('dev'))), fakePingOne(), { regionTld: 'eu' });
    expect(report.region).toEqual({ tld: 'eu', name: 'Europe', source: 'chosen' });
    const env = step(report, 'environment');
    expect(env).toMatchObject({ verdict: 'fail', httpStatus: 404, message: 'This environment was not found in Europe (auth.pingone.eu).' });
    expect(env.hint).toContain('You chose Europe; the credential itself names North America.');
    expect(env.hint).toContain('the wrong region is the most common cause');
    expect(step(report, 'client-auth')).toMatchObject({ verdict: 'fail', httpStatus: 404 });
    expect(fake.requests.every((seen) => new URL(seen.url).hostname === 'auth.pingone.eu')).toBe(true);
  });

  it('credential claims say eu but the environment is in com: not found in Europe', async () => {
    const credential = read(
      await signTestCredential(productClaims('dev', { authUrl: 'https://auth.pingone.eu', consoleUrl: 'https://console.pingone.eu' })),
    );
    const { report } = await run(credential);
    expect(report.region?.source).toBe('credential');
    expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', message: 'This environment was not found in Europe (auth.pingone.eu).' });
  });

  it('no region in the credential: North America assumed, said on the environment step', async () => {
    const { report } = await run(oidcApp('dev', 'worker'));
    expect(report.region).toEqual({ tld: 'com', name: 'North America', source: 'assumed' });
    expect(step(report, 'environment').hint).toContain('was assumed');
  });

  it('an issuer other than the region table’s fails', async () => {
    const fake = fakePingOne({ override: (seen) => (seen.url.includes('openid-configuration') ? json(200, { issuer: 'https://evil.test/as' }) : undefined) });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    const env = step(report, 'environment');
    expect(env.verdict).toBe('fail');
    expect(env.message).toContain('names a different issuer than https://auth.pingone.com/');
    expect(JSON.stringify(report)).not.toContain('evil.test');
  });

  it('a 200 that is not an OpenID configuration fails', async () => {
    const fake = fakePingOne({ override: (seen) => (seen.url.includes('openid-configuration') ? new Response('<html>portal</html>', { status: 200 }) : undefined) });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', message: 'auth.pingone.com answered, but not with an OpenID configuration.' });
    expect(JSON.stringify(report)).not.toContain('<html>');
  });

  it('another OAuth error is shown with PingOne’s error_description', async () => {
    const fake = fakePingOne({ override: (seen) => (seen.url.endsWith('/token') ? json(400, { error: 'invalid_scope', error_description: 'No scopes\nallowed' }) : undefined) });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    expect(step(report, 'client-auth')).toMatchObject({ verdict: 'fail', httpStatus: 400, message: 'PingOne refused the token request (invalid_scope). PingOne said: “No scopes allowed”' });
  });

  it('a gateway credential: environment step and the PingAccess note, no token request', async () => {
    const { report, fake } = await run(read(await signTestCredential(gatewayClaims('production'))));
    expect(verdicts(report)).toEqual({ environment: 'pass', 'gateway-note': 'info' });
    const note = step(report, 'gateway-note');
    expect(note.message).toContain('PingAccess and PingFederate validate the credential itself when you save');
    expect(note.hint).toContain('GET /pa-admin-api/v3/pingone/connections/{id}/metadata');
    expect(note.hint).toContain('credentialStatus');
    expect(fake.requests.map((seen) => seen.url)).toEqual([`https://auth.pingone.eu/${environment('production').id}/as/.well-known/openid-configuration`]);
  });

  it('an OIDC app without a secret: environment only, client steps skipped with the reason', async () => {
    const worker = client('dev', 'worker');
    const { report, fake } = await run(read(`Client ID: ${worker.clientId}\nEnvironment ID: ${environment('dev').id}`));
    expect(verdicts(report)).toEqual({ environment: 'pass', 'client-auth': 'skipped', 'environment-read': 'skipped' });
    expect(fake.requests).toHaveLength(1);
  });

  it('no UUID environment id: one failed step, no request at all', async () => {
    const { report, fake } = await run(read('Client ID: abc\nClient Secret: s3cr3t-value\nEnvironment ID: not-a-uuid'));
    expect(report.steps).toHaveLength(1);
    expect(step(report, 'environment').verdict).toBe('fail');
    expect(report.finishedAt).toBeDefined();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('timeouts, network failures and cancel', () => {
  it('a host that never answers: timeout verdict naming the timeout, the dependent step not run', async () => {
    const fake = fakePingOne({ hosts: { 'auth.pingone.com': 'hang' } });
    const { report } = await run(oidcApp('dev', 'worker'), fake, { stepTimeoutMs: 60 });
    expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', message: 'auth.pingone.com did not answer within 0.06 s.' });
    expect(step(report, 'client-auth')).toMatchObject({ verdict: 'fail', message: 'auth.pingone.com did not answer within 0.06 s.' });
    expect(step(report, 'environment-read').verdict).toBe('skipped');
  });

  it('the timeout holds even when fetch ignores its abort signal', async () => {
    const fake = fakePingOne({ hosts: { 'auth.pingone.com': 'hang-ignoring-signal' } });
    const { report } = await run(oidcApp('dev', 'worker'), fake, { stepTimeoutMs: 60 });
    expect(step(report, 'environment').message).toBe('auth.pingone.com did not answer within 0.06 s.');
  });

  describe('on a fake clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('only the slow host times out: a hanging API host fails the read, the rest passes', async () => {
      // The clock stands still until the API request hangs, so the steps that answer can never run out of time.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const fake = fakePingOne({ hosts: { 'api.pingone.com': 'hang' } });
      let environmentSettled!: () => void;
      const environmentDone = new Promise<void>((resolve) => (environmentSettled = resolve));
      const done = runConnectionTest(oidcApp('dev', 'worker'), {
        fingerprint: 'fp-test',
        fetch: fake.fetch,
        onUpdate: (update) => {
          if (step(update, 'environment').verdict !== 'running') environmentSettled();
        },
      });
      await Promise.all([fake.whenHanging('api.pingone.com'), environmentDone]);
      await vi.advanceTimersByTimeAsync(8000);
      const report = await done;
      expect(verdicts(report)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'fail' });
      expect(step(report, 'environment-read').message).toBe('api.pingone.com did not answer within 8 s.');
    });
  });

  it('connection refused: unreachable', async () => {
    const fake = fakePingOne({ hosts: { 'auth.pingone.com': 'refuse' } });
    const { report } = await run(oidcApp('dev', 'worker'), fake);
    expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', message: 'Could not reach auth.pingone.com: the connection failed before any answer.' });
    expect(step(report, 'client-auth').verdict).toBe('fail');
  });

  it('cancel while waiting: every running step ends skipped as cancelled, and the promise resolves', async () => {
    const controller = new AbortController();
    const fake = fakePingOne({ hosts: { 'auth.pingone.com': 'hang' } });
    const done = run(oidcApp('dev', 'worker'), fake, {
      signal: controller.signal,
      onUpdate: (update) => {
        if (update.steps.every((s) => s.verdict === 'running')) queueMicrotask(() => controller.abort());
      },
    });
    const { report } = await done;
    expect(verdicts(report)).toEqual({ environment: 'skipped', 'client-auth': 'skipped', 'environment-read': 'skipped' });
    expect(step(report, 'environment').message).toBe('Cancelled before PingOne answered.');
    expect(step(report, 'environment-read').message).toBe('Cancelled before PingOne answered.');
  });

  it('already cancelled: no request is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const { report, fake } = await run(oidcApp('dev', 'worker'), fakePingOne(), { signal: controller.signal });
    expect(fake.requests).toHaveLength(0);
    expect(report.steps.every((s) => s.verdict === 'skipped')).toBe(true);
  });

  it('never rejects: a throwing listener and a fetch that throws a non-error still give a finished report', async () => {
    const throwingFetch = (async () => {
      throw 'not an error object';
    }) as unknown as typeof fetch;
    const report = await runConnectionTest(oidcApp('dev', 'worker'), {
      fingerprint: 'fp',
      fetch: throwingFetch,
      onUpdate: () => {
        throw new Error('listener broke');
      },
    });
    expect(report.finishedAt).toBeDefined();
    expect(step(report, 'environment').verdict).toBe('fail');
  });
});

describe('no secret in any report', () => {
  const allText = (reports: ConnectionReport[]) => JSON.stringify(reports);

  it('neither secret, token, Basic value nor raw credential appears in any update, for every outcome', async () => {
    const product = read(await signTestCredential(productClaims('dev')));
    const cases: { credential: Credential; fake: ReturnType<typeof fakePingOne> }[] = [
      { credential: product, fake: fakePingOne() },
      { credential: oidcApp('production', 'worker'), fake: fakePingOne() },
      { credential: oidcApp('dev', 'worker-without-role'), fake: fakePingOne() },
      { credential: oidcApp('dev', 'worker', 'wrong-secret-value-123'), fake: fakePingOne() },
      { credential: oidcApp('dev', 'web-app'), fake: fakePingOne() },
    ];
    for (const { credential, fake } of cases) {
      const { report, updates } = await run(credential, fake);
      const text = allText([...updates, report]);
      expect(credential.clientSecret && text.includes(credential.clientSecret)).toBe(false);
      expect(text.includes(credential.raw)).toBe(false);
      expect(text).not.toMatch(/Basic \S|Bearer \S|Authorization:/i);
      if (credential.clientId && credential.clientSecret) {
        expect(text.includes(basicAuthorization(credential.clientId, credential.clientSecret).slice('Basic '.length))).toBe(false);
      }
      for (const token of fake.tokens()) expect(text.includes(token)).toBe(false);
    }
  });

  /**
   * A PingOne that issues a fresh token, then answers every API read with a 500 whose body `echo` writes from the
   * request and that token; `issued()` is the token, once issued.
   */
  const echoingApi = (echo: (seen: Seen, token: string) => Record<string, unknown>) => {
    let issued = '';
    const fake = fakePingOne({
      override: (seen) => {
        if (seen.url.endsWith('/token')) {
          issued = `tok-echo-${crypto.randomUUID()}`;
          return json(200, { access_token: issued });
        }
        return seen.url.includes('api.pingone') ? json(500, echo(seen, issued)) : undefined;
      },
    });
    return { fake, issued: () => issued };
  };

  it('a server that echoes the secret and the token back in its error text is redacted', async () => {
    const credential = oidcApp('dev', 'worker');
    const secret = credential.clientSecret ?? '';
    const { fake, issued } = echoingApi((seen) => ({ code: 'SERVER', message: `failed for ${seen.headers.get('authorization')} and ${secret}` }));
    const { report, updates } = await run(credential, fake);
    const text = allText([...updates, report]);
    expect(step(report, 'environment-read').message).toContain('[redacted]');
    expect(text.includes(secret)).toBe(false);
    expect(text.includes(issued())).toBe(false);
    const description = fakePingOne({
      override: (seen) => (seen.url.endsWith('/token') ? json(400, { error: 'invalid_request', error_description: `bad secret ${encodeURIComponent(secret)}!` }) : undefined),
    });
    const second = await run(credential, description);
    expect(allText([...second.updates, second.report]).includes(secret)).toBe(false);
  });

  /** Every piece of `secret` at least 8 characters long that appears in `text`. */
  const fragmentsIn = (text: string, secret: string) => {
    const found: string[] = [];
    for (let start = 0; start + 8 <= secret.length; start++) {
      const piece = secret.slice(start, start + 8);
      if (text.includes(piece)) found.push(piece);
    }
    return found;
  };

  // pingone-text.ts cuts PingOne's text at 300 characters; these secrets straddle that cut.
  const STRADDLE = 300 - 10;

  it('a secret echoed across the 300-character cut leaves no fragment of 8 characters or more', async () => {
    const credential = oidcApp('dev', 'worker');
    const secret = credential.clientSecret ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const fake = fakePingOne({
      override: (seen) =>
        seen.url.endsWith('/token') ? json(400, { error: 'invalid_request', error_description: `${'x'.repeat(STRADDLE)}${secret} was refused` }) : undefined,
    });
    const { report, updates } = await run(credential, fake);
    expect(step(report, 'client-auth').message).toContain('[redacted]');
    expect(fragmentsIn(allText([...updates, report]), secret)).toEqual([]);
  });

  it('the raw credential and the token echoed across the cut leave no fragment either', async () => {
    const credential = read(await signTestCredential(productClaims('dev')));
    const { fake, issued } = echoingApi((_seen, token) => ({ message: `${'y'.repeat(STRADDLE)}${token} ${credential.raw}` }));
    const { report, updates } = await run(credential, fake);
    const text = allText([...updates, report]);
    expect(step(report, 'environment-read').message).toContain('[redacted]');
    expect(fragmentsIn(text, issued())).toEqual([]);
    expect(fragmentsIn(text, credential.raw)).toEqual([]);
  });
});
