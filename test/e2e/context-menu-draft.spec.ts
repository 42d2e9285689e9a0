/**
 * "Inspect as PingOne credential" on the BUILT extension: the page under the context menu chooses the
 * selection, so what it sends is a draft beside the vault, never the vault's credential until the admin says so.
 *
 * Headless Chromium draws no context menu. The tests do what the browser does when the menu item is clicked: they
 * dispatch its own `contextMenus.onClicked` event in the service worker, to the listener the background registered,
 * with the OnClickData Chrome builds (`menuItemId`, `selectionText`, `pageUrl`, `frameId`, `editable`) and the tab.
 * `selectionText` is read from the page after a real right-click, so the page's own `contextmenu` handler has run,
 * exactly as it runs before Chrome opens the menu. Nothing test-only is built into the extension for this.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { fingerprintCredential, readCredential } from '../../lib/credential';
import { CONSOLE_ORIGINS } from '../fixtures/environments';
import { DEMO_SETTINGS, ExtensionPage, storedVault } from './extension-page';
import { expect, test, type Page } from './harness';
import type { PopupPage } from './popup-page';

/** The menu item the background creates (entrypoints/background.ts). */
const INSPECT_MENU_ID = 'inspect-selection';

/** What is selected in `page` now, as Chrome's `selectionText` carries it (a selection inside a text box included). */
function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const box = document.activeElement;
    if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
      return box.value.slice(box.selectionStart ?? 0, box.selectionEnd ?? 0);
    }
    return getSelection()?.toString() ?? '';
  });
}

/** The admin's right-click on `target`, then "Inspect as PingOne credential" (see the header). */
async function inspectSelection(serviceWorker: Worker, page: Page, target: ReturnType<Page['locator']>) {
  await page.bringToFront();
  await target.click({ button: 'right' });
  const selectionText = await selectedText(page);
  await serviceWorker.evaluate(
    async ({ menuItemId, selectionText, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: unknown): void };
      onClicked.dispatch({ menuItemId, selectionText, pageUrl, frameId: 0, editable: false }, tab);
    },
    { menuItemId: INSPECT_MENU_ID, selectionText, pageUrl: page.url() },
  );
  return selectionText;
}

/** The demo guide in a new tab, the admin selecting a sample's text themselves and inspecting it from the menu. */
async function inspectOnGuide(context: BrowserContext, serviceWorker: Worker, sample: { title: string; text: string }) {
  const guide = await context.newPage();
  await guide.goto(`${CONSOLE_ORIGINS.demo}/`);
  const box = guide.getByRole('textbox', { name: sample.title, exact: true });
  await box.selectText();
  expect(await inspectSelection(serviceWorker, guide, box)).toBe(sample.text);
  return { guide, box };
}

