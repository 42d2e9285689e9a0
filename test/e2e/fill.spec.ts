/**
 * The fill path end to end, on the BUILT extension in Chromium, against the look-alike consoles at their real host
 * names: the credential is put in the vault exactly as lib/vault.ts stores it, then an extension page sends
 * `{ type: 'fill', tabId, origin }` as the popup does, so the background's router (sender rule, schema), the checks, the
 * console's plan and `scripting.executeScript` of /fill.js all run for real. What is asserted is the console's APP
 * STATE (React for Cloudflare, Vue for AIC, the plain pages' event-fed state), then what its Save received.
 *
 * Each fill's duration is printed at the end: measured in the page (the report's durationMs, performance.now())
 * and from the extension page's send to the response (click to filled, as the admin waits for it).
 */
import type { FillReport } from '../../lib/fill/types';
import { client, environment, type FakeEnvironment } from '../fixtures/environments';
import type { Sample, SampleKey } from '../fixtures/samples';
import { ExtensionPage, fillReportOf } from './extension-page';
import { expect, test, type LaunchedExtension, type Page } from './harness';
import { rendererSees } from './renderer-sees';

async function appState(page: Page, testId = 'app-state'): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null') as Record<string, unknown>;
}

const statuses = (report: FillReport) => Object.fromEntries(report.fields.map((field) => [field.key, field.status]));

const timings: { console: string; sample: string; fill: string; inPageMs: number; roundTripMs: number }[] = [];
/** A fill as the popup sends it, its durations recorded for the table printed at the end. */
async function recordedFill(extensionPage: ExtensionPage, tabId: number, consoleName: string, sample: string, fill: string) {
  const { response, roundTripMs } = await extensionPage.fill(tabId);
  const report = fillReportOf(response);
  timings.push({ console: consoleName, sample, fill, inPageMs: report.durationMs, roundTripMs });
  test.info().annotations.push({ type: 'fill duration', description: `${fill}: in page ${report.durationMs.toFixed(1)} ms, round trip ${roundTripMs.toFixed(1)} ms` });
  return { response, report };
}

test.afterAll(() => {
  if (timings.length === 0) return;
  console.log('\nFill durations (in page = report.durationMs; round trip = extension page send -> response):');
  for (const row of timings) {
    console.log(`  ${row.console.padEnd(12)} ${row.sample.padEnd(32)} ${row.fill.padEnd(14)} in page ${row.inPageMs.toFixed(1).padStart(6)} ms   round trip ${row.roundTripMs.toFixed(1).padStart(6)} ms`);
  }
});

/** The demo settings (self-hosted PingAccess and PingFederate known) and `sample` in the vault, then the console. */
async function openWith(extension: LaunchedExtension, sample: Sample, url: string) {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setSettings();
  await extensionPage.setCredential(sample.text);
  const opened = await extensionPage.openConsole(url);
  await opened.page.bringToFront();
  return { extensionPage, ...opened };
}

const ENVIRONMENT_NAMES: Record<FakeEnvironment['key'], string> = { dev: 'Acme-Dev', staging: 'Acme-Staging', production: 'Acme-Production-EU' };

const CLOUDFLARE_SAMPLES: SampleKey[] = ['webAppDevCloudflareJson', 'webAppDevLines', 'webAppProductionCloudflareJson', 'webAppProductionLines'];
for (const key of CLOUDFLARE_SAMPLES) {
  test(`Cloudflare Zero Trust (React) is filled from ${key}: app state and Save hold every value`, async ({ extension, fixtures }) => {
    const sample = fixtures.samples[key];
    const app = client(sample.environment, 'web-app');
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('cloudflare'));
    expect(await appState(page)).toEqual({ name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false });

    const { response, report } = await recordedFill(extensionPage, tabId, 'Cloudflare', key, 'first fill');
    expect(report.refused).toBeUndefined();
    expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'filled', environmentId: 'filled', pkce: 'filled' });
    const expected = { name: 'PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: environment(sample.environment).id, pkceEnabled: true };
    expect(await appState(page)).toEqual(expected);
    // The report never carries a value back.
    expect(JSON.stringify(response)).not.toContain(app.clientSecret);

    const { report: again } = await recordedFill(extensionPage, tabId, 'Cloudflare', key, 'second fill');
    expect(statuses(again)).toEqual({ name: 'unchanged', clientId: 'unchanged', clientSecret: 'unchanged', environmentId: 'unchanged', pkce: 'unchanged' });
    expect(await appState(page)).toEqual(expected);

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
}

