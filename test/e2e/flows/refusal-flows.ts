/** What the fill refuses, written once for every browser (./driver.ts): app state and the page's own evidence. */
import { expect } from '@playwright/test';
import type { FillReport } from '../../../lib/fill/types';
import { CONSOLE_ORIGINS, client } from '../../fixtures/environments';
import { consoleUrl } from '../../fixtures/pages';
import { DEMO_SETTINGS } from '../extension-page';
import type { Driver } from './driver';
import { appState, domValues, fillMessage, prepare } from './helpers';

const EMPTY_CLOUDFLARE = { name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false };
/** The page-level refusal's reason for a page caught deceiving (lib/fill/index.ts). */
export const DECEIVING = 'A page that hides what it fills or clicks may be capturing it; nothing was written.';

export async function lookalikeHostRefused(driver: Driver) {
  const secret = client('dev', 'web-app').clientSecret;
  await prepare(driver, driver.fixtures.samples.webAppDevLines.text, { ...DEMO_SETTINGS, selfHosted: [] });
  const tab = await driver.openConsole(consoleUrl('cloudflare', undefined, CONSOLE_ORIGINS.lookalike));
  const collected = () => driver.fixtures.requestsTo('one.dash.cloudflare.com.evil.test').filter((request) => request.path === '/collect');
  // The phishing copy reports its form to /collect from the start: the recorder is live.
  await expect.poll(() => collected().length).toBeGreaterThan(0);
  for (const override of [false, true]) {
    const response = await fillMessage(driver, tab, override);
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error).toMatch(/not a console the extension can read|not a known console/);
  }
  expect(await appState(tab)).toEqual(EMPTY_CLOUDFLARE);
  expect(await domValues(tab)).toEqual(['', '', '', '']);
  expect(collected().map((request) => request.body).join('\n')).not.toContain(secret);
}

/** A Cloudflare trap variant filled with the dev web app's credential as the popup does; the report, and the tab. */
export async function fillVariant(driver: Driver, variant: string): Promise<{ report: FillReport; secretWritten: boolean; state: Record<string, unknown> }> {
  const secret = client('dev', 'web-app').clientSecret;
  await prepare(driver, driver.fixtures.samples.webAppDevLines.text, { ...DEMO_SETTINGS, selfHosted: [] });
  const tab = await driver.openConsole(driver.fixtures.consoleUrl('cloudflare', variant));
  const response = await fillMessage(driver, tab);
  if (!response.ok) throw new Error(`fill failed: ${response.error}`);
  const state = await appState(tab);
  const written = JSON.stringify(state).includes(secret) || (await domValues(tab)).includes(secret);
  return { report: response.report, secretWritten: written, state };
}

/** The secret's field was refused (or named by nothing) and the secret reached neither app state nor any input. */
export async function expectSecretRefused(driver: Driver, variant: string, reason: string) {
  const { report, secretWritten } = await fillVariant(driver, variant);
  const field = report.fields.find((candidate) => candidate.key === 'clientSecret');
  expect(field?.reason ?? field?.status, JSON.stringify(report)).toBe(reason);
  expect(secretWritten).toBe(false);
  return report;
}
