/**
 * Secrets never reach disk (README.md, Security model), proven on the whole profile: the admin's real flow in the
 * REAL toolbar popup (paste, fill the Cloudflare console, test the connection with a secret that earns a token),
 * then the popup is closed, the browser shut down so Chromium flushes everything it keeps, and every file of the
 * Chromium profile is searched for the client secrets, the raw JWT (and its payload segment, which carries the
 * secret base64url-encoded), and the access token PingOne issued, in UTF-8 and UTF-16 (LevelDB and IndexedDB keep
 * strings either way).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { client } from '../fixtures/environments';
import { expect, test } from './harness';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

/** Which files of `dir` hold any needle, as `file: needle name`. */
function hitsOnDisk(dir: string, needles: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file);
    for (const [name, needle] of Object.entries(needles)) {
      if (content.includes(Buffer.from(needle, 'utf8')) || content.includes(Buffer.from(needle, 'utf16le'))) {
        hits.push(`${path.relative(dir, file)}: ${name}`);
      }
    }
  }
  return hits;
}

test('after paste, fill, connection tests and closing the popup, no secret, JWT or token is anywhere in the profile', async ({
  extension,
  popup,
  fixtures,
  serviceWorker,
}) => {
  test.setTimeout(90_000);
  const webApp = client('dev', 'web-app');
  const worker = client('dev', 'worker');
  const jwt = fixtures.samples.productDev.text;
  const t0 = Date.now();

  // 1. The Cloudflare console, filled from the real toolbar popup over it.
  const consolePage = await extension.context.newPage();
  await consolePage.goto(fixtures.consoleUrl('cloudflare'));
  await popup.openOver(consolePage);
  await popup.paste(fixtures.samples.webAppDevCloudflareJson.text);
  await popup.button('Fill Cloudflare Zero Trust').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toBeVisible();
  await expect(consolePage.getByTestId('app-state')).toContainText(webApp.clientSecret);

  // 2. Connection tests: the web app (secret sent, grant refused), then the product credential (token issued and used).
  for (const text of [fixtures.samples.webAppDevCloudflareJson.text, jwt]) {
    await popup.paste(text);
    await popup.button('Test connection').click();
    await expect(popup.page.getByRole('region', { name: 'Connection test' })).toBeVisible();
    await expect(popup.button('Cancel test')).toHaveCount(0, { timeout: 20_000 });
  }
  const bearer = fixtures
    .requestsTo('api.pingone.com')
    .filter((request) => request.at >= t0)
    .map((request) => request.headers.authorization ?? '')
    .find((header) => header.startsWith('Bearer '));
  expect(bearer, 'the product credential earned a token and the environment read used it').toBeDefined();
  const token = bearer!.slice('Bearer '.length);

  const needles = {
    'web-app client secret': webApp.clientSecret,
    'worker client secret': worker.clientSecret,
    'raw JWT': jwt,
    'JWT payload segment': jwt.split('.')[1]!,
    'access token': token,
  };

  // 3. Close the popup and wait, as an admin walks away; then storage.local and storage.sync hold none of it.
  await popup.close();
  await consolePage.close();
  const stored = await serviceWorker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
  );
  for (const [name, needle] of Object.entries(needles)) expect(stored, name).not.toContain(needle);

  // 4. Shut the browser down (Chromium flushes LevelDB, preferences and sessions on exit), then search every file.
  await extension.context.close();
  const files = filesUnder(extension.userDataDir);
  expect(files.length, 'the profile was written').toBeGreaterThan(20);
  expect(hitsOnDisk(extension.userDataDir, needles)).toEqual([]);

  // Control: the search does find a string Chromium persisted (the extension's own settings in storage.local).
  expect(hitsOnDisk(extension.userDataDir, { 'settings key': 'readClipboardOnOpen' }).length).toBeGreaterThan(0);
});