/** What real consoles draw over their own fields (test/fixtures/pages.ts CLOUDFLARE_VARIANTS), which a fill must fill. */
const DRAWN_OVER = [
  ['floating-label', 'a floating label over its top-left (Bootstrap 5)'],
  ['reveal-button', 'a reveal button inside its end'],
] as const;
for (const [variant, what] of DRAWN_OVER) {
  test(`Cloudflare Zero Trust whose Client Secret has ${what} is filled: app state and Save hold the secret`, async ({ extension, fixtures }) => {
    const sample = fixtures.samples.webAppDevLines;
    const app = client(sample.environment, 'web-app');
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('cloudflare', variant));
    // Control: the renderer calls the Client Secret not visible on this page, as it did on the consoles it broke.
    expect(await rendererSees(page.locator('#client-secret'))).toBe(false);

    const { report } = await recordedFill(extensionPage, tabId, 'Cloudflare', variant, 'first fill');
    expect(report.refused).toBeUndefined();
    expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'filled', environmentId: 'filled', pkce: 'filled' });
    const expected = { name: 'PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: environment(sample.environment).id, pkceEnabled: true };
    expect(await appState(page)).toEqual(expected);

    if (variant === 'reveal-button') {
      // The fill wrote the secret without pressing the button: it is still hidden until the admin asks to see it.
      const secret = page.locator('#client-secret');
      await expect(secret).toHaveAttribute('type', 'password');
      await page.getByRole('button', { name: 'Show Client Secret' }).click();
      await expect(secret).toHaveAttribute('type', 'text');
      await expect(secret).toHaveValue(app.clientSecret);
    } else {
      // The label is drawn over the filled field, where the admin reads it.
      const [field, label] = await Promise.all([page.locator('#client-secret').boundingBox(), page.locator('label[for="client-secret"]').boundingBox()]);
      expect(label!.y).toBeLessThan(field!.y + field!.height);
      expect(label!.y + label!.height).toBeGreaterThan(field!.y);
    }

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
}

test('Cloudflare Zero Trust takes the name the admin chose in the popup', async ({ extension, fixtures }) => {
  const { extensionPage, page, tabId } = await openWith(extension, fixtures.samples.webAppDevLines, fixtures.consoleUrl('cloudflare'));
  expect(statuses(fillReportOf((await extensionPage.fill(tabId, { name: 'Acme SSO' })).response)).name).toBe('filled');
  expect((await appState(page)).name).toBe('Acme SSO');
});

