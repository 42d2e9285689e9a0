/**
 * The connection test on the BUILT extension, through its real background path: an extension page (popup.html in a
 * tab, ./extension-page.ts) puts the credential in the vault as lib/vault.ts stores it and sends `connection.start`,
 * as the popup does; the service worker runs the test against the fake PingOne over HTTPS at PingOne's real host
 * names (--host-resolver-rules), and the report is read back from storage.session where the popup finds it.
 * auth.pingone.sg is mapped to a server that never answers and auth.pingone.ca to a closed port
 * (test/fixtures/environments.ts), so timeout and "PingOne down" are real network behaviour.
 */
import { step, verdicts } from '../fixtures/connection-report';
import type { ConnectionReport } from '../../lib/connection/types';
import { productClaims, signTestCredential } from '../fixtures/credentials';
import type { RegionTld } from '../../lib/regions';
import { client, environment } from '../fixtures/environments';
import type { RecordedRequest } from '../fixtures/server';
import { createSamples, type Samples } from '../fixtures/samples';
import { ExtensionPage } from './extension-page';
import { expect, test, type LaunchedExtension } from './harness';

let samples: Samples;
test.beforeAll(async () => {
  samples = await createSamples();
});

/** Puts `text` in the vault from a new extension page, starts the test there, and waits for the finished report. */
async function testConnection(extension: LaunchedExtension, text: string, regionTld?: RegionTld): Promise<ConnectionReport> {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setCredential(text);
  return extensionPage.testConnection(regionTld);
}

/** The fixture server is shared by the tests of this file: look only at what arrived from `from` on. */
function since(requests: RecordedRequest[], from: number) {
  return requests.filter((request) => request.at >= from).map((request) => `${request.method} ${request.host}${request.path}`);
}

function workerLines(key: 'dev' | 'production', options: { secret?: string; issuerTld?: RegionTld } = {}) {
  const env = environment(key);
  const worker = client(key, 'worker');
  return [
    `Client ID: ${worker.clientId}`,
    `Client Secret: ${options.secret ?? worker.clientSecret}`,
    `Environment ID: ${env.id}`,
    `Issuer: https://auth.pingone.${options.issuerTld ?? env.tld}/${env.id}/as`,
  ].join('\n');
}

test('a product credential (com) passes all three steps, streamed to the page and kept by fingerprint', async ({ extension, fixtures }) => {
  const extensionPage = await ExtensionPage.open(extension);
  const dev = environment('dev');
  await extensionPage.page.evaluate(() => {
    (globalThis as { updates?: unknown[] }).updates = [];
    chrome.runtime.onMessage.addListener((message: { type?: string; report?: unknown }) => {
      if (message.type === 'connection.update') (globalThis as { updates?: unknown[] }).updates?.push(message.report);
    });
  });
  const t0 = Date.now();
  await extensionPage.setCredential(samples.productDev.text);
  const report = await extensionPage.testConnection();
  expect(verdicts(report), JSON.stringify(report.steps, null, 1)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
  expect(report.region).toEqual({ tld: 'com', name: 'North America', source: 'credential' });
  expect(step(report, 'environment-read').message).toContain(`“${dev.name}” matches the credential`);
  expect(since(fixtures.requests, t0).sort()).toEqual([
    `GET api.pingone.com/v1/environments/${dev.id}`,
    `GET auth.pingone.com/${dev.id}/as/.well-known/openid-configuration`,
    `POST auth.pingone.com/${dev.id}/as/token`,
  ]);
  const updates = (await extensionPage.page.evaluate(() => (globalThis as { updates?: unknown[] }).updates)) as ConnectionReport[];
  expect(updates.some((update) => update.steps.some((s) => s.verdict === 'running'))).toBe(true);
  expect(updates.at(-1)).toEqual(report);
});

test('PingOne is asked as a console’s server asks: no Origin header and no cookies, and oidc-provider’s default origin policy lets the token request through', async ({ extension, fixtures }) => {
  // A cookie the browser holds for PingOne's hosts: a request sent with the browser's credentials would carry it.
  await extension.context.addCookies(
    ['auth.pingone.com', 'api.pingone.com'].map((domain) => ({ name: 'ST', value: 'browser-session', domain, path: '/', secure: true, sameSite: 'None' as const })),
  );
  const t0 = Date.now();
  const report = await testConnection(extension, samples.workerDevLines.text);
  expect(verdicts(report), JSON.stringify(report.steps, null, 1)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
  const sent = fixtures.requests.filter((request) => request.at >= t0 && request.host.endsWith('.pingone.com'));
  expect(sent.map((request) => `${request.method} ${request.host}`).sort()).toEqual(['GET api.pingone.com', 'GET auth.pingone.com', 'POST auth.pingone.com']);
  for (const request of sent) {
    expect(request.headers.origin, `${request.method} ${request.path}`).toBeUndefined();
    expect(request.headers.cookie, `${request.method} ${request.path}`).toBeUndefined();
  }
});

test('twin: without the worker’s rule the token request carries the extension’s Origin, the default policy refuses it, and the verdict says the origin, not the secret', async ({ extension, fixtures }) => {
  // The rule the worker added at start (lib/background/no-origin-rule.ts), removed as a browser without it would be.
  const rules = await extension.serviceWorker.evaluate(async () => {
    const before = await chrome.declarativeNetRequest.getSessionRules();
    await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: before.map((rule) => rule.id) });
    return before;
  });
  expect(rules).toHaveLength(1);
  expect(rules[0]?.condition.initiatorDomains).toEqual([extension.extensionId]);
  const t0 = Date.now();
  const report = await testConnection(extension, samples.workerDevLines.text);
  const token = fixtures.requests.find((request) => request.at >= t0 && request.path.endsWith('/as/token'));
  expect(token?.headers.origin).toBe(`chrome-extension://${extension.extensionId}`);
  const auth = step(report, 'client-auth');
  expect(auth).toMatchObject({ verdict: 'fail', httpStatus: 400 });
  expect(auth.message).toMatch(/^PingOne refused the request because of its Origin header, not the client ID and secret \(invalid_request\)\. PingOne said: “origin chrome-extension:\/\/[a-p]{32} not allowed for client/);
});

