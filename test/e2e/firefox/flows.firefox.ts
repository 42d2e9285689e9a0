/**
 * The shared flows (test/e2e/flows/) on the BUILT Firefox extension: paste each kind, fill Cloudflare (React) and AIC
 * (Vue) through the popup's own button, connection tests, refusals, and the profile scanned for secrets afterwards.
 */
import { fillAicThroughPopup, fillCloudflareThroughPopup, connectionTestThroughPopup, pasteShowsKindAndChecks, PASTE_SAMPLES } from '../flows/popup-flows';
import { lookalikeHostRefused } from '../flows/refusal-flows';
import { hitsOnDisk, filesUnder, secretsFlowThenShutdown } from '../flows/secrets-at-rest';
import { expect, test } from './harness';

for (const sample of PASTE_SAMPLES) {
  test(`pasting ${sample.key} shows what it is and its checks`, async ({ firefox }) => pasteShowsKindAndChecks(firefox, sample));
}

test('the popup over the Cloudflare console fills the form into React state', async ({ firefox }) => fillCloudflareThroughPopup(firefox));
test('the popup over the AIC console fills step 1 into Vue state', async ({ firefox }) => fillAicThroughPopup(firefox));
test('"Test connection" passes its three steps against the fake PingOne', async ({ firefox }) => connectionTestThroughPopup(firefox));
test('"Test connection" with a wrong secret: invalid_client with basic, then post, and no environment read', async ({ firefox }) =>
  connectionTestThroughPopup(firefox, 'not-the-real-secret-0000'));
test('a look-alike host (one.dash.cloudflare.com.evil.test) is not a console: the fill is refused and the page learns nothing', async ({ firefox }) =>
  lookalikeHostRefused(firefox));

test('after paste, fill, connection tests and closing the popup, no secret, JWT or token is anywhere in the Firefox profile', async ({ firefox }) => {
  const needles = await secretsFlowThenShutdown(firefox);
  expect(filesUnder(firefox.profileDir).length, 'the profile was written').toBeGreaterThan(20);
  expect(hitsOnDisk(firefox.profileDir, needles)).toEqual([]);
  // Control: the search does find a string Firefox persisted for the extension (its settings in storage.local).
  expect(hitsOnDisk(firefox.profileDir, { 'settings key': 'readClipboardOnOpen' }).length).toBeGreaterThan(0);
});
