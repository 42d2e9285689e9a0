/** The admin's flows through the popup's own UI, written once for every browser (./driver.ts). */
import { expect } from '@playwright/test';
import { client, environment } from '../../fixtures/environments';
import type { Sample, SampleKey } from '../../fixtures/samples';
import type { Driver } from './driver';
import { appState, prepare } from './helpers';

const KIND_BADGES: Record<Sample['kind'], string> = { gateway: 'Gateway credential', product: 'Product connection', 'oidc-app': 'OIDC application' };

/** What the summary shows for each kind, beside the badge. */
export const PASTE_SAMPLES: { key: SampleKey; facts: () => string[] }[] = [
  { key: 'gatewayDev', facts: () => [environment('dev').name, environment('dev').id, 'North America (pingone.com)', environment('dev').gatewayName] },
  { key: 'productDev', facts: () => [environment('dev').name, environment('dev').id, client('dev', 'worker').clientId] },
  { key: 'webAppDevCloudflareJson', facts: () => [environment('dev').id, client('dev', 'web-app').clientId, 'Not stated in the credential'] },
  { key: 'webAppProductionLines', facts: () => [environment('production').id, client('production', 'web-app').clientId, 'Europe (pingone.eu)'] },
];

export async function pasteShowsKindAndChecks(driver: Driver, { key, facts }: (typeof PASTE_SAMPLES)[number]) {
  const sample = driver.fixtures.samples[key];
  const popup = await driver.openPopup();
  await popup.paste(sample.text);
  await expect.poll(() => popup.evaluate(() => document.querySelectorAll('.checks').length, undefined)).toBe(1);
  // The facts and the passed checks fold into sections: open each as the admin does, by its summary line.
  await popup.evaluate(() => document.querySelectorAll<HTMLElement>('details:not([open]) > summary').forEach((summary) => summary.click()), undefined);
  await expect.poll(() => popup.text('.summary .kind')).toBe(KIND_BADGES[sample.kind]);
  const summary = await popup.text('.summary');
  for (const fact of facts()) expect(summary).toContain(fact);
  const levels = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.check-list li')].map((item) => item.dataset.level ?? ''), undefined);
  expect(levels.length).toBeGreaterThan(0);
  // Errors first, then warnings, notes, passes.
  const rank = (level: string) => ['error', 'warning', 'info', 'ok'].indexOf(level);
  expect(levels.map(rank)).toEqual([...levels.map(rank)].sort((a, b) => a - b));
  expect(levels.every((level) => rank(level) >= 0)).toBe(true);
  expect(await popup.text('.checks')).toContain('Environment');
  // A client secret is masked until revealed.
  const secret = key.startsWith('webApp') ? client(sample.environment, 'web-app').clientSecret : undefined;
  if (secret) expect(summary).not.toContain(secret);
  await popup.close();
}

/** Cloudflare (React): the popup over the console tab fills it; React's state holds every value, the report none. */
export async function fillCloudflareThroughPopup(driver: Driver) {
  const sample = driver.fixtures.samples.webAppDevCloudflareJson;
  const app = client('dev', 'web-app');
  await prepare(driver, undefined);
  const tab = await driver.openConsole(driver.fixtures.consoleUrl('cloudflare'));
  const popup = await driver.openPopup(tab);
  await popup.paste(sample.text);
  await expect.poll(() => popup.text('[aria-label="Target console"]')).toContain('Cloudflare Zero Trust');
  await popup.click('Fill Cloudflare Zero Trust');
  await expect.poll(() => popup.text('[aria-label="Fill report"]')).toContain('Client Secret: Filled');
  expect(await popup.text('[aria-label="Fill report"]')).not.toContain(app.clientSecret);
  expect(await appState(tab)).toEqual({ name: 'PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: environment('dev').id, pkceEnabled: true });
  await popup.close();
}

/** AIC (Vue): the admin opens the modal; the popup fills step 1, the credential, into Vue's state. */
export async function fillAicThroughPopup(driver: Driver) {
  const sample = driver.fixtures.samples.productDev;
  await prepare(driver, undefined);
  const tab = await driver.openConsole(driver.fixtures.consoleUrl('aic'));
  await tab.evaluate(() => [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Add PingOne Integration')!.click(), undefined);
  await expect.poll(async () => (await appState(tab)).modalOpen).toBe(true);
  const popup = await driver.openPopup(tab);
  await popup.paste(sample.text);
  await expect.poll(() => popup.text('[aria-label="Target console"]')).toContain('Advanced Identity Cloud');
  await popup.click('Fill Advanced Identity Cloud');
  await expect.poll(() => popup.text('[aria-label="Fill report"]')).toContain('Filled');
  expect(await appState(tab)).toEqual({ modalOpen: true, step: 1, credential: sample.text, name: '' });
  // Vue decoded what it holds.
  expect(await tab.evaluate(() => document.querySelector('[data-testid="decoded-claims"]')?.textContent ?? '', undefined)).toContain(environment('dev').name);
  await popup.close();
}

/** "Test connection" in the popup, through the background and the fake PingOne; `secret` replaces the worker's. */
export async function connectionTestThroughPopup(driver: Driver, secret?: string) {
  const env = environment('dev');
  const worker = client('dev', 'worker');
  const lines = [`Client ID: ${worker.clientId}`, `Client Secret: ${secret ?? worker.clientSecret}`, `Environment ID: ${env.id}`, `Issuer: https://auth.pingone.com/${env.id}/as`];
  const t0 = Date.now();
  const popup = await driver.openPopup();
  await popup.paste(lines.join('\n'));
  await popup.click('Test connection');
  const region = '.connection';
  if (secret === undefined) {
    await expect.poll(() => popup.text(region), { timeout: 30_000 }).toContain('Finished without failures.');
    const steps = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.connection li')].map((item) => item.innerText.replace(/\s+/g, ' ').trim()), undefined);
    expect(steps).toHaveLength(3);
    ['Environment', 'Client authentication', 'Environment read'].forEach((name, i) => expect(steps[i]).toMatch(new RegExp(`^✓ ?Passed ${name} · \\d+ ms( |$)`)));
    // Asked as a console's server asks: no Origin on the token request (lib/background/no-origin-rule.ts), in either browser.
    const token = driver.fixtures.requests.find((request) => request.at >= t0 && request.path.endsWith('/as/token'));
    expect(token?.headers).toBeDefined();
    expect(token?.headers.origin).toBeUndefined();
  } else {
    await expect.poll(() => popup.text(region), { timeout: 30_000 }).toContain('The connection test found a problem.');
    expect(await popup.text(region)).toContain('PingOne does not accept this client ID and secret (invalid_client), sent by client_secret_basic, then by client_secret_post.');
    expect(await popup.text(region)).not.toContain(secret);
    // Basic, then post; the environment is never read with a refused client.
    const tokens = driver.fixtures.requests.filter((request) => request.at >= t0 && request.path.endsWith('/as/token'));
    expect(tokens.map((request) => (request.headers.authorization ?? 'post').split(' ')[0])).toEqual(['Basic', 'post']);
    expect(driver.fixtures.requests.some((request) => request.at >= t0 && request.host.startsWith('api.'))).toBe(false);
  }
  await popup.close();
}
