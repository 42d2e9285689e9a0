/**
 * Secrets stay home, proven on the BUILT extension against the fake PingOne:
 * - claims that name another host (`authUrl`, `aud`, `iss`, `consoleUrl` = https://evil.test, a recording server
 *   of the fixture) never receive a request: URLs come from the region table only;
 * - neither the client secret nor an issued token appears in the service worker's console, in any stored report,
 *   or anywhere in storage.local. The token is taken from what the fake PingOne itself received.
 */
import { productClaims, signTestCredential } from '../fixtures/credentials';
import { REPORT_KEY_PREFIX } from '../../lib/connection/report-store';
import { client, environment } from '../fixtures/environments';
import { createSamples, type Samples } from '../fixtures/samples';
import { ExtensionPage } from './extension-page';
import { expect, test } from './harness';

let samples: Samples;
test.beforeAll(async () => {
  samples = await createSamples();
});

test('claims naming https://evil.test never make a request go there', async ({ extension, popup, fixtures, context }) => {
  const extensionPage = await ExtensionPage.open(extension);
  const evil = 'https://evil.test';
  const text = await signTestCredential(productClaims('dev', { authUrl: evil, aud: evil, iss: evil, consoleUrl: evil }));
  const t0 = Date.now();
  await extensionPage.setCredential(text);
  const report = await extensionPage.testConnection();
  // The test did run, against the region table's hosts (no PingOne region named: North America assumed).
  expect(report.steps.map((step) => step.verdict)).toEqual(['pass', 'pass', 'pass']);
  expect(new Set(fixtures.requests.filter((request) => request.at >= t0).map((request) => request.host))).toEqual(
    new Set(['auth.pingone.com', 'api.pingone.com']),
  );
  // The popup renders this credential too (it reads the vault on load): nothing there fetches a claim's URL either.
  await popup.openInTab();
  await expect(popup.credential).toHaveValue(text);
  // The fixture server lives as long as the Playwright worker (other spec files use evil.test): count from t0 on.
  expect(fixtures.requestsTo('evil.test').filter((request) => request.at >= t0)).toEqual([]);

  // Control: the recording server does see a request to evil.test when one is made, so the zero above means something.
  const page = await context.newPage();
  await page.goto(`${evil}/control-probe`).catch(() => undefined);
  expect(fixtures.requestsTo('evil.test').some((request) => request.at >= t0 && request.path === '/control-probe')).toBe(true);
});

test('the secret and the token never appear in the service worker console, any report, or storage.local', async ({ extension, fixtures, serviceWorker }) => {
  const consoleText: string[] = [];
  serviceWorker.on('console', (message) => consoleText.push(message.text()));
  const extensionPage = await ExtensionPage.open(extension);
  extensionPage.page.on('console', (message) => consoleText.push(message.text()));
  // The capture works: a line the worker logs is seen.
  await serviceWorker.evaluate(() => console.log('console-capture-probe'));
  await expect.poll(() => consoleText.includes('console-capture-probe')).toBe(true);

  const worker = client('dev', 'worker');
  const t0 = Date.now();
  const runs = [
    { text: samples.productDev.text, secret: worker.clientSecret },
    { text: samples.workerDevLines.text, secret: worker.clientSecret },
    { text: samples.workerWithoutRoleDevLines.text, secret: client('dev', 'worker-without-role').clientSecret },
    { text: samples.webAppDevCloudflareJson.text, secret: client('dev', 'web-app').clientSecret },
    {
      text: `Client ID: ${worker.clientId}\nClient Secret: wrong-secret-for-the-log-test\nEnvironment ID: ${environment('dev').id}`,
      secret: 'wrong-secret-for-the-log-test',
    },
  ];
  for (const run of runs) {
    await extensionPage.setCredential(run.text);
    await extensionPage.testConnection();
  }

  // Every token the extension used, as the fake PingOne received it.
  const tokens = fixtures
    .requestsTo('api.pingone.com')
    .filter((request) => request.at >= t0)
    .map((request) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1])
    .filter((token): token is string => Boolean(token));
  expect(tokens.length).toBeGreaterThanOrEqual(3);

  const stored = await extensionPage.page.evaluate(async () => ({
    session: await chrome.storage.session.get(null),
    local: await chrome.storage.local.get(null),
  }));
  const reports = Object.entries(stored.session).filter(([key]) => key.startsWith(REPORT_KEY_PREFIX));
  expect(reports).toHaveLength(runs.length);
  const reportText = JSON.stringify(reports);
  const localText = JSON.stringify(stored.local);
  const logText = consoleText.join('\n');
  for (const secret of [...runs.map((run) => run.secret), ...runs.map((run) => run.text), ...tokens]) {
    expect(reportText.includes(secret), 'a report holds a secret or token').toBe(false);
    expect(localText.includes(secret), 'storage.local holds a secret or token').toBe(false);
    expect(logText.includes(secret), 'the console shows a secret or token').toBe(false);
  }
  expect(reportText).not.toMatch(/Basic \S|Bearer \S/);
});
