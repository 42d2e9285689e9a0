/**
 * "Pick fields" (lib/pick) on a page no console module knows, built from a real library (MUI outlined TextFields,
 * test/fixtures/browser/mui-app.tsx), through the REAL toolbar popup: the page asks for each field in turn, the admin
 * clicks it, the mapping is kept per origin, and "Fill picked fields" fills the OIDC application's credential through
 * the one guarded fill engine into React's state; after a reload no picking is needed; Options lists and deletes the
 * mapping; a picked field made hidden is refused. The page is served on the demo PingAccess host (the e2e build holds
 * its host permission, standing in for the activeTab grant a real toolbar click gives, test/README.md), with that
 * origin left out of the settings, so to the extension it is no console at all.
 */
import { client, CONSOLE_ORIGINS, environment } from '../fixtures/environments';
import { MUI_APP_PATH } from '../fixtures/real-console-pages';
import { DEMO_SETTINGS, storedVault } from './extension-page';
import { expect, test, type LaunchedExtension, type Page } from './harness';
import type { PopupPage } from './popup-page';
import type { PickedForm, Settings } from '../../lib/settings/model';

const ORIGIN = CONSOLE_ORIGINS.pingaccess;
const NO_CONSOLE_HERE: Settings = { ...DEMO_SETTINGS, selfHosted: DEMO_SETTINGS.selfHosted.filter((entry) => entry.origin !== ORIGIN) };

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? 'null') as Record<string, unknown>;
}

/** The picker's prompt as Chromium's accessibility tree has it: it lives in a closed shadow root no page script reaches. */
async function promptShown(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string } }[] };
  await cdp.detach();
  return nodes.map((node) => node.name?.value ?? '').find((name) => name.startsWith('Click the field for'));
}

async function storedSettings(extension: LaunchedExtension): Promise<Settings> {
  return (await extension.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as Settings;
}

/** `text` pasted into the popup (in a tab) and kept in the vault, `settings` saved, that tab closed. */
async function withCredential(popup: PopupPage, text: string, settings: Settings) {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), settings);
  await popup.paste(text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(text);
  await popup.close();
}

test('"Pick fields" maps an MUI form no module knows, fills an OIDC application into React state, again after a reload with no picking, and Options lists and deletes the mapping', async ({ popup, context, extension, fixtures }) => {
  // Three popups, a reload and the options page: slower than one fill.
  test.slow();
  const sample = fixtures.samples.webAppDevLines;
  const app = client(sample.environment, 'web-app');
  const environmentId = environment(sample.environment).id;
  await withCredential(popup, sample.text, NO_CONSOLE_HERE);

  const page = await context.newPage();
  await page.goto(`${ORIGIN}${MUI_APP_PATH}`);
  await expect(page.getByLabel('App key')).toBeVisible();
  await popup.openOver(page);
  await expect(popup.button('Fill picked fields')).toHaveCount(0);
  await popup.button('Pick fields').click();

  // One prompt at a time, each answered by a click on the field it names.
  await expect.poll(() => promptShown(page)).toBe('Click the field for Client ID');
  await page.getByLabel('App key').click();
  await expect.poll(() => promptShown(page)).toBe('Click the field for Client Secret');
  await page.getByLabel('App password').click();
  await expect.poll(() => promptShown(page)).toBe('Click the field for Environment ID (optional)');
  await page.getByLabel('Tenant reference').click();
  await expect.poll(() => promptShown(page)).toBeUndefined();

  // Kept per origin: how to find each field again, no value (nothing was typed: none could be read).
  await expect.poll(async () => (await storedSettings(extension)).picked.map((form) => form.origin)).toEqual([ORIGIN]);
  const [form] = (await storedSettings(extension)).picked;
  expect(form!.fields).toEqual([
    { field: 'clientId', label: 'app key', name: 'appKey', id: expect.any(String), position: 1 },
    { field: 'clientSecret', label: 'app password', name: 'appPassword', id: expect.any(String), position: 2 },
    { field: 'environmentId', label: 'tenant reference', name: 'tenantRef', id: expect.any(String), position: 3 },
  ]);
  await popup.close();

  const expected = { appKey: app.clientId, appPassword: app.clientSecret, tenantReference: environmentId };
  for (const visit of ['first', 'after a reload']) {
    if (visit !== 'first') {
      await page.reload();
      await expect(page.getByLabel('App key')).toBeVisible();
    }
    expect(await appState(page)).toEqual({ appKey: '', appPassword: '', tenantReference: '' });
    await popup.openOver(page);
    await popup.button('Fill picked fields').click();
    const report = popup.page.getByRole('region', { name: 'Fill report' });
    await expect(report).toContainText('Client ID: Filled');
    await expect(report).toContainText('Client Secret: Filled');
    await expect(report).toContainText('Environment ID: Filled');
    expect(await appState(page)).toEqual(expected);
    await popup.close();
  }
  await page.getByRole('button', { name: 'Save' }).click();
  expect(JSON.parse((await page.getByTestId('saved-state').textContent()) ?? 'null')).toEqual(expected);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const list = options.getByRole('list', { name: 'Picked fields' });
  await expect(list).toContainText(ORIGIN);
  await expect(list).toContainText('Client Secret: label "app password", name appPassword');
  await options.getByRole('button', { name: `Delete the fields picked on ${ORIGIN}` }).click();
  await expect(options.getByText('No fields picked.')).toBeVisible();
  expect((await storedSettings(extension)).picked).toEqual([]);
});

/** The mapping a pick of the MUI form keeps (the test above proves the picker keeps exactly this). */
const PICKED_MUI: PickedForm = {
  origin: ORIGIN,
  fields: [
    { field: 'clientId', label: 'app key', name: 'appKey', position: 1 },
    { field: 'clientSecret', label: 'app password', name: 'appPassword', position: 2 },
    { field: 'environmentId', label: 'tenant reference', name: 'tenantRef', position: 3 },
  ],
  at: Date.UTC(2026, 11, 2),
};

for (const [how, hide] of [
  ['made transparent', 'opacity: 0'],
  ['hidden', 'visibility: hidden'],
] as const) {
  test(`a picked field ${how} is refused like any other: the secret never reaches the page`, async ({ popup, context, fixtures }) => {
    const sample = fixtures.samples.webAppDevLines;
    await withCredential(popup, sample.text, { ...NO_CONSOLE_HERE, picked: [PICKED_MUI] });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${MUI_APP_PATH}`);
    await page.getByLabel('App password').evaluate((input, style) => input.setAttribute('style', style), hide);

    await popup.openOver(page);
    await popup.button('Fill picked fields').click();
    const report = popup.page.getByRole('region', { name: 'Fill report' });
    await expect(report).toContainText('Client Secret: Refused');
    expect((await appState(page)).appPassword).toBe('');
    await popup.close();
  });
}