test('an OIDC worker app (com) passes all three steps', async ({ extension }) => {
  const report = await testConnection(extension, samples.workerDevLines.text);
  expect(verdicts(report), JSON.stringify(report.steps, null, 1)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
  expect(step(report, 'client-auth').message).toBe('PingOne issued a token for this client (client_secret_basic).');
});

test('an OIDC worker app (eu) passes all three steps against the eu hosts only', async ({ extension, fixtures }) => {
  const production = environment('production');
  const t0 = Date.now();
  const report = await testConnection(extension, workerLines('production'));
  expect(verdicts(report), JSON.stringify(report.steps, null, 1)).toEqual({ environment: 'pass', 'client-auth': 'pass', 'environment-read': 'pass' });
  expect(report.region).toEqual({ tld: 'eu', name: 'Europe', source: 'credential' });
  expect(step(report, 'environment-read').message).toBe(`This application can read the environment “${production.name}”.`);
  const hosts = new Set(fixtures.requests.filter((request) => request.at >= t0).map((request) => request.host));
  expect([...hosts].sort()).toEqual(['api.pingone.eu', 'auth.pingone.eu']);
});

test('a wrong secret: invalid_client with basic and then post, and no environment read', async ({ extension, fixtures }) => {
  const t0 = Date.now();
  const report = await testConnection(extension, workerLines('dev', { secret: 'not-the-real-secret-0000' }));
  const auth = step(report, 'client-auth');
  expect(auth).toMatchObject({ verdict: 'fail', httpStatus: 401 });
  expect(auth.message).toMatch(/^PingOne does not accept this client ID and secret \(invalid_client\), sent by client_secret_basic, then by client_secret_post\./);
  expect(step(report, 'environment-read').verdict).toBe('skipped');
  const tokenRequests = fixtures.requests.filter((request) => request.at >= t0 && request.path.endsWith('/as/token'));
  expect(tokenRequests).toHaveLength(2);
  expect(tokenRequests[0]?.headers.authorization).toMatch(/^Basic /);
  expect(tokenRequests[1]?.headers.authorization).toBeUndefined();
  expect(new URLSearchParams(tokenRequests[1]?.body).get('client_id')).toBe(client('dev', 'worker').clientId);
  expect(fixtures.requests.some((request) => request.at >= t0 && request.host.startsWith('api.'))).toBe(false);
});

test('wrong region chosen (eu for a com environment): not found in Europe, with the region hint', async ({ extension }) => {
  const report = await testConnection(extension, samples.productDev.text, 'eu');
  expect(report.region).toEqual({ tld: 'eu', name: 'Europe', source: 'chosen' });
  const env = step(report, 'environment');
  expect(env).toMatchObject({ verdict: 'fail', httpStatus: 404, message: 'This environment was not found in Europe (auth.pingone.eu).' });
  expect(env.hint).toContain('You chose Europe; the credential itself names North America.');
  expect(env.hint).toContain('the wrong region is the most common cause');
  expect(step(report, 'client-auth')).toMatchObject({ verdict: 'fail', httpStatus: 404 });
});

test('a credential whose region claims say eu for a com environment: not found in Europe', async ({ extension }) => {
  const text = await signTestCredential(productClaims('dev', { authUrl: 'https://auth.pingone.eu', consoleUrl: 'https://console.pingone.eu' }));
  const report = await testConnection(extension, text);
  expect(report.region).toEqual({ tld: 'eu', name: 'Europe', source: 'credential' });
  expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', httpStatus: 404, message: 'This environment was not found in Europe (auth.pingone.eu).' });
});

test('a client without a role: token issued, environment read 403 warns about roles', async ({ extension }) => {
  const report = await testConnection(extension, samples.workerWithoutRoleDevLines.text);
  expect(step(report, 'client-auth').verdict).toBe('pass');
  const read = step(report, 'environment-read');
  expect(read).toMatchObject({ verdict: 'warn', httpStatus: 403 });
  expect(read.message).toContain('no role that may read the environment');
});

test('a web-app client (Cloudflare JSON): authenticated, grant not allowed, which is normal for it', async ({ extension }) => {
  const report = await testConnection(extension, samples.webAppDevCloudflareJson.text);
  // Cloudflare's JSON names no region: North America is assumed, and the report says so.
  expect(report.region).toEqual({ tld: 'com', name: 'North America', source: 'assumed' });
  expect(step(report, 'environment').verdict).toBe('pass');
  const auth = step(report, 'client-auth');
  expect(auth).toMatchObject({ verdict: 'pass', httpStatus: 400 });
  expect(auth.message).toBe('The client ID and secret are right, but this application may not use the client-credentials grant (unauthorized_client).');
  expect(auth.hint).toContain('normal for an OIDC web app');
  expect(step(report, 'environment-read').verdict).toBe('skipped');
});

test('a server that never answers (auth.pingone.sg): timeout verdicts at the default 8 s', async ({ extension }) => {
  const report = await testConnection(extension, workerLines('dev', { issuerTld: 'sg' }));
  expect(report.region).toEqual({ tld: 'sg', name: 'Singapore', source: 'credential' });
  expect(step(report, 'environment')).toMatchObject({ verdict: 'fail', message: 'auth.pingone.sg did not answer within 8 s.' });
  expect(step(report, 'client-auth')).toMatchObject({ verdict: 'fail', message: 'auth.pingone.sg did not answer within 8 s.' });
  expect(step(report, 'environment-read').verdict).toBe('skipped');
});

test('PingOne down (auth.pingone.ca refuses connections): unreachable', async ({ extension }) => {
  const report = await testConnection(extension, workerLines('dev', { issuerTld: 'ca' }));
  expect(report.region?.tld).toBe('ca');
  expect(step(report, 'environment')).toMatchObject({
    verdict: 'fail',
    message: 'Could not reach auth.pingone.ca: the connection failed before any answer.',
  });
  expect(step(report, 'client-auth').verdict).toBe('fail');
});

test('cancel from the page stops a test waiting on a silent server', async ({ extension }) => {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setCredential(workerLines('dev', { issuerTld: 'sg' }));
  const fingerprint = await extensionPage.startConnection();
  // Wait for the first stored report (steps running), then cancel.
  await expect.poll(async () => (await extensionPage.storedReport(fingerprint))?.steps.length ?? 0).toBeGreaterThan(0);
  await extensionPage.page.evaluate(() => chrome.runtime.sendMessage({ type: 'connection.cancel' }));
  const report = await extensionPage.finishedReport(fingerprint);
  expect(verdicts(report), JSON.stringify(report.steps, null, 1)).toEqual({ environment: 'skipped', 'client-auth': 'skipped', 'environment-read': 'skipped' });
  expect(step(report, 'environment').message).toBe('Cancelled before PingOne answered.');
});
