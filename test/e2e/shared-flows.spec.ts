/**
 * The flows written once for both browsers (./flows/), here on the BUILT extension in Chromium; the same bodies run in
 * Firefox from test/e2e/firefox/flows.firefox.ts.
 */
import { chromiumDriver } from './flows/chromium-driver';
import { connectionTestThroughPopup, fillAicThroughPopup, fillCloudflareThroughPopup, pasteShowsKindAndChecks, PASTE_SAMPLES } from './flows/popup-flows';
import { lookalikeHostRefused } from './flows/refusal-flows';
import { filesUnder, hitsOnDisk, secretsFlowThenShutdown } from './flows/secrets-at-rest';
import { expect, test } from './harness';

for (const sample of PASTE_SAMPLES) {
  test(`shared flow: pasting ${sample.key} shows what it is and its checks`, async ({ extension, fixtures }) => pasteShowsKindAndChecks(chromiumDriver(extension, fixtures), sample));
}
test('shared flow: the toolbar popup over the Cloudflare console fills the form into React state', async ({ extension, fixtures }) =>
  fillCloudflareThroughPopup(chromiumDriver(extension, fixtures)));
test('shared flow: the toolbar popup over the AIC console fills step 1 into Vue state', async ({ extension, fixtures }) => fillAicThroughPopup(chromiumDriver(extension, fixtures)));
test('shared flow: "Test connection" passes its three steps', async ({ extension, fixtures }) => connectionTestThroughPopup(chromiumDriver(extension, fixtures)));
test('shared flow: "Test connection" with a wrong secret fails with invalid_client and reads nothing', async ({ extension, fixtures }) =>
  connectionTestThroughPopup(chromiumDriver(extension, fixtures), 'not-the-real-secret-0000'));
test('shared flow: a look-alike host is refused and learns nothing', async ({ extension, fixtures }) => lookalikeHostRefused(chromiumDriver(extension, fixtures)));
test('shared flow: no secret, JWT or token anywhere in the Chromium profile after the flow', async ({ extension, fixtures }) => {
  test.setTimeout(90_000);
  const needles = await secretsFlowThenShutdown(chromiumDriver(extension, fixtures));
  expect(filesUnder(extension.userDataDir).length).toBeGreaterThan(20);
  expect(hitsOnDisk(extension.userDataDir, needles)).toEqual([]);
  expect(hitsOnDisk(extension.userDataDir, { 'settings key': 'readClipboardOnOpen' }).length).toBeGreaterThan(0);
});
