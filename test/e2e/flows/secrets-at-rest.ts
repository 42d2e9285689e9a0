/**
 * Secrets never reach disk, proven on the whole profile in any browser (./driver.ts): the admin's flow in the popup
 * (paste, fill the Cloudflare console, two connection tests, one earning a token), then the popup closed and the
 * browser shut down so it flushes what it keeps, and every file of the profile searched for the client secrets, the
 * raw JWT, its payload segment and the access token PingOne issued, in UTF-8 and UTF-16.
 */
import { expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { client } from '../../fixtures/environments';
import type { Driver } from './driver';
import { appState, prepare } from './helpers';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

/** Which files of `dir` hold any needle, as `file: needle name`. */
export function hitsOnDisk(dir: string, needles: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file);
    for (const [name, needle] of Object.entries(needles)) {
      if (content.includes(Buffer.from(needle, 'utf8')) || content.includes(Buffer.from(needle, 'utf16le'))) hits.push(`${path.relative(dir, file)}: ${name}`);
    }
  }
  return hits;
}

/** Runs the flow and shuts the browser down; returns the needles, for the caller's scan and its control. */
export async function secretsFlowThenShutdown(driver: Driver): Promise<Record<string, string>> {
  const webApp = client('dev', 'web-app');
  const worker = client('dev', 'worker');
  const { samples } = driver.fixtures;
  const jwt = samples.productDev.text;
  const t0 = Date.now();
  await prepare(driver, undefined);
  const tab = await driver.openConsole(driver.fixtures.consoleUrl('cloudflare'));
  const popup = await driver.openPopup(tab);
  await popup.paste(samples.webAppDevCloudflareJson.text);
  await expect.poll(() => popup.text('[aria-label="Target console"]')).toContain('Cloudflare Zero Trust');
  await popup.click('Fill Cloudflare Zero Trust');
  await expect.poll(async () => (await appState(tab)).clientSecret).toBe(webApp.clientSecret);
  for (const text of [samples.webAppDevCloudflareJson.text, jwt]) {
    await popup.paste(text);
    await popup.click('Test connection');
    await expect.poll(() => popup.text('.connection'), { timeout: 30_000 }).toMatch(/Finished without failures\.|The connection test found a problem\./);
  }
  const bearer = driver.fixtures.requests
    .filter((request) => request.at >= t0)
    .map((request) => request.headers.authorization ?? '')
    .find((header) => header.startsWith('Bearer '));
  expect(bearer, 'the product credential earned a token and the environment read used it').toBeDefined();
  const needles = {
    'web-app client secret': webApp.clientSecret,
    'worker client secret': worker.clientSecret,
    'raw JWT': jwt,
    'JWT payload segment': jwt.split('.')[1]!,
    'access token': bearer!.slice('Bearer '.length),
  };
  await popup.close();
  const stored = await driver.inExtension(async () => {
    const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
    return JSON.stringify([await api.storage.local.get(null), await api.storage.sync.get(null)]);
  }, undefined);
  for (const [name, needle] of Object.entries(needles)) expect(stored, name).not.toContain(needle);
  await driver.shutdown();
  return needles;
}