async function putInVault(popup: PopupPage, text: string) {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
  await popup.paste(text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(text);
  await popup.close();
}

async function fingerprintOf(text: string): Promise<string> {
  const read = readCredential(text);
  if (!read.ok) throw new Error(read.error.message);
  return fingerprintCredential(read.credential);
}

test('a selection the page swapped in its contextmenu handler opens as a draft: the vault keeps the admin’s credential and Fill fills it', async ({ extension, context, popup, serviceWorker, fixtures }) => {
  const admin = fixtures.samples.gatewayDev;
  await putInVault(popup, admin.text);

  const article = await context.newPage();
  await article.goto(`${CONSOLE_ORIGINS.evil}/selection-swap`);
  await article.evaluate(() => getSelection()?.selectAllChildren(document.getElementById('visible')!));
  const inspected = await inspectSelection(serviceWorker, article, article.locator('#visible'));
  // The page's handler did swap it: what the menu carries is its JWT, not the paragraph the admin selected.
  expect(inspected).toBe(fixtures.swappedSelection);

  await popup.attach();
  expect((await storedVault(popup.page))?.text).toBe(admin.text);
  const draft = popup.page.getByRole('region', { name: 'Selected text' });
  await expect(draft).toContainText(`Text selected on ${CONSOLE_ORIGINS.evil}: not your credential until you use it.`);
  await expect(draft.locator('.summary')).toContainText('Gateway of evil.test');
  await expect(draft.getByRole('list', { name: 'Checks of the selected text' })).toBeVisible();
  await expect(popup.credential).toHaveValue(admin.text);
  await popup.close();

  // Fill and Test connection act on the vault's credential only: PingAccess receives the admin's gateway.
  const pingAccess = await context.newPage();
  await pingAccess.goto(fixtures.consoleUrl('pingaccess'));
  await popup.openOver(pingAccess);
  await expect(popup.page.getByRole('region', { name: 'Selected text' })).toBeVisible();
  await popup.button('Fill PingAccess').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential: Filled');
  expect(JSON.parse((await pingAccess.getByTestId('app-state').textContent()) ?? '{}')).toMatchObject({ credential: admin.text });
  await popup.close();
  const driver = await ExtensionPage.open(extension);
  expect(await driver.startConnection()).toBe(await fingerprintOf(admin.text));
});

test('"Use this credential" makes the draft the vault’s credential; "Discard" drops it', async ({ context, popup, serviceWorker, fixtures }) => {
  const admin = fixtures.samples.gatewayDev;
  const chosen = fixtures.samples.webAppDevLines;
  await putInVault(popup, admin.text);

  const { guide, box } = await inspectOnGuide(context, serviceWorker, chosen);

  await popup.attach();
  const draft = popup.page.getByRole('region', { name: 'Selected text' });
  await expect(draft).toContainText(`Text selected on ${CONSOLE_ORIGINS.demo}: not your credential until you use it.`);
  await draft.getByRole('button', { name: 'Use this credential' }).click();
  await expect(draft).toHaveCount(0);
  await expect(popup.credential).toHaveValue(chosen.text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(chosen.text);
  await popup.close();

  // Another inspection, discarded: the vault keeps what the admin chose.
  await box.selectText();
  await inspectSelection(serviceWorker, guide, box);
  await popup.attach();
  await popup.page.getByRole('region', { name: 'Selected text' }).getByRole('button', { name: 'Discard' }).click();
  await expect(popup.page.getByRole('region', { name: 'Selected text' })).toHaveCount(0);
  await expect(popup.credential).toHaveValue(chosen.text);
  expect((await storedVault(popup.page))?.text).toBe(chosen.text);
  await popup.close();
  await popup.openInTab();
  await expect(popup.page.getByRole('region', { name: 'Selected text' })).toHaveCount(0);
});

test('text used from a selection shows its page’s origin and asks once, in the background, before its first fill or test', async ({ extension, context, popup, serviceWorker, fixtures }) => {
  const chosen = fixtures.samples.gatewayDev;
  await putInVault(popup, fixtures.samples.webAppDevLines.text);

  await inspectOnGuide(context, serviceWorker, chosen);
  await popup.attach();
  await popup.page.getByRole('region', { name: 'Selected text' }).getByRole('button', { name: 'Use this credential' }).click();
  await expect(popup.credential).toHaveValue(chosen.text);
  await expect(popup.page.locator('#credential-source')).toHaveText(`From a selection on ${CONSOLE_ORIGINS.demo}`);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(chosen.text);
  await popup.close();

  // The gate is the background's: a message straight from an extension page, with no popup in between, is refused.
  const driver = await ExtensionPage.open(extension);
  expect(await driver.page.evaluate(() => chrome.runtime.sendMessage({ type: 'connection.start' }))).toEqual({
    ok: false,
    error: `This credential is text selected on ${CONSOLE_ORIGINS.demo}: confirm it first.`,
    confirmSource: CONSOLE_ORIGINS.demo,
  });
  await driver.page.close();

  const pingAccess = await context.newPage();
  await pingAccess.goto(fixtures.consoleUrl('pingaccess'));
  await popup.openOver(pingAccess);
  await expect(popup.page.locator('#credential-source')).toHaveText(`From a selection on ${CONSOLE_ORIGINS.demo}`);
  const question = popup.page.getByRole('alert', { name: 'Confirm the selected text' });

  // Test connection asks; Cancel: nothing is tested.
  await popup.button('Test connection').click();
  await expect(question).toContainText(`Text selected on ${CONSOLE_ORIGINS.demo}: that page chose it. Test with it?`);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(popup.page.getByRole('region', { name: 'Connection test' })).toContainText(`This credential is text selected on ${CONSOLE_ORIGINS.demo}: confirm it first.`);

  // Fill asks; nothing reaches the page before the answer, then the admin's yes fills it.
  await popup.button('Fill PingAccess').click();
  await expect(question).toContainText('Fill with it?');
  expect(JSON.parse((await pingAccess.getByTestId('app-state').textContent()) ?? '{}').credential ?? '').toBe('');
  await question.getByRole('button', { name: 'Fill with it' }).click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential: Filled');
  expect(JSON.parse((await pingAccess.getByTestId('app-state').textContent()) ?? '{}')).toMatchObject({ credential: chosen.text });
  await popup.close();

  // Asked once: the next fill and the test go without the question, and the origin is still said.
  await pingAccess.reload();
  await popup.openOver(pingAccess);
  await expect(popup.page.locator('#credential-source')).toHaveText(`From a selection on ${CONSOLE_ORIGINS.demo}`);
  await popup.button('Fill PingAccess').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential: Filled');
  await expect(popup.page.getByRole('alert', { name: 'Confirm the selected text' })).toHaveCount(0);
  await popup.close();
  const again = await ExtensionPage.open(extension);
  expect(await again.startConnection()).toBe(await fingerprintOf(chosen.text));
});
