/**
 * Browser figures for `npm run bench`, on the BUILT e2e extension in Debian Chromium against the local fixtures:
 * - popup open until its Credential box is painted, beside a baseline extension page holding only a labelled box and
 *   no script, alternated in the same Chromium, and their ratio; when the popup's script took over; the
 *   popup's first-screen bytes from the production build;
 * - paste to checks rendered (the popup's `data-paste-to-checks-ms`, measured in the page);
 * - click to form filled per console: in the page (FillReport.durationMs) and the admin's wait (send -> report).
 * Medians of several runs. Prints; asserts nothing.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeExtension, EXTENSION_DIR, launchExtension } from '../e2e/harness';
import { ExtensionPage } from '../e2e/extension-page';
import type { ConsoleId } from '../../lib/consoles/types';
import { startFixtureServer } from '../fixtures/server';
import type { SampleKey } from '../fixtures/samples';
import { builtFiles } from './built-files';
import { median } from './median';

const RUNS = 9;


const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/** Which sample fills which console in the bench (each the console's fitting kind). */
const FILLS: { console: ConsoleId; sample: SampleKey }[] = [
  { console: 'cloudflare', sample: 'webAppDevCloudflareJson' },
  { console: 'aic', sample: 'productDev' },
  { console: 'pingaccess', sample: 'gatewayDev' },
  { console: 'pingfederate', sample: 'webAppDevLines' },
];

/** The baseline: an extension page holding only a labelled text box, with no script and no style. */
const BASELINE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>' +
  '<body><label for="credential">Credential</label><textarea id="credential"></textarea></body></html>';

/** A copy of the built e2e extension with the baseline page beside popup.html, so both are the same extension's pages. */
async function extensionWithBaseline(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pch-bench-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, 'baseline.html'), BASELINE_PAGE);
  return dir;
}

/** When the Credential box was first painted (first contentful paint: the box and its label are in that frame). */
async function boxPainted(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('textbox', { name: 'Credential' }).waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (!paint) return;
          observer.disconnect();
          resolve(paint.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** Popup and baseline, each in a fresh tab, alternating which goes first so neither always meets a warmer browser. */
async function benchPopupOpen(context: BrowserContext, extensionId: string) {
  const popupOpen: number[] = [];
  const baselineOpen: number[] = [];
  const interactive: number[] = [];
  for (let run = 0; run < RUNS * 2; run++) {
    for (const which of run % 2 ? (['baseline', 'popup'] as const) : (['popup', 'baseline'] as const)) {
      const page = await context.newPage();
      if (which === 'baseline') baselineOpen.push(await boxPainted(page, `chrome-extension://${extensionId}/baseline.html`));
      else {
        popupOpen.push(await boxPainted(page, `chrome-extension://${extensionId}/popup.html`));
        await page.waitForFunction(() => performance.getEntriesByName('popup-interactive').length > 0);
        interactive.push(await page.evaluate(() => performance.getEntriesByName('popup-interactive')[0]!.startTime));
      }
      await page.close();
    }
  }
  return { popupOpen, baselineOpen, interactive };
}

export async function benchBrowser(): Promise<void> {
  const server = await startFixtureServer();
  const extensionDir = await extensionWithBaseline();
  const extension = await launchExtension(server, { extensionDir });
  try {
    const { context, extensionId } = extension;
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;

    const { popupOpen, baselineOpen, interactive } = await benchPopupOpen(context, extensionId);
    console.log('Popup (Chromium, headless; popup.html in a tab, alternated with the baseline)');
    console.log(`  popup open, Credential box painted ${ms(median(popupOpen))}   (first contentful paint)`);
    console.log(`  baseline page, box painted         ${ms(median(baselineOpen))}   (an extension page: a labelled box, no script, no style)`);
    console.log(`  ratio popup / baseline             ${(median(popupOpen) / median(baselineOpen)).toFixed(2).padStart(7)}      (goal: 1.1 or less)`);
    console.log(`  popup's script took over           ${ms(median(interactive))}   (its popup-interactive mark)`);
    const bytes = builtFiles(path.resolve('.output/chrome-mv3'));
    if (existsSync(path.resolve('.output/chrome-mv3/popup.html'))) {
      console.log(`  popup first screen, gzip HTML+JS+CSS ${String(await bytes.total(await bytes.pageFiles('popup.html'))).padStart(7)} B   (npm run build; npm run size holds its budget)`);
    }

    const popup = await context.newPage();
    await popup.goto(popupUrl);
    const box = popup.getByRole('textbox', { name: 'Credential' });
    const pasteToChecks: Record<string, number[]> = {};
    for (const key of ['gatewayDev', 'productDev', 'webAppDevCloudflareJson', 'webAppDevLines'] as const) {
      pasteToChecks[key] = [];
      for (let run = 0; run < RUNS; run++) {
        // A read credential folds the box to one line; Clear brings the empty box back for the next paste.
        if (!(await box.isVisible())) await popup.getByRole('button', { name: 'Clear' }).click();
        await box.fill(server.samples[key].text);
        await popup.locator('.checks-counts').waitFor();
        const value = await popup.locator('[data-paste-to-checks-ms]').getAttribute('data-paste-to-checks-ms');
        pasteToChecks[key]!.push(Number(value));
      }
    }
    await popup.getByRole('button', { name: 'Clear' }).click();
    await popup.close();
    for (const [key, values] of Object.entries(pasteToChecks)) {
      console.log(`  paste to checks rendered, ${key.padEnd(24)} ${ms(median(values))}`);
    }

    console.log('\nFill, click to form filled (in page: FillReport.durationMs; wait: send -> report in the extension page)');
    const driver = await ExtensionPage.open(extension);
    await driver.setSettings();
    for (const { console: consoleId, sample } of FILLS) {
      await driver.setCredential(server.samples[sample].text);
      const { page, tabId } = await driver.openConsole(server.consoleUrl(consoleId));
      if (consoleId === 'aic') await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
      const inPage: number[] = [];
      const wait: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        if (run > 0) {
          // A fresh, empty form each run: a refilled form would only report `unchanged`.
          await page.reload();
          await page.getByTestId('app-state').waitFor();
          if (consoleId === 'aic') await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
        }
        const { response, roundTripMs } = await driver.fill(tabId);
        if (!response.ok) throw new Error(`${consoleId}: ${response.error}`);
        inPage.push(response.report.durationMs);
        wait.push(roundTripMs);
      }
      console.log(`  ${consoleId.padEnd(14)} in page ${ms(median(inPage))}   wait ${ms(median(wait))}`);
      await page.close();
    }
  } finally {
    await closeExtension(extension);
    await server.close();
    await rm(extensionDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBrowser();