for (const key of ['productDev', 'productStaging', 'productProduction'] as const) {
  test(`Advanced Identity Cloud (Vue) two-step modal is filled from ${key}: Credential, Next, Name, Connect`, async ({ extension, fixtures }) => {
    const sample = fixtures.samples[key];
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('aic'));
    await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
    // Control: AIC's floating labels are drawn over its fields, so the renderer calls each of them not visible.
    expect(await rendererSees(page.locator('#credential'))).toBe(false);

    // Step 1: the credential goes in; Name is not on screen yet and the report says what comes after Next.
    const { report: report1 } = await recordedFill(extensionPage, tabId, 'AIC', key, 'step 1');
    expect(statuses(report1)).toEqual({ credential: 'filled', name: 'absent' });
    expect(report1.notes).toContain(`Step 2: Name "${ENVIRONMENT_NAMES[sample.environment]}" (letters, digits and hyphens) goes in after Next: click Next, then fill again.`);
    expect(await appState(page)).toEqual({ modalOpen: true, step: 1, credential: sample.text, name: '' });
    // Vue decoded what it holds: the Decoded Claims come from the app state, not from the DOM alone.
    await expect(page.getByTestId('decoded-claims')).toContainText(environment(sample.environment).name);

    // The admin clicks Next; AIC proposes a name. The admin clears it, and the second fill writes step 2.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Name').fill('');
    expect(await rendererSees(page.locator('#integration-name'))).toBe(false);
    const { report: report2 } = await recordedFill(extensionPage, tabId, 'AIC', key, 'step 2');
    expect(statuses(report2)).toEqual({ credential: 'absent', name: 'filled' });
    const expected = { name: ENVIRONMENT_NAMES[sample.environment], credential: sample.text };
    expect(await appState(page)).toEqual({ modalOpen: true, step: 2, ...expected });

    // A fill of the already-filled step changes nothing.
    const { report: report2Again } = await recordedFill(extensionPage, tabId, 'AIC', key, 'step 2 again');
    expect(statuses(report2Again)).toEqual({ credential: 'absent', name: 'unchanged' });

    await page.getByRole('button', { name: 'Connect' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
}

for (const key of ['gatewayDev', 'gatewayStaging', 'gatewayProduction'] as const) {
  test(`PingAccess (self-hosted, added in settings) is filled from ${key}`, async ({ extension, fixtures }) => {
    const sample = fixtures.samples[key];
    const env = environment(sample.environment);
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('pingaccess'));

    const { report } = await recordedFill(extensionPage, tabId, 'PingAccess', key, 'first fill');
    expect(statuses(report)).toEqual({ name: 'filled', description: 'filled', credential: 'filled' });
    expect(report.notes.join('\n')).toContain('Trusted Certificate Group and Use Proxy');
    const expected = {
      name: ENVIRONMENT_NAMES[sample.environment],
      description: `PingOne environment ${env.name} (${env.id})`,
      credential: sample.text,
      // Left to the admin: the advanced settings keep their defaults.
      trustedCertificateGroup: 'java-trust-store',
      useProxy: false,
    };
    expect(await appState(page)).toEqual(expected);

    const { report: again } = await recordedFill(extensionPage, tabId, 'PingAccess', key, 'second fill');
    expect(statuses(again)).toEqual({ name: 'unchanged', description: 'unchanged', credential: 'unchanged' });

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
}

for (const key of CLOUDFLARE_SAMPLES) {
  test(`PingFederate (self-hosted, added in settings) OIDC IdP connection is filled from ${key}`, async ({ extension, fixtures }) => {
    const sample = fixtures.samples[key];
    const env = environment(sample.environment);
    const app = client(sample.environment, 'web-app');
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('pingfederate'));

    const { report } = await recordedFill(extensionPage, tabId, 'PingFederate', key, 'first fill');
    // The Cloudflare JSON shape names no region, so the Issuer is left to the admin rather than guessed.
    const regionKnown = key.endsWith('Lines');
    expect(statuses(report)).toEqual({
      ...(regionKnown ? { issuer: 'filled' } : {}),
      clientId: 'filled',
      clientSecret: 'filled',
      scopes: 'filled',
      loginType: 'filled',
      authenticationScheme: 'filled',
    });
    const expected = {
      issuer: regionKnown ? `https://auth.pingone.${env.tld}/${env.id}/as` : '',
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopes: 'openid',
      loginType: 'CODE',
      authenticationScheme: 'BASIC',
    };
    expect(await appState(page)).toEqual(expected);
    if (!regionKnown) expect(report.notes[0]).toMatch(/^Issuer: the region is not known/);

    const { report: again } = await recordedFill(extensionPage, tabId, 'PingFederate', key, 'second fill');
    expect(Object.values(statuses(again))).toEqual(Object.values(statuses(report)).map(() => 'unchanged'));

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
}
