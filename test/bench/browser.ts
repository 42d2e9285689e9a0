/**
 * Browser figures for `npm run bench`, on the BUILT e2e extension in Debian Chromium against the local fixtures:
 * - popup open to interactive (the popup's own `popup-interactive` mark) beside an extension page with no script
 *   (the extension's manifest.json rendered in a tab, its load event) in the same Chromium;
 * - paste to checks rendered (the popup's `data-paste-to-checks-ms`, measured in the page);
 * - click to form filled per console: in the page (FillReport.durationMs) and the admin's wait (send -> report).
 * Medians of several runs. Prints; asserts nothing.
 */
import { closeExtension, launchExtension } from '../e2e/harness';
import { ExtensionPage } from '../e2e/extension-page';
import type { ConsoleId } from '../../lib/consoles/types';
import { startFixtureServer } from '../fixtures/server';
import type { SampleKey } from '../fixtures/samples';
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

export async function benchBrowser(): Promise<void> {
  const server = await startFixtureServer();
  const extension = await launchExtension(server);
  try {
    const { context, extensionId } = extension;
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;

    const popupOpen: number[] = [];
    const emptyPage: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`, { waitUntil: 'load' });
      emptyPage.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
      await page.goto(popupUrl);
      // The Credential box is popup.html's static markup, there before the script: wait for the script's own mark.
      await page.waitForFunction(() => performance.getEntriesByName('popup-interactive').length > 0);
      popupOpen.push(await page.evaluate(() => performance.getEntriesByName('popup-interactive')[0]!.startTime));
      await page.close();
    }
    console.log('Popup (Chromium, headless)');
    console.log(`  popup open to interactive         ${ms(median(popupOpen))}`);
    console.log(`  empty extension page, loaded      ${ms(median(emptyPage))}   (baseline: same Chromium, no script)`);

    const popup = await context.newPage();
    await popup.goto(popupUrl);
    // Typed before the script has drawn the popup, a paste would be the page's early input, not a timed paste.
    await popup.waitForFunction(() => performance.getEntriesByName('popup-interactive').length > 0);
    const box = popup.getByRole('textbox', { name: 'Credential' });
    const pasteToChecks: Record<string, number[]> = {};
    for (const key of ['gatewayDev', 'productDev', 'webAppDevCloudflareJson', 'webAppDevLines'] as const) {
      pasteToChecks[key] = [];
      for (let run = 0; run < RUNS; run++) {
        await box.fill('');
        await box.fill(server.samples[key].text);
        await popup.getByRole('list', { name: 'Checks' }).waitFor();
        const value = await popup.locator('[data-paste-to-checks-ms]').getAttribute('data-paste-to-checks-ms');
        pasteToChecks[key]!.push(Number(value));
      }
    }
    await box.fill('');
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
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBrowser();
